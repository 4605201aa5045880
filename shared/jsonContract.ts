import { z } from 'zod'
import { cellSchema } from './cells'
import { objectRefSchema } from './objectRef'
import type { IndexAdvice } from './json/indexAdvice'
import type { JsonColumn } from './json/jsonColumn'
import type { JsonShape } from './json/shape'

/** The JSON editor's part of the contract: columns, their shape, filters compiled to SQL, index advice, staged edits. */

const id = z.string().min(1).max(200)
const name = z.string().min(1).max(1000)
const where = z.string().min(1).max(100_000)
/** A filter may be empty: it then selects every row. */
const filterText = z.string().max(100_000)
const column = { connectionId: id, object: objectRefSchema.strict(), column: name }

export const jsonMethods = {
  /** The table's JSON columns and how each was recognised. */
  'json.columns': {
    input: z.object({ connectionId: id, object: objectRefSchema.strict() }).strict(),
    output: z.object({ columns: z.array(z.custom<JsonColumn>()) }),
  },
  /** The column's path tree from a sample; kept per table until `refresh`. */
  'json.shape': {
    input: z
      .object({
        ...column,
        sampleSize: z.number().int().min(1).max(100_000).optional(),
        refresh: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ shape: z.custom<JsonShape>() }),
  },
  /** The statement a filter compiles to on this connection, and the filter as Sluice reads it back. */
  'json.filter': {
    input: z.object({ ...column, where: filterText }).strict(),
    output: z.object({ sql: z.string(), lookups: z.array(z.string()) }),
  },
  /** Per lookup, the index this dialect would use, and whether EXPLAIN shows it used. */
  'json.advise': {
    input: z.object({ ...column, where }).strict(),
    output: z.object({ advice: z.array(z.custom<IndexAdvice>()) }),
  },
  /** An UPDATE setting one row's JSON value, after checking it is JSON: staged, not run. */
  'json.stageEdit': {
    input: z
      .object({
        ...column,
        key: z.record(z.string(), cellSchema),
        text: z.string().max(50_000_000),
      })
      .strict(),
    output: z.object({ sql: z.string() }),
  },
} as const
