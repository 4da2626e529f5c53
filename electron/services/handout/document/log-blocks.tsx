import type { ReactElement } from 'react'
import { View } from '@react-pdf/renderer'
import type { LogParts } from './LogPage'

/** The log's column: its title, the day headings and a row per exercise. */
export const logBlock = (children: ReactElement[], key = 'log', wrap = true) => (
  <View key={key} wrap={wrap}>
    {children}
  </View>
)

/**
 * A table of the log after the first, kept whole so its rows never go on over a page without their day headings
 * (unless it is taller than a page: `breakInside` has its id, 'log-table-1', …).
 */
export const logTable = (children: ReactElement[], key: string, whole = true) => (
  <View key={key} wrap={!whole}>
    {children}
  </View>
)

/** The log's blocks in order, its later tables each as one block (see logTable). */
export function logChildren(log: LogParts, breakInside: ReadonlySet<string> = new Set()): ReactElement[] {
  const ends = [...log.tableStarts, log.rows.length]
  return [
    log.title,
    log.intro,
    log.head,
    ...log.rows.slice(0, ends[0]),
    ...log.tableStarts.map((from, t) =>
      logTable(log.rows.slice(from, ends[t + 1]), `log-table-${t + 1}`, !breakInside.has(`log-table-${t + 1}`)),
    ),
  ]
}
