import { readdirSync, readFileSync } from 'node:fs'

/**
 * Resident memory in bytes of a process and all its descendants, read from
 * /proc (Linux): the engine's memory includes its SQLite child processes.
 */
export function processTreeRss(pid: number = process.pid): number {
  let bytes = 0
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    bytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024
    for (const task of readdirSync(`/proc/${pid}/task`))
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' '))
        if (child.trim()) bytes += processTreeRss(Number(child))
  } catch {
    // The process ended between listing and reading.
  }
  return bytes
}
