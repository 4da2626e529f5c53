/**
 * Child process for the crash test: saves in a loop and prints "ack <id> <n>"
 * after each save resolves. The parent kills it with SIGKILL at random moments.
 * Three saves are always in flight (group commit), and compaction runs every
 * dozen changes, so kills land in appends, fsyncs, renames and compactions.
 */
import { nodeFs } from '../../electron/services/fs-port'
import { RosterStore } from '../../electron/services/roster/store'
import { sealedFs } from '../../electron/services/sealed-fs'
import { syntheticPatients } from './patients'

// With a key (hex), the folder is encrypted: the same saves through sealedFs.
const [dir = '', start = '0', keyHex] = process.argv.slice(2)
const key = keyHex ? Buffer.from(keyHex, 'hex') : undefined
const fs = key ? sealedFs(nodeFs, { key: () => key, sealWrites: () => true }) : nodeFs
const store = await RosterStore.open({ dir, fs, compactAfterChanges: 12 })
if (store.health.status !== 'ready') {
  process.stdout.write(`unhealthy ${JSON.stringify(store.health)}\n`)
  process.exit(2)
}
const base = syntheticPatients(20, 1, 2)
let counter = Number(start)
process.stdout.write('ready\n')

async function saver(lane: number): Promise<never> {
  for (;;) {
    const n = counter++
    const patient = base[(n * 3 + lane) % base.length]!
    await store.put({ ...patient, notes: `v${n}` })
    process.stdout.write(`ack ${patient.id} ${n}\n`)
  }
}
await Promise.all([saver(0), saver(1), saver(2)])
