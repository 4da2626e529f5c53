import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RosterStore, ROSTER_FILE } from '../../../electron/services/roster/store'
import { syntheticPatients } from '../../support/patients'

const tempDir = () => mkdtemp(join(tmpdir(), 'hp-roster-'))

describe('RosterStore', () => {
  it('journals each edit so a reopened store sees it, before any compaction', async () => {
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    const [a, b] = syntheticPatients(2)
    await store.put(a!)
    await store.put({ ...b!, firstName: 'Иван' })
    expect(await readdir(dir)).toEqual(['roster.journal.000000000001.jsonl'])
    await store.close()
    const again = await RosterStore.open({ dir })
    expect(again.list().map((s) => s.firstName)).toEqual([a!.firstName, 'Иван'])
    expect(again.get(a!.id)).toEqual(a)
  })

  it('compacts into a plain JSON roster.json and drops folded journals', async () => {
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    for (const p of syntheticPatients(5)) await store.put(p)
    await store.remove('patient-000002')
    await store.compact()
    const files = await readdir(dir)
    expect(files.filter((f) => f.endsWith('.jsonl'))).toHaveLength(1)
    const doc = JSON.parse(await readFile(join(dir, ROSTER_FILE), 'utf8'))
    expect(doc).toMatchObject({ format: 'homeplan-roster', schemaVersion: 4, count: 4, lastSeq: 6 })
    expect(doc.patients.map((p: { id: string }) => p.id)).not.toContain('patient-000002')
    const reopened = await RosterStore.open({ dir })
    expect(reopened.list()).toHaveLength(4)
    expect(reopened.get('patient-000004')).toEqual(syntheticPatients(5)[4])
  })

  it('coalesces concurrent saves into few fsyncs without losing any', async () => {
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    await Promise.all(syntheticPatients(50).map((p) => store.put(p)))
    const reopened = await RosterStore.open({ dir })
    expect(reopened.list()).toHaveLength(50)
  })

  it('reads a hand-edited (re-indented) roster.json through the validating path', async () => {
    const dir = await tempDir()
    const store = await RosterStore.open({ dir })
    for (const p of syntheticPatients(3)) await store.put(p)
    await store.compact()
    await store.close()
    const doc = JSON.parse(await readFile(join(dir, ROSTER_FILE), 'utf8'))
    doc.patients[1].notes = 'Edited by hand'
    await writeFile(join(dir, ROSTER_FILE), JSON.stringify(doc, null, 2))
    const reopened = await RosterStore.open({ dir })
    expect(reopened.health).toEqual({ status: 'ready' })
    expect(reopened.get('patient-000001')?.notes).toBe('Edited by hand')
  })
})
