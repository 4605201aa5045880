import type { Verdict } from '../../../shared/preview'

/** How the Preview tab names each verdict on its badge. */
export const verdictLabels: Record<Verdict, string> = {
  clean: 'clean',
  warning: 'warning',
  will_fail: 'will fail',
  loses_data: 'loses data',
  not_run: 'not run',
}
