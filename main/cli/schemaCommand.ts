import { connectUrl, dialects } from '../dialects/registry'

export interface SchemaOptions {
  url: string
  json: boolean
}

/** `sluice schema`: the database's schema model as JSON, or as the DDL that recreates it. */
export async function schemaCommand(
  options: SchemaOptions,
  write: (text: string) => void,
): Promise<void> {
  const connection = await connectUrl(options.url)
  try {
    const model = await connection.introspect()
    if (options.json) write(JSON.stringify(model, null, 2) + '\n')
    else
      for (const statement of dialects[model.dialect].generateDdl(model)) write(`${statement};\n\n`)
  } finally {
    await connection.close()
  }
}
