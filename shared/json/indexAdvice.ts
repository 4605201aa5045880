/** The index Sluice suggests for one lookup, and whether the database now uses it. */
export interface IndexAdvice {
  /** The lookup, as the filter language writes it. */
  lookup: string
  kind: string
  indexName: string
  ddl: string[]
  /** The filter's statement as the index can serve it, to run once the index exists; what EXPLAIN is asked about. */
  sql: string
  note: string
  /** The index exists on the table. */
  exists: boolean
  /** EXPLAIN of `sql` names the index; null until it exists. */
  used: boolean | null
}
