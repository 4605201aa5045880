import type { Column, ForeignKey, Index } from '../../../shared/schema/model'

/** How the browser and the table view print schema objects, one line each. */

export function columnType(column: Column): string {
  const parts = [column.type || '(no type)']
  if (!column.nullable) parts.push('not null')
  if (column.identity)
    parts.push(
      column.identity === 'autoincrement' ? 'auto-increment' : `identity ${column.identity}`,
    )
  if (column.generated) parts.push(`generated ${column.generated.stored ? 'stored' : 'virtual'}`)
  return parts.join(' · ')
}

export function foreignKeyText(fk: ForeignKey): string {
  const target = `${fk.referencedTable}(${fk.referencedColumns.join(', ')})`
  const actions = [`ON DELETE ${fk.onDelete.toUpperCase()}`]
  if (fk.onUpdate !== 'no action') actions.push(`ON UPDATE ${fk.onUpdate.toUpperCase()}`)
  return `${fk.columns.join(', ')} → ${target} ${actions.join(' ')}`
}

export function indexText(index: Index): string {
  const parts = index.parts.map((p) => p.expression + (p.descending ? ' DESC' : '')).join(', ')
  const kind = [index.unique ? 'unique' : '', index.method ?? ''].filter(Boolean).join(' ')
  return `(${parts})${kind ? ` ${kind}` : ''}${index.where ? ` WHERE ${index.where}` : ''}`
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 })
const full = new Intl.NumberFormat('en')

/** `≈ 50K rows` for the tree, with the exact estimate in the title. */
export function rowEstimateText(estimate: number | null): { short: string; title: string } {
  if (estimate === null)
    return { short: '', title: 'No statistics yet (run ANALYZE for an estimate)' }
  return {
    short: `≈${compact.format(estimate)}`,
    title: `About ${full.format(estimate)} rows, from statistics`,
  }
}
