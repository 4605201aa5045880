import { cellToJsonValue, cellToText, type Cell } from '../../shared/cells'
import type { ColumnInfo } from '../../shared/contract'
import type { StreamEvent } from '../dialects/types'

export interface RowPrinter {
  event(event: StreamEvent): void
  end(): void
}

/** Tab-separated text with a header row; tabs and newlines inside values are escaped so each row stays one line. */
export function textPrinter(write: (text: string) => void): RowPrinter {
  const escape = (text: string) =>
    text.replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
  let affected: number | null = null
  return {
    event(event) {
      if (event.kind === 'columns' && event.columns.length > 0)
        write(event.columns.map((c) => escape(c.name)).join('\t') + '\n')
      else if (event.kind === 'rows')
        write(
          event.rows
            .map((row) => row.map((cell) => escape(cellToText(cell, Infinity))).join('\t'))
            .join('\n') + '\n',
        )
      else if (event.kind === 'done') affected = event.affectedRows
    },
    end() {
      if (affected !== null) write(`${affected} row${affected === 1 ? '' : 's'} affected\n`)
    },
  }
}

/** A JSON array of row objects, written as rows arrive so output starts before the query ends. */
export function jsonPrinter(write: (text: string) => void): RowPrinter {
  let columns: ColumnInfo[] = []
  let first = true
  write('[')
  const toObject = (row: Cell[]) =>
    Object.fromEntries(columns.map((c, i) => [c.name, cellToJsonValue(row[i] ?? null)]))
  return {
    event(event) {
      if (event.kind === 'columns') columns = event.columns
      else if (event.kind === 'rows') {
        for (const row of event.rows) {
          write((first ? '\n' : ',\n') + JSON.stringify(toObject(row)))
          first = false
        }
      }
    },
    end() {
      write(first ? ']\n' : '\n]\n')
    },
  }
}
