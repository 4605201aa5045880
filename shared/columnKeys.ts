/**
 * One distinct key per result column: its name, and for a repeated name
 * (`SELECT a.id, b.id`) the name with `#2`, `#3`… So each keeps its own
 * width and place in a grid, and its own property in a JSON row object.
 */
export function columnKeys(columns: readonly { name: string }[]): string[] {
  const used = new Set<string>()
  return columns.map(({ name }) => {
    let key = name
    for (let n = 2; used.has(key); n++) key = `${name}#${n}`
    used.add(key)
    return key
  })
}
