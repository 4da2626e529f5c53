import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { nodeFs } from '../../../electron/services/fs-port'
import { RosterStore } from '../../../electron/services/roster/store'
import { sealedFs } from '../../../electron/services/sealed-fs'
import { SEALED_MAGIC } from '../../../electron/services/sealed-record'

/**
 * `npm run test:long` (HOMEPLAN_LONG=1, run by CI after the unit suite) kills the writer 200 times (100 on a plain
 * folder, 100 on an encrypted one). The unit suite
 * kills it 3 times, a smoke test that the child, the kill and the reopen work: 25 kills took minutes of a busy
 * machine's unit run and timed out, and the long run is what looks for rare moments.
 */
const LONG = !!process.env['HOMEPLAN_LONG']
/** Per folder kind (plain, encrypted): the long run's 200 kills are shared between the two. */
const KILLS = LONG ? 100 : 3
let childScript: string

beforeAll(async () => {
  // Bundled once so each of the long run's launches starts in a few tens of milliseconds.
  childScript = join(await mkdtemp(join(tmpdir(), 'hp-crash-bin-')), 'crash-child.mjs')
  await build({
    entryPoints: ['tests/support/crash-child.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: childScript,
    logLevel: 'error',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  })
})

/**
 * Runs the child until a random moment after it starts saving, kills it, and returns what it acknowledged. The long
 * run's clock starts at "ready", so kills also land before the first save is done; the smoke's three kills wait for
 * a first acknowledged save, so each of them interrupts real work.
 */
function runAndKill(
  dir: string,
  start: number,
  acked: Map<string, number>,
  key?: Buffer,
): Promise<{ acks: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const args = [childScript, dir, String(start), ...(key ? [key.toString('hex')] : [])]
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let acks = 0
    let armed = false
    const arm = () => {
      if (!armed) setTimeout(() => child.kill('SIGKILL'), Math.random() * 40)
      armed = true
    }
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') {
        if (LONG) arm()
      } else if (line.startsWith('ack ')) {
        const [, id = '', n = ''] = line.split(' ')
        acked.set(id, Math.max(acked.get(id) ?? -1, Number(n)))
        acks++
        arm()
      } else reject(new Error(`child said: ${line}`))
    })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve({ acks, signal }) : reject(new Error(`child exited with ${code}`)),
    )
  })
}

/** On a plain folder, and on an encrypted one (the child saves through sealedFs with this key). */
const variants = [
  ['a plain folder', undefined],
  ['an encrypted folder', randomBytes(32)],
] as const

describe.each(variants)('crash safety on %s', (_name, key) => {
  const fs = key ? sealedFs(nodeFs, { key: () => key, sealWrites: () => true }) : nodeFs
  it(
    `keeps every acknowledged save through ${KILLS} SIGKILLs at random points`,
    { timeout: 60_000 + KILLS * 5_000 },
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'hp-crash-'))
      const acked = new Map<string, number>()
      let totalAcks = 0
      for (let round = 0; round < KILLS; round++) {
        const { acks } = await runAndKill(dir, round * 1_000_000, acked, key)
        totalAcks += acks
        const store = await RosterStore.open({ dir, fs })
        expect(store.health, `round ${round}`).toEqual({ status: 'ready' })
        for (const [id, n] of acked) {
          const stored = Number(store.get(id)?.notes?.slice(1) ?? -1)
          expect(stored, `round ${round}: ${id} lost save v${n}`).toBeGreaterThanOrEqual(n)
        }
        await store.close()
      }
      // The encrypted variant's files really are encrypted.
      const journal = (await readdir(dir)).find((n) => n.startsWith('roster.journal.'))!
      expect((await readFile(join(dir, journal), 'latin1')).startsWith(SEALED_MAGIC)).toBe(key !== undefined)
      // The kills must have interrupted real work, not idle processes.
      expect(totalAcks).toBeGreaterThanOrEqual(LONG ? KILLS * 5 + 1 : KILLS)
    },
  )
})
