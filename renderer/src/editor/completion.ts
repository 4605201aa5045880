import type { DialectName } from '../../../shared/connectionUrl'
import type { ObjectRef, SchemaObject, SchemaObjects } from '../../../shared/contract'
import type { ShapeNode } from '../../../shared/json/shape'
import { quoteIdentifier } from '../../../shared/sql/quote'
import { statementAt } from '../../../shared/sql/splitStatements'
import { languageOf } from '../monaco/languageOf'
import { monaco } from '../monaco/monaco'
import { jsonPathItems, nodeAt } from './jsonPathItems'
import { jsonPathContext, type JsonPathContext } from './jsonPathContext'
import { completionContext, tablesInScope, type TableReference } from './sqlScope'
import { functionsOf, keywordsOf } from './sqlWords'

/** What completion knows of one connection's database. */
export interface CompletionSource {
  dialect: DialectName
  objects(): SchemaObjects | null
  /** A table's or view's columns, described on first use and cached; empty when they cannot be read now. */
  columns(object: ObjectRef): Promise<{ name: string; type: string }[]>
  /** A JSON column's path tree, sampled on first use; null when it cannot be read now. */
  jsonShape(object: ObjectRef, column: string): Promise<ShapeNode | null>
}

let sourceOf: (model: monaco.editor.ITextModel) => CompletionSource | null = () => null

/** How completion finds the connection an editor's text belongs to: each query tab is on one. */
export function setCompletionLookup(
  lookup: (model: monaco.editor.ITextModel) => CompletionSource | null,
): void {
  sourceOf = lookup
}

/** Monaco providers are per language and global, so they are registered once and read the current source. */
export function registerCompletion(): void {
  for (const language of new Set(Object.values(languageOf)))
    monaco.languages.registerCompletionItemProvider(language, {
      triggerCharacters: ['.', "'"],
      provideCompletionItems: async (model, position, context) => {
        const source = sourceOf(model)
        if (!source) return { suggestions: [] }
        const before = model.getValueInRange(
          new monaco.Range(
            Math.max(1, position.lineNumber - 5),
            1,
            position.lineNumber,
            position.column,
          ),
        )
        const json = jsonPathContext(before)
        if (json)
          return {
            suggestions: await jsonSuggestions(
              source,
              model.getValue(),
              model.getOffsetAt(position),
              json,
              position,
            ),
          }
        if (context.triggerCharacter === "'") return { suggestions: [] }
        const word = model.getWordUntilPosition(position)
        const range = new monaco.Range(
          position.lineNumber,
          word.startColumn,
          position.lineNumber,
          word.endColumn,
        )
        const text = model.getValue()
        const offset = model.getOffsetAt(position)
        return { suggestions: await suggest(source, text, offset, range) }
      },
    })
}

