/**
 * Vitest setup (both projects): closes the services a test opened when it ends. Left open, a roster keeps its file
 * handles and its folder lock: Node closes the handles when it collects them and warns ("closing file descriptor on
 * garbage collection"), and a later test on the same folder may find the folder still locked.
 */
import { afterAll, afterEach, beforeEach } from 'vitest'
import type { Services } from '../../electron/services'
import { openServices } from './services'

const inFile = new Set<Services>()
openServices.current = inFile

async function closeAll(set: Set<Services>): Promise<void> {
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
