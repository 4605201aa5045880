import type { Finding, FindingEffect, FindingKind, Verdict } from '../../shared/preview'

const constraintKinds: FindingKind[] = ['not_null', 'unique', 'foreign_key', 'check']

export interface RunOutcome {
  /** The shadow's error, when a statement failed on it. */
  failure: string | null
  /** The dialect rejects or cuts values that do not fit (all but SQLite). */
  enforcesTypes: boolean
  /** MySQL: the session's sql_mode is strict, so a value that does not fit fails rather than being cut. */
  strict: boolean | null
}

/** What happens to a finding's rows, given how the migration went on the shadow. */
export function effectOf(kind: FindingKind, outcome: RunOutcome): FindingEffect {
  if (constraintKinds.includes(kind)) return 'fails'
  if (kind === 'drop_column' || kind === 'drop_table') return 'loses'
  if (outcome.failure) return 'fails'
  if (!outcome.enforcesTypes) return 'warns'
  return outcome.strict === true ? 'fails' : 'loses'
}

/** One verdict for a migration and its reason, counts included. */
export function verdictOf(
  findings: Finding[],
  failure: { statement: number; error: string } | null,
): { verdict: Verdict; reason: string } {
  const found = findings.filter((f) => f.count > 0)
  const by = (effect: FindingEffect) => found.filter((f) => f.effect === effect)
  const say = (list: Finding[]) => list.map((f) => f.message).join('; ')
  if (failure || by('fails').length > 0) {
    const where = failure
      ? `Fails at statement ${failure.statement}: ${failure.error}`
      : 'Will fail'
    const why = by('fails')
    return { verdict: 'will_fail', reason: why.length > 0 ? `${where}. ${say(why)}` : where }
  }
  if (by('loses').length > 0)
    return { verdict: 'loses_data', reason: `Loses data: ${say(by('loses'))}` }
  if (by('warns').length > 0)
    return { verdict: 'warning', reason: `Runs, but: ${say(by('warns'))}` }
  return { verdict: 'clean', reason: 'Runs on the shadow, and no row fails or loses data' }
}
