/** The failing statement with the server's error position underlined: the word that starts there. */
export function StatementWithPosition({ sql, position }: { sql: string; position?: number }) {
  if (!position || position > sql.length) return <pre className="failed-statement">{sql}</pre>
  const start = position - 1
  const word = /^\S+/.exec(sql.slice(start))?.[0] ?? sql.charAt(start)
  return (
    <pre className="failed-statement">
      {sql.slice(0, start)}
      <u className="error-at" data-testid="error-position">
        {word}
      </u>
      {sql.slice(start + word.length)}
    </pre>
  )
}
