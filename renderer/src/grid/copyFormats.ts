import { cellToText, type Cell } from '../../../shared/cells'
import type { DialectName } from '../../../shared/connectionUrl'
import { formatter, type ExportFormat } from '../../../shared/export/formats'
import { qualifiedName } from '../../../shared/sql/quote'
import { isNumericType } from './cellDisplay'
import type { GridColumn } from './GridSource'

/** `tsv` is what Ctrl+C copies; the rest are the Copy as… menu. */
export type CopyFormat = 'tsv' | 'csv' | 'json' | 'markdown' | 'sql'

/** What Copy as SQL INSERT inserts into: a plain table name (and schema), quoted here. */
export interface CopyTarget {
  dialect: DialectName
  table: string
  schema?: string
}

export const copyFormatNames: Record<CopyFormat, string> = {
  tsv: 'tab-separated text',
  csv: 'CSV',
  json: 'JSON',
  markdown: 'Markdown',
  sql: 'SQL INSERT',
}

/** Matches an SQL export's default target, `INSERT INTO "result"`. */
export const defaultCopyTarget: CopyTarget = { dialect: 'postgres', table: 'result' }

const exported: Partial<Record<CopyFormat, ExportFormat>> = { csv: 'csv', json: 'json', sql: 'sql' }

/**
 * Rows as text in a copy format. CSV, JSON and SQL are written by the export's
 * own formatter, so a copied range reads exactly as the same rows exported.
 * TSV and Markdown follow the CSV's conventions: NULL is empty, JSON compact,
 * binary as \x-hex, big integers as the exact text the engine sent.
 */
export function formatCopy(
  format: CopyFormat,
  columns: readonly GridColumn[],
  rows: readonly Cell[][],
  target: CopyTarget = defaultCopyTarget,
): string {
  const exportFormat = exported[format]
  if (exportFormat) {
    const table = qualifiedName(target.dialect, target.schema, target.table)
    const write = formatter(exportFormat, { dialect: target.dialect, table })
    return write.start([...columns]) + write.rows([...rows]) + write.end()
  }
  return format === 'markdown' ? toMarkdown(columns, rows) : toTsv(rows)
}

/**
 * Spreadsheet clipboard text: cells joined by tabs, rows by line feeds, no
 * header. A value holding a tab, line break or quote is quoted with its quotes
 * doubled, as Excel and Google Sheets write and read it. One cell alone is its
 * bare value, as DataGrip and TablePlus copy it, so a JSON document or a
 * multi-line text pastes into an editor as it is.
 */
export function toTsv(rows: readonly Cell[][]): string {
  if (rows.length === 1 && rows[0]!.length === 1) return plainText(rows[0]![0]!)
  return rows.map((row) => row.map((cell) => tsvField(plainText(cell))).join('\t')).join('\n')
}

export function tsvField(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A GitHub-flavoured table; numeric columns right-aligned, pipes escaped, line breaks as <br>. */
export function toMarkdown(columns: readonly GridColumn[], rows: readonly Cell[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const lines = [
    line(columns.map((column) => markdownField(column.name))),
    line(columns.map((column) => (isNumericType(column.type) ? '---:' : '---'))),
    ...rows.map((row) => line(row.map((cell) => markdownField(plainText(cell))))),
  ]
  return lines.join('\n') + '\n'
}

function markdownField(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\r\n|\r|\n/g, '<br>')
}

function plainText(cell: Cell): string {
  return cell === null ? '' : cellToText(cell, Infinity)
}
