import { toErrorData } from '../../../shared/errors'
import type { ObjectAction, StatementTarget } from '../../../shared/schemaContract'
import { ExportDialog } from '../export/ExportDialog'
import { ResultSet } from '../query/ResultSet'
import type { ObjectActions } from '../schema/ObjectActions'
import { objectKey } from '../schema/treeRows'
import { TableTab } from '../table/TableTab'
import { ConfirmDialog } from './ConfirmDialog'
import { ErrorDialog } from './ErrorDialog'
import type { ConnectionSession } from './ConnectionSession'
import { openDefinition, openJson, openQuery, openTable } from './openTabs'
import type { Overlays } from './Overlays'

const verbs: Partial<Record<ObjectAction, string>> = { truncate: 'Truncate', drop: 'Drop' }

/**
 * What the tree's objects do, on one session: open tabs, generate statements
 * into a new query tab, and run TRUNCATE or DROP once the user has confirmed
 * with the object named.
 */
export function objectActions(
  session: ConnectionSession,
  overlays: Overlays,
  exportDir: string,
): ObjectActions {
  const statement = async (target: StatementTarget, action: ObjectAction) => {
    const connectionId = session.connectionId
    if (!connectionId) return
    let answer: { sql: string; destructive: boolean }
    try {
      answer = await session.client.call('schema.statement', {
        connectionId,
        object: target,
        action,
      })
    } catch (error) {
      overlays.show((close) => (
        <ErrorDialog
          label={`Cannot ${action} ${target.name}`}
          error={toErrorData(error)}
          onClose={close}
        />
      ))
      return
    }
    if (!answer.destructive) {
      openQuery(session, `${answer.sql}\n`)
      return
    }
    const what = `${verbs[action] ?? action} ${target.kind} ${target.name}`
    overlays.show((close) => (
      <ConfirmDialog
        label={`${what}?`}
        confirmLabel={what}
        onClose={close}
        onConfirm={async () => {
          const result = new ResultSet(session.client, connectionId, answer.sql, 0).start()
          const outcome = await result.finished()
          result.close()
          if (outcome.status !== 'done') return outcome.error ?? toErrorData('Not done')
          afterChange(session, target, action)
          return null
        }}
      >
        <p>
          {action === 'drop'
            ? `This removes ${target.kind} “${target.name}” from ${target.schema}${target.kind === 'table' ? ' with all its rows' : ''}.`
            : `This deletes every row of “${target.name}” in ${target.schema}.`}{' '}
          It cannot be undone. Sluice will run:
        </p>
        <pre className="confirm-sql">{answer.sql}</pre>
      </ConfirmDialog>
    ))
  }

  return {
    openData: (object) => openTable(session, object, 'data'),
    openStructure: (object) => openTable(session, object, 'structure'),
    openDefinition: (object) => openDefinition(session, object),
    queryJson: (object) => openJson(session, object),
    exportRows: (object) => {
      const connectionId = session.connectionId
      if (!connectionId) return
      overlays.show((close) => (
        <ExportDialog
          client={session.client}
          source={{
            kind: 'table',
            connectionId,
            object: { schema: object.schema, name: object.name },
          }}
          folder={exportDir}
          name={object.name}
          onClose={close}
        />
      ))
    },
    statement: (target, action) => void statement(target, action),
  }
}

/** After TRUNCATE or DROP: the tree reads the schema again, and the object's tab follows. */
function afterChange(session: ConnectionSession, target: StatementTarget, action: ObjectAction) {
  session.schemaChanged()
  const tab = session.findTab(`table:${objectKey(target)}`)
  if (!(tab instanceof TableTab)) return
  if (action === 'drop') session.closeTab(tab)
  else void tab.refresh()
}
