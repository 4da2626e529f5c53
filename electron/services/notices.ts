import { randomUUID } from 'node:crypto'
import type { Notice } from '../../src/core/contract'

/**
 * Things the user must be told about that are not the answer to what they just did (a settings or library
 * file that could not be read and was kept aside). Held in memory until dismissed; the window lists them.
 */
export interface Notices {
  add(message: string): Notice
  list(): Notice[]
  /** Removes the notice with this id (an unknown id changes nothing) and returns the ones left. */
  dismiss(id: string): Notice[]
}

export function createNotices(now: () => Date = () => new Date(), newId: () => string = randomUUID): Notices {
  let notices: Notice[] = []
  return {
    add(message) {
      const notice = { id: newId(), message, at: now().toISOString() }
      notices = [...notices, notice]
      return notice
    },
    list: () => [...notices],
    dismiss(id) {
      notices = notices.filter((n) => n.id !== id)
      return [...notices]
    },
  }
}
