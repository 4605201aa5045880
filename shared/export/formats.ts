import { columnKeys } from '../columnKeys'
import { cellToJsonValue, cellToText, isBytesCell, isJsonCell, jsonText, type Cell } from '../cells'
import type { DialectName } from '../connectionUrl'
import type { ColumnInfo } from '../contract'
import { quoteIdentifier, quoteLiteral } from '../sql/quote'

export const exportFormats = ['csv', 'json', 'ndjson', 'sql'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** Turns a result into text piece by piece, so a writer never holds more than a batch. */
export interface RowFormatter {
  start(columns: ColumnInfo[]): string
  rows(rows: Cell[][]): string
  end(): string
}

/** What an SQL export (or a grid's Copy as SQL INSERT) inserts into, and in whose SQL. */
export interface InsertTarget {
  dialect: DialectName
  /** The table as SQL, already quoted (`qualifiedName`). */
  table: string
}

export function formatter(format: ExportFormat, target?: InsertTarget): RowFormatter {
  switch (format) {
    case 'csv':
      return csv()
    case 'json':
      return json()
    case 'ndjson':
      return ndjson()
    case 'sql':
      return inserts(target ?? { dialect: 'postgres', table: 'result' })
  }
}

/** RFC 4180: a header line, CRLF-free values quoted when they hold a comma, quote or line break. NULL is empty. */
function csv(): RowFormatter {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text)
  return {
    start: (columns) => columns.map((c) => field(c.name)).join(',') + '\n',
    rows: (rows) => {
      let out = ''
      for (const row of rows)
        out +=
          row.map((cell) => (cell === null ? '' : field(cellToText(cell, Infinity)))).join(',') +
          '\n'
      return out
    },
    end: () => '',
  }
}

/**
 * A row as JSON object text. It is written out key by key rather than built
 * as an object: a repeated column name keeps each value (`id`, `id#2`), and a
 * column named `__proto__` stays a property instead of vanishing.
 */
function objectMaker(): { columns(columns: ColumnInfo[]): void; object(row: Cell[]): string } {
  let keys: string[] = []
  return {
    columns: (columns) => (keys = columnKeys(columns).map((key) => JSON.stringify(key))),
    object: (row) => `{${keys.map((key, i) => `${key}:${valueJson(row[i] ?? null)}`).join(',')}}`,
  }
}

/** A cell as JSON text; a JSON document is written as the server sent it, so its digits survive. */
function valueJson(cell: Cell): string {
  return isJsonCell(cell) ? jsonText(cell) : JSON.stringify(cellToJsonValue(cell))
}

/** One JSON array of row objects, one object per line so it streams and diffs well. */
function json(): RowFormatter {
  const maker = objectMaker()
  let first = true
  return {
    start: (columns) => {
      maker.columns(columns)
      return '['
    },
    rows: (rows) => {
      let out = ''
      for (const row of rows) {
        out += (first ? '\n' : ',\n') + maker.object(row)
        first = false
      }
      return out
    },
    end: () => (first ? ']\n' : '\n]\n'),
  }
}

function ndjson(): RowFormatter {
  const maker = objectMaker()
  return {
    start: (columns) => {
      maker.columns(columns)
      return ''
    },
    rows: (rows) => rows.map((row) => maker.object(row) + '\n').join(''),
    end: () => '',
  }
}

/** One INSERT per row, names and values quoted by the dialect's own functions. */
function inserts({ dialect, table }: InsertTarget): RowFormatter {
  let prefix = ''
  const literal = (cell: Cell): string => {
    if (cell === null) return 'NULL'
    if (typeof cell === 'number')
      return Number.isFinite(cell) ? String(cell) : quoteLiteral(dialect, String(cell))
    if (typeof cell === 'boolean')
      return dialect === 'sqlite' ? (cell ? '1' : '0') : cell ? 'TRUE' : 'FALSE'
    if (isJsonCell(cell)) return quoteLiteral(dialect, jsonText(cell))
    if (isBytesCell(cell)) {
      const hex = cellToText(cell, Infinity).slice(2)
      return dialect === 'postgres' ? `'\\x${hex}'::bytea` : `X'${hex}'`
    }
    return quoteLiteral(dialect, cell)
  }
  return {
    start: (columns) => {
      prefix = `INSERT INTO ${table} (${columns.map((c) => quoteIdentifier(dialect, c.name)).join(', ')}) VALUES (`
      return ''
    },
    rows: (rows) => rows.map((row) => prefix + row.map(literal).join(', ') + ');\n').join(''),
    end: () => '',
  }
}
