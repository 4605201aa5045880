import type { IndexAdvice } from '../../../shared/json/indexAdvice'

interface Props {
  advice: IndexAdvice[] | null
  onCheck(): void
  onOpenSql(sql: string): void
}

/** The index each lookup could use, its DDL, and whether EXPLAIN shows the filter using it. */
export function IndexAdvicePanel({ advice, onCheck, onOpenSql }: Props) {
  return (
    <section className="json-advice" aria-label="Index advice">
      <header>
        <strong>Index advice</strong>
        <button onClick={onCheck}>{advice ? 'Check again' : 'Advise'}</button>
      </header>
      {advice?.length === 0 && <p>No index would serve these lookups on this database.</p>}
      {advice?.map((item) => (
        <article key={item.indexName} className="json-advice-item">
          <div>
            <code>{item.lookup}</code>: {item.kind}
          </div>
          <pre>{item.ddl.join(';\n') + ';'}</pre>
          <p>{item.note}</p>
          <p className="json-advice-status" data-testid="index-status">
            {!item.exists
              ? `${item.indexName} does not exist yet.`
              : item.used
                ? `EXPLAIN: the filter uses ${item.indexName}.`
                : `EXPLAIN: the filter does not use ${item.indexName} (the planner may prefer a scan on a small table).`}
          </p>
          <button onClick={() => onOpenSql(item.ddl.join(';\n') + ';\n')}>
            Open DDL in editor
          </button>
          <button onClick={() => onOpenSql(item.sql + ';\n')}>Open filter in editor</button>
        </article>
      ))}
    </section>
  )
}
