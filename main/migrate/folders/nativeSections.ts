import { SluiceError } from '../../../shared/errors'

/** The two sections of a native (dbmate-style) migration file. */
export interface NativeSections {
  up: string
  down: string | null
  transaction: boolean
  downTransaction: boolean
  foreignKeysOff: boolean
  downForeignKeysOff: boolean
}

/** What a marker's options say about how its section runs. */
interface SectionOptions {
  transaction: boolean
  foreignKeysOff: boolean
}

/** `-- migrate:up` or `-- migrate:down`, then options such as `transaction:false`, on a line of its own. */
const marker = /^--\s*migrate:(up|down)\b(.*)$/gm

/**
 * Splits a file into its `-- migrate:up` and `-- migrate:down` sections, as
 * dbmate writes them, so that existing dbmate folders work unchanged. The
 * markers are read only at the start of a line; text before the up marker is
 * a header comment and is not run.
 */
export function nativeSections(text: string, file: string): NativeSections {
  const normalized = text.replace(/\r\n?/g, '\n')
  const markers = [...normalized.matchAll(marker)]
  const up = markers.filter((m) => m[1] === 'up')
  const down = markers.filter((m) => m[1] === 'down')
  if (up.length !== 1)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message:
        up.length === 0
          ? `${file} has no "-- migrate:up" line; each migration needs one before its statements`
          : `${file} has ${up.length} "-- migrate:up" lines; a migration has one up section`,
    })
  if (down.length > 1)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `${file} has ${down.length} "-- migrate:down" lines; a migration has at most one down section`,
    })
  const upMarker = up[0]!
  const downMarker = down[0]
  if (downMarker && downMarker.index! < upMarker.index!)
    throw new SluiceError({
      code: 'BAD_REQUEST',
      message: `${file} has its "-- migrate:down" section before "-- migrate:up"; put up first`,
    })
  const section = (start: RegExpMatchArray, end: RegExpMatchArray | undefined) =>
    normalized.slice(start.index! + start[0].length, end?.index ?? normalized.length).trim()
  const upOptions = optionsOf(upMarker[2]!, file)
  const downOptions = downMarker ? optionsOf(downMarker[2]!, file) : defaults
  return {
    up: section(upMarker, downMarker),
    down: downMarker ? section(downMarker, undefined) : null,
    transaction: upOptions.transaction,
    downTransaction: downOptions.transaction,
    foreignKeysOff: upOptions.foreignKeysOff,
    downForeignKeysOff: downOptions.foreignKeysOff,
  }
}

const defaults: SectionOptions = { transaction: true, foreignKeysOff: false }

/**
 * Reads a marker's options: dbmate's `transaction:false`, and Sluice's
 * `foreign_keys:off` for SQLite table rebuilds, which switches enforcement
 * off around the transaction and checks every key before it commits.
 */
function optionsOf(text: string, file: string): SectionOptions {
  const options = { ...defaults }
  for (const option of text.trim().split(/\s+/).filter(Boolean)) {
    if (option === 'transaction:false' || option === 'transaction:true')
      options.transaction = option === 'transaction:true'
    else if (option === 'foreign_keys:off') options.foreignKeysOff = true
    else
      throw new SluiceError({
        code: 'BAD_REQUEST',
        message: `${file}: unknown migration option "${option}"; the options are transaction:false and foreign_keys:off`,
      })
  }
  return options
}
