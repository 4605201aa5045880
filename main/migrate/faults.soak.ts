import { migrationFaultSuite } from '../testing/migrationFaults'

migrationFaultSuite(30)
