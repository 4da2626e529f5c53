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

/**
 * A store on a file system a test "killed" (tests/support/faulty-fs.ts: its writes never answer, as in a process that
 * died) cannot close; the model test leaves hundreds of them. Each close gets a moment, then is let go.
 */
const CLOSE_WAIT_MS = 1000

async function closeAll(set: Set<Closable>): Promise<void> {
  const stores = [...set]
  set.clear()
  await Promise.allSettled(
    stores.map((s) => {
      let timer: NodeJS.Timeout | undefined
      const given = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS).unref()))
      return Promise.race([s.close(), given]).finally(() => clearTimeout(timer))
    }),
  )
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
