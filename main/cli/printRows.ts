import { cellToText } from '../../shared/cells'
import type { StreamEvent } from '../dialects/types'
import { formatter } from '../../shared/export/formats'

export const outputFormats = ['text', 'csv', 'json', 'ndjson'] as const
export type OutputFormat = (typeof outputFormats)[number]

/** Prints one statement's result as it streams. */
export interface RowPrinter {
  event(event: StreamEvent): void
  end(): void
}

export function printerFor(format: OutputFormat, write: (text: string) => void): RowPrinter {
  return format === 'text' ? textPrinter(write) : formattedPrinter(format, write)
}

/** Tab-separated text with a header row; tabs and newlines inside values are escaped so each row stays one line. */
function textPrinter(write: (text: string) => void): RowPrinter {
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

/** The export formats, written as rows arrive; a statement without a result set prints nothing. */
function formattedPrinter(
  format: Exclude<OutputFormat, 'text'>,
  write: (text: string) => void,
): RowPrinter {
  const rows = formatter(format)
  let started = false
  return {
    event(event) {
      if (event.kind === 'columns' && event.columns.length > 0) {
        started = true
        write(rows.start(event.columns))
      } else if (event.kind === 'rows') write(rows.rows(event.rows))
    },
    end() {
      if (started) write(rows.end())
    },
  }
}
