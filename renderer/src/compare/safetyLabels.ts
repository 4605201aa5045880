import type { Safety } from '../../../shared/schema/SchemaChange'

/** How the compare view names each safety class on its badges. */
export const safetyLabels: Record<Safety, string> = {
  safe: 'safe',
  destructive: 'destructive',
  needsValue: 'needs a value',
}
