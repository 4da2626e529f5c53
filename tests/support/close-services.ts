/**
 * Vitest setup (both projects): closes the services and roster stores a test opened when it ends. Left open, a
 * roster keeps its file handles and its folder lock: Node closes the handles when it collects them and warns
 * ("closing file descriptor on garbage collection"), and a later test on the same folder may find it still locked.
 */
import { afterAll, afterEach, beforeEach } from 'vitest'
import { RosterStore } from '../../electron/services/roster/store'
import { openServices } from './services'

type Closable = { close(): Promise<void> }
const inFile = new Set<Closable>()
openServices.current = inFile

// Stores are opened directly by many service tests (and a store left open is how a test plays a crash), so every
// store is counted here rather than in each test. Closing one twice is harmless: the journal closes once.
const open = RosterStore.open.bind(RosterStore)
RosterStore.open = async (options) => {
  const store = await open(options)
  openServices.current.add(store)
  return store
}

async function closeAll(set: Set<Closable>): Promise<void> {
  await Promise.all([...set].map((s) => s.close()))
  set.clear()
}

// Opened in a test or its beforeEach: closed when that test ends.
beforeEach(() => void (openServices.current = new Set()))
afterEach(async () => {
  const set = openServices.current
  openServices.current = inFile
  await closeAll(set)
})
// Opened in a beforeAll: closed when the file ends, after the file's own afterAll (after-hooks run in reverse order).
afterAll(() => closeAll(inFile))
