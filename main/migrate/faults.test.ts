import { migrationFaultSuite } from '../testing/migrationFaults'

// Five trials of each kind per dialect here; `npm run test:soak` runs thirty (faults.soak.ts).
migrationFaultSuite(5)