async function suggest(
  source: CompletionSource,
  text: string,
  offset: number,
  range: monaco.IRange,
): Promise<monaco.languages.CompletionItem[]> {
  const { dialect } = source
  const span = statementAt(text, offset, dialect)
  const start = span && span.start <= offset ? span.start : 0
  const statement = text.slice(start, Math.max(offset, span?.end ?? offset))
  const context = completionContext(text.slice(start, offset), dialect)
  const objects = source.objects()?.objects ?? []
  const namespaces = source.objects()?.namespaces ?? []
  const scope = tablesInScope(statement, dialect)
  const Kind = monaco.languages.CompletionItemKind
  const name = (value: string) => nameText(dialect, value)

  const tableItems = (list: SchemaObject[]) =>
    list.map((o) => ({
      label: o.name,
      kind: o.kind === 'view' ? Kind.Interface : Kind.Struct,
      detail: `${o.kind} in ${o.schema}`,
      insertText: name(o.name),
      sortText: '1' + o.name,
      range,
    }))
  const columnItems = async (refs: TableReference[]) => {
    const lists = await Promise.all(
      refs.map(async (ref) => {
        const object = resolve(objects, ref)
        if (!object) return []
        return (await source.columns(object)).map((c) => ({
          label: c.name,
          kind: Kind.Field,
          detail: `${c.type} · ${ref.alias ?? object.name}`,
          insertText: name(c.name),
          sortText: '0' + c.name,
          range,
        }))
      }),
    )
    return lists.flat()
  }

  if (context.kind === 'member') {
    const qualifier = context.qualifier.toLowerCase()
    const owner = scope.filter(
      (ref) =>
        (ref.alias ?? ref.name).toLowerCase() === qualifier || ref.name.toLowerCase() === qualifier,
    )
    if (owner.length > 0) return columnItems(owner.slice(0, 1))
    const schema = namespaces.find((ns) => ns.toLowerCase() === qualifier)
    if (schema) return tableItems(objects.filter((o) => o.schema === schema))
    // A table named directly, not yet in a FROM clause.
    return columnItems([{ schema: null, name: context.qualifier, alias: null }])
  }
  const schemaItems = namespaces.map((ns) => ({
    label: ns,
    kind: Kind.Module,
    detail: 'schema',
    insertText: name(ns),
    sortText: '2' + ns,
    range,
  }))
  if (context.kind === 'table') return [...tableItems(objects), ...schemaItems]
  return [
    ...(await columnItems(scope)),
    ...tableItems(objects),
    ...functionsOf(dialect).map((f) => ({
      label: f,
      kind: Kind.Function,
      insertText: f,
      sortText: '3' + f,
      range,
    })),
    ...keywordsOf(dialect).map((k) => ({
      label: k,
      kind: Kind.Keyword,
      insertText: k,
      sortText: '4' + k,
      range,
    })),
  ]
}

/** Keys, nested keys and array elements under the typed path, with their types and presence. */
async function jsonSuggestions(
  source: CompletionSource,
  text: string,
  offset: number,
  context: JsonPathContext,
  position: monaco.Position,
): Promise<monaco.languages.CompletionItem[]> {
  const span = statementAt(text, offset, source.dialect)
  const statement = text.slice(span?.start ?? 0, Math.max(offset, span?.end ?? offset))
  const objects = source.objects()?.objects ?? []
  for (const ref of tablesInScope(statement, source.dialect)) {
    const object = resolve(objects, ref)
    if (!object) continue
    const columns = await source.columns(object)
    const column = columns.find((c) => c.name.toLowerCase() === context.column.toLowerCase())
    if (!column) continue
    const shape = await source.jsonShape(object, column.name)
    const node = shape && nodeAt(shape, context.path)
    if (!node) return []
    const range = new monaco.Range(
      position.lineNumber,
      position.column - context.partial.length,
      position.lineNumber,
      position.column,
    )
    return jsonPathItems(node, context.style).map((item, index) => ({
      label: item.label,
      kind: monaco.languages.CompletionItemKind.Property,
      detail: item.detail,
      insertText: item.insertText,
      sortText: String(index).padStart(4, '0'),
      range,
    }))
  }
  return []
}

/** The schema object a reference names: exact first, then ignoring case as unquoted names are read. */
function resolve(objects: SchemaObject[], ref: TableReference): SchemaObject | undefined {
  const candidates = objects.filter((o) => ref.schema === null || o.schema === ref.schema)
  return (
    candidates.find((o) => o.name === ref.name) ??
    candidates.find((o) => o.name.toLowerCase() === ref.name.toLowerCase())
  )
}

/** A name as it must be typed: bare when the dialect reads it back unchanged, quoted otherwise. */
function nameText(dialect: DialectName, name: string): string {
  const bare = dialect === 'postgres' ? /^[a-z_][a-z0-9_$]*$/ : /^[A-Za-z_][A-Za-z0-9_$]*$/
  const keyword = keywordsOf(dialect).includes(name.toUpperCase())
  return bare.test(name) && !keyword ? name : quoteIdentifier(dialect, name)
}
