import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAccessLog } from '../../electron/services/access-log'
import { writeAtomic } from '../../electron/services/atomic-write'
import { nodeFs, writeAll } from '../../electron/services/fs-port'
import { encodeChange, readJournals } from '../../electron/services/roster/journal'
import { sealedFs } from '../../electron/services/sealed-fs'
import { SEALED_MAGIC } from '../../electron/services/sealed-record'
import { FaultyFs } from '../support/faulty-fs'
import { syntheticPatients } from '../support/patients'

const key = randomBytes(32)
const sealed = (k: Buffer | null = key, base = nodeFs) =>
  sealedFs(base, { key: () => k ?? undefined, sealWrites: () => true })
const folder = () => mkdtemp(join(tmpdir(), 'hp-sealed-'))
const text = (b: Buffer) => b.toString('utf8')
/** The raw record lines of a sealed file (its header first). */
const rawLines = async (file: string) => (await readFile(file, 'latin1')).split('\n')

async function appendEach(fs: ReturnType<typeof sealed>, file: string, lines: string[]) {
  const handle = await fs.open(file, 'a', 0o600)
  for (const line of lines) await writeAll(handle, Buffer.from(line))
  await handle.close()
}

describe('sealedFs', () => {
  it('seals a whole-file write and an append, reads the plaintext back, and leaves no plaintext on disk', async () => {
    const dir = await folder()
    const fs = sealed()
    await writeAtomic(fs, join(dir, 'library.json'), [Buffer.from('{"name":"Maria '), Buffer.from('Gonzalez"}\n')])
    await appendEach(fs, join(dir, 'log.jsonl'), ['{"a":"Maria Gonzalez"}\n', '{"b":2}\n'])
    await appendEach(fs, join(dir, 'log.jsonl'), ['{"c":3}\n'])
    expect(text(await fs.readFile(join(dir, 'library.json')))).toBe('{"name":"Maria Gonzalez"}\n')
    expect(text(await fs.readFile(join(dir, 'log.jsonl')))).toBe('{"a":"Maria Gonzalez"}\n{"b":2}\n{"c":3}\n')
    for (const name of ['library.json', 'log.jsonl']) {
      const raw = await readFile(join(dir, name), 'latin1')
      expect(raw.startsWith(SEALED_MAGIC)).toBe(true)
      expect(raw).not.toMatch(/Maria|Gonzalez/)
    }
    // Each append call is its own record: a header and three lines, never a rewrite.
    expect((await rawLines(join(dir, 'log.jsonl'))).length).toBe(5)
    const handle = await fs.open(join(dir, 'log.jsonl'), 'a')
    expect((await handle.stat()).size).toBe(39)
    await handle.close()
  })

  it('reads a plain file as it is, appends to it plainly, and seals only new files', async () => {
    const dir = await folder()
    await writeFile(join(dir, 'journal.jsonl'), '{"plain":1}\n')
    await appendEach(sealed(), join(dir, 'journal.jsonl'), ['{"plain":2}\n'])
    expect(await readFile(join(dir, 'journal.jsonl'), 'utf8')).toBe('{"plain":1}\n{"plain":2}\n')
    expect(text(await sealed().readFile(join(dir, 'journal.jsonl')))).toBe('{"plain":1}\n{"plain":2}\n')
  })

  it('refuses a sealed file without the key (locked) or sealed with another key, changing nothing', async () => {
    const dir = await folder()
    const file = join(dir, 'settings.json')
    await writeAtomic(sealed(), file, [Buffer.from('{}')])
    const before = await readFile(file)
    await expect(sealed(null).readFile(file)).rejects.toMatchObject({ code: 'locked' })
    await expect(sealed(randomBytes(32)).readFile(file)).rejects.toMatchObject({
      code: 'io_error',
      message: expect.stringMatching(/different passphrase/),
    })
    await expect(sealed(null).open(file, 'a')).rejects.toMatchObject({ code: 'locked' })
    await expect(sealed(null).truncate(file, 0)).rejects.toMatchObject({ code: 'locked' })
    expect(await readFile(file)).toEqual(before)
  })

  it('reads a flipped byte, a swapped pair and a removed middle record as damaged lines, never skipping them', async () => {
    const dir = await folder()
    const file = join(dir, 'a.jsonl')
    await appendEach(sealed(), file, ['one\n', 'two\n', 'three\n', 'four\n'])
    const [header, r0, r1, r2, r3] = await rawLines(file)
    const write = (lines: string[]) => writeFile(file, `${[header, ...lines].join('\n')}\n`, 'latin1')
    const read = async () => text(await sealed().readFile(file))
    const flipped = `${r1!.slice(0, 10)}${r1![10] === 'A' ? 'B' : 'A'}${r1!.slice(11)}`
    await write([r0!, flipped, r2!, r3!])
    expect(await read()).toBe('one\n\u0000\nthree\nfour\n')
    await write([r0!, r2!, r1!, r3!])
    expect(await read()).toBe('one\n\u0000\n\u0000\nfour\n')
    await write([r0!, r2!, r3!])
    expect(await read()).toBe('one\n\u0000\n\u0000\n')
    // A record copied from another file (another file id in its authenticated data) does not open either.
    const other = join(dir, 'b.jsonl')
    await appendEach(sealed(), other, ['one\n', 'two\n'])
    const [, o0] = await rawLines(other)
    await write([o0!, r1!])
    expect(await read()).toBe('\u0000\ntwo\n')
  })

  it('reads a record cut off by a crash as a torn tail, and a cut-off header as an empty file', async () => {
    const dir = await folder()
    const file = join(dir, 'a.jsonl')
    await appendEach(sealed(), file, ['one\n', 'two\n'])
    const raw = await readFile(file)
    await writeFile(file, raw.subarray(0, raw.length - 9))
    expect(text(await sealed().readFile(file))).toBe('one\n\u0000')
    await writeFile(file, SEALED_MAGIC.slice(0, 7))
    expect(text(await sealed().readFile(file))).toBe('')
  })

  it('truncates in plaintext coordinates: at a record boundary, and inside a record by sealing its kept part again', async () => {
    const dir = await folder()
    const file = join(dir, 'a.jsonl')
    await appendEach(sealed(), file, ['one\n', 'two\nthree\n', 'four\n'])
    await sealed().truncate(file, 8)
    expect(text(await sealed().readFile(file))).toBe('one\ntwo\n')
    await appendEach(sealed(), file, ['five\n'])
    expect(text(await sealed().readFile(file))).toBe('one\ntwo\nfive\n')
    const handle = await sealed().open(file, 'a')
    await handle.truncate(4)
    expect((await handle.stat()).size).toBe(4)
    await writeAll(handle, Buffer.from('six\n'))
    await handle.close()
    expect(text(await sealed().readFile(file))).toBe('one\nsix\n')
    expect(await readFile(file, 'latin1')).not.toContain('five')
  })

  it('lets the journal see a damaged line and a torn tail as it does in a plain file', async () => {
    const dir = await folder()
    const fs = sealed()
    const change = (seq: number) =>
      encodeChange({ seq, at: '2026-12-07T09:00:00Z', op: 'put', patient: syntheticPatients(1)[0]! })
    const file = join(dir, 'roster.journal.000000000001.jsonl')
    const handle = await fs.open(file, 'a')
    for (const seq of [1, 2, 3]) await writeAll(handle, change(seq))
    await handle.close()
    const [header, r0, r1, r2] = await rawLines(file)
    const flipped = `${r1!.slice(0, 5)}${r1![5] === 'A' ? 'B' : 'A'}${r1!.slice(6)}`
    await writeFile(file, `${[header, r0, flipped, r2!.slice(0, 20)].join('\n')}`, 'latin1')
    const read = await readJournals(fs, dir)
    expect(read.changes.map((c) => c.seq)).toEqual([1])
    expect(read.damaged).toHaveLength(1)
    expect(read.torn).toEqual([{ file: 'roster.journal.000000000001.jsonl', keepBytes: change(1).length + 2 }])
    // Cutting the torn tail (as the store's tidy does) leaves the rest exactly as it read.
    await fs.truncate(file, read.torn[0]!.keepBytes)
    expect((await readJournals(fs, dir)).torn).toEqual([])
  })

  it('lets the access log report a damaged record and a cut-off last one, and go on after them', async () => {
    const dir = await folder()
    const reports: string[] = []
    const make = () => createAccessLog({ fs: sealed(), dir, report: (m) => reports.push(m) })
    let log = make()
    log.record({ who: null, action: 'viewed', patientId: 'patient-000001', initials: 'MG' })
    log.record({ who: null, action: 'exported' })
    await log.close()
    const file = join(dir, 'access-log.jsonl')
    const raw = await readFile(file)
    await writeFile(file, raw.subarray(0, raw.length - 7))
    log = make()
    await log.open()
    await log.close()
    expect(reports.join()).toMatch(/cut off/)
    log = make()
    await log.open()
    log.record({ who: null, action: 'printed' })
    await log.close()
    // Reported once: the marker acknowledges it, so the next start finds nothing new.
    expect(reports).toHaveLength(1)
    const entries = await make().read()
    expect(entries.map((e) => e.action)).toEqual(['viewed', 'chainBroken', 'printed'])
  })

  it('reports an access-log record with a flipped byte as a changed line', async () => {
    const dir = await folder()
    const reports: string[] = []
    const make = () => createAccessLog({ fs: sealed(), dir, report: (m) => reports.push(m) })
    const log = make()
    for (const action of ['viewed', 'changed', 'exported'] as const) log.record({ who: null, action })
    await log.close()
    const file = join(dir, 'access-log.jsonl')
    const lines = await rawLines(file)
    lines[2] = `${lines[2]!.slice(0, 8)}${lines[2]![8] === 'A' ? 'B' : 'A'}${lines[2]!.slice(9)}`
    await writeFile(file, lines.join('\n'), 'latin1')
    await make().open()
    expect(reports.join()).toMatch(/line 2 was changed/)
  })

  it('refuses a write through a handle opened r+ (it would put plaintext into a sealed file), and still flushes', async () => {
    const dir = await folder()
    const file = join(dir, 'roster.json')
    await writeAtomic(sealed(), file, [Buffer.from('{"x":1}')])
    const before = await readFile(file)
    const handle = await sealed().open(file, 'r+')
    await expect(handle.write(Buffer.from('plain'))).rejects.toMatchObject({ code: 'EBADF' })
    await handle.sync()
    await handle.close()
    expect(await readFile(file)).toEqual(before)
  })

  it('never seals the folder lock, the key file or the window state', async () => {
    const dir = await folder()
    for (const name of ['homeplan.lock', 'encryption.json', 'window-state.json']) {
      await writeAtomic(sealed(), join(dir, name), [Buffer.from('{"plain":true}')])
      expect(await readFile(join(dir, name), 'utf8')).toBe('{"plain":true}')
    }
  })

  it('survives a write that fails halfway: cut back by truncate, or ended as a damaged line by the next write', async () => {
    const dir = await folder()
    const file = join(dir, 'a.jsonl')
    let fail = false
    let n = 0
    // Half the record reaches the disk, then the disk fails.
    const fs = sealed(key, new FaultyFs((op) => (op === 'write' && fail ? (n++ === 0 ? 'short' : 'EIO') : undefined)))
    const handle = await fs.open(file, 'a')
    await writeAll(handle, Buffer.from('one\n'))
    fail = true
    await expect(writeAll(handle, Buffer.from('two\n'))).rejects.toThrow(/EIO/)
    fail = false
    await handle.truncate(4)
    await writeAll(handle, Buffer.from('three\n'))
    expect(text(await fs.readFile(file))).toBe('one\nthree\n')
    expect((await handle.stat()).size).toBe(10)
    // Not cut back this time: the next write ends the cut-off record first, and it reads as a damaged line.
    fail = true
    n = 0
    await expect(writeAll(handle, Buffer.from('four\n'))).rejects.toThrow(/EIO/)
    fail = false
    await writeAll(handle, Buffer.from('five\n'))
    expect(text(await fs.readFile(file))).toBe('one\nthree\n\u0000\nfive\n')
    expect((await handle.stat()).size).toBe(17)
    await handle.close()
  })
})
