import { createHash } from 'node:crypto'
import { chmod, mkdtemp, readFile, readdir, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Exercise, Template } from '../../../src/core/exercise'
import type { LibraryView } from '../../../src/core/library-contract'
import type { ClinicFolderList, PackImportResult, PackOpened } from '../../../src/core/pack'
import type { Patient } from '../../../src/core/patient'
import type { Settings } from '../../../src/core/settings'
import type { FileResult } from '../../../src/core/roster-contract'
import { exerciseInput } from '../../support/exercises'
import { makePng } from '../../support/images'
import { patientInput } from '../../support/patients'
import { callsOn, testServices } from '../../support/services'
import { ScriptedDialogs } from '../../../electron/bridge/dialogs'
import { createPackHandlers } from '../../../electron/services/library/packs'
import { createLibrary } from '../../../electron/services/library/service'
import { readUserFile } from '../../../electron/services/read-user-file'
import { createSettingsStore } from '../../../electron/services/settings-store'

async function folder() {
  const dataDir = await mkdtemp(join(tmpdir(), 'hp-pack-'))
  const services = testServices(dataDir)
  const { call, value } = callsOn(services.handlers)
  const library = () => value<LibraryView>('getLibrary')
  const custom = async (id: string) => (await library()).exercises.find((e) => e.id === id)
  /** Opens the pack at `path` through the (scripted) file dialog. */
  const open = async (path: string) => {
    services.dialogs.answers.open.push(path)
    return value<Extract<PackOpened, { cancelled: false }>>('openLibraryPack')
  }
  const refusal = async (path: string) => {
    services.dialogs.answers.open.push(path)
    const result = await call('openLibraryPack')
    if (result.ok) throw new Error('the pack was not refused')
    return result.error.message
  }
  return { dataDir, services, call, value, library, custom, open, refusal }
}
type Folder = Awaited<ReturnType<typeof folder>>

/** A custom exercise with a photo and a template that uses it and a built-in exercise. */
async function seed(a: Folder) {
  const png = join(a.dataDir, 'photo.png')
  await writeFile(png, makePng())
  const es = {
    name: 'Subir escalón',
    plainTitle: 'De pie: subir un escalón',
    aliases: [],
    steps: ['Suba a un escalón bajo.', 'Baje despacio.'],
    cues: [],
    cautions: [],
  }
  const exercise = await a.value<Exercise>(
    'createExercise',
    exerciseInput({ regressions: ['bridges'], translations: { es } }),
  )
  a.services.dialogs.answers.open.push(png)
  await a.value('attachExercisePhoto', { id: exercise.id, author: 'Dana Lee', licence: 'CC BY 4.0' })
  const template = await a.value<Template>('saveTemplate', {
    template: {
      name: 'Knee week 1',
      items: [
        { exerciseId: exercise.id, dosage: { sets: 2 } },
        { exerciseId: 'bridges', dosage: { sets: 3 } },
      ],
    },
  })
  return { exercise: (await a.custom(exercise.id))!, template }
}

const share = async (a: Folder, templateIds: string[], exerciseIds: string[] = []) => {
  const file = await a.value<FileResult>('exportLibraryPack', { title: 'Clinic knee pack', templateIds, exerciseIds })
  if (!file.saved) throw new Error('not saved')
  return file.path
}

const edit = (a: Folder, exercise: Exercise, steps: string[]) => {
  const { id, source: _s, videoUrl: _v, ...fields } = exercise
  return a.value<Exercise>('updateExercise', { id, exercise: { ...fields, steps } })
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const text = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

/** A pack built by hand: the entries given, and a manifest listing them (with `manifest` changing it). */
function handPack(entries: Record<string, Uint8Array>, manifest: Record<string, unknown> = {}): Uint8Array {
  const listed = Object.entries(entries).map(([path, bytes]) => ({ path, sha256: sha(bytes), bytes: bytes.length }))
  return zipSync({
    'manifest.json': text({
      format: 'homeplan-pack',
      formatVersion: 1,
      homeplanVersion: '9.9.9',
      createdAt: '2026-12-07T10:00:00.000Z',
      title: 'Hand made',
      entries: listed,
      ...manifest,
    }),
    ...entries,
  } as Zippable)
}

describe('library packs between two data folders', () => {
  it('carry templates, the custom exercises they use and their photos with credits; built-ins by id only', async () => {
    const [a, b] = await Promise.all([folder(), folder()])
    const { exercise, template } = await seed(a)
    // A custom exercise with a diagram (pose data) of its own: made from a built-in one.
    const posed = await a.value<Exercise>('duplicateExercise', { id: 'clamshells' })
    expect(posed.diagram).toBeDefined()
    const path = await share(a, [template.id], [posed.id])
    expect(path).toMatch(/Clinic-knee-pack_\d{4}-\d{2}-\d{2}\.homeplan-pack\.zip$/)
    const zip = unzipSync(new Uint8Array(await readFile(path)))
    const photo = exercise.images[0]!.file
    expect(Object.keys(zip).sort()).toEqual(
      [
        'manifest.json',
        'schema/manifest.schema.json',
        `templates/${template.id}.json`,
        `exercises/${exercise.id}.json`,
        `exercises/${posed.id}.json`,
        `media/${photo}`,
      ].sort(),
    )
    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json']))
    expect(manifest).toMatchObject({ format: 'homeplan-pack', formatVersion: 1, homeplanVersion: '0.0.0-test' })
    expect(manifest.entries.find((e: { path: string }) => e.path === `media/${photo}`).sha256).toBe(
      sha(zip[`media/${photo}`]!),
    )
    const schema = JSON.parse(new TextDecoder().decode(zip['schema/manifest.schema.json']))
    expect(schema).toEqual(JSON.parse(await readFile('resources/schema/library-pack-manifest.schema.json', 'utf8')))

    const opened = await b.open(path)
    expect(opened).toMatchObject({ file: expect.stringMatching(/homeplan-pack\.zip$/), title: 'Clinic knee pack' })
    expect(opened.items.map((i) => [i.kind, i.id, i.status]).sort()).toEqual(
      [
        ['exercise', exercise.id, 'new'],
        ['exercise', posed.id, 'new'],
        ['template', template.id, 'new'],
      ].sort(),
    )
    // Nothing is written before the import is confirmed.
    expect(await readdir(b.dataDir)).not.toContain('library.json')
    const result = await b.value<PackImportResult>('importLibraryPack', { token: opened.token, choices: {} })
    expect(result).toMatchObject({ added: 3, replaced: 0, copies: 0, photos: 1 })
    expect((await b.custom(posed.id))!.diagram).toEqual(posed.diagram)
    const there = (await b.custom(exercise.id))!
    expect(there.images).toEqual([{ file: photo, author: 'Dana Lee', licence: 'CC BY 4.0' }])
    expect(await b.value('getMedia', { file: photo })).toMatch(/^data:image\/png;base64,/)
    expect((await b.library()).templates).toEqual([template])
  })

  it('tell newer, older and same apart by what was last shared, and take or skip newer items', async () => {
    const [a, b] = await Promise.all([folder(), folder()])
    const { exercise, template } = await seed(a)
    const first = await b.open(await share(a, [template.id]))
    await b.value('importLibraryPack', { token: first.token, choices: {} })
    // B changes the exercise and shares it back: for A it is newer, the template the same.
    await edit(b, (await b.custom(exercise.id))!, ['Step up.', 'Step down.', 'Rest.'])
    const back = await a.open(await share(b, [template.id]))
    expect(back.items.map((i) => i.status)).toEqual(['newer', 'same'])
    await a.value('importLibraryPack', { token: back.token, choices: { [`exercise:${exercise.id}`]: 'skip' } })
    expect((await a.custom(exercise.id))!.steps).toHaveLength(2)
    const again = await a.open(await share(b, [template.id]))
    expect(await a.value('importLibraryPack', { token: again.token, choices: {} })).toMatchObject({ replaced: 1 })
    expect((await a.custom(exercise.id))!.steps).toEqual(['Step up.', 'Step down.', 'Rest.'])
    // A changes it again; B's old copy is now older than A's.
    await edit(a, (await a.custom(exercise.id))!, ['Step up slowly.'])
    const old = await a.open(await share(b, [], [exercise.id]))
    expect(old.items).toMatchObject([{ status: 'older' }])
    await a.value('importLibraryPack', { token: old.token, choices: {} })
    expect((await a.custom(exercise.id))!.steps).toEqual(['Step up slowly.'])
  })

  describe('a conflict (changed on both sides)', () => {
    async function conflict() {
      const [a, b] = await Promise.all([folder(), folder()])
      const { exercise, template } = await seed(a)
      const first = await b.open(await share(a, [template.id]))
      await b.value('importLibraryPack', { token: first.token, choices: {} })
      await edit(a, exercise, ['Mine.'])
      await edit(b, (await b.custom(exercise.id))!, ['Theirs.'])
      const opened = await a.open(await share(b, [template.id]))
      expect(opened.items).toMatchObject([{ id: exercise.id, status: 'conflict' }, { status: 'same' }])
      const choose = (choice: string) =>
        a.value<PackImportResult>('importLibraryPack', {
          token: opened.token,
          choices: { [`exercise:${exercise.id}`]: choice },
        })
      return { a, exercise, template, choose }
    }

    it('keep mine: nothing changes', async () => {
      const { a, exercise, choose } = await conflict()
      expect(await choose('skip')).toMatchObject({ replaced: 0, copies: 0, skipped: 1 })
      expect((await a.custom(exercise.id))!.steps).toEqual(['Mine.'])
    })

    it('take theirs: theirs replaces mine under the same id', async () => {
      const { a, exercise, choose } = await conflict()
      expect(await choose('take')).toMatchObject({ replaced: 1 })
      expect((await a.custom(exercise.id))!.steps).toEqual(['Theirs.'])
    })

    it('keep both: theirs is added as a copy with a new id and name, mine stays', async () => {
      const { a, exercise, choose } = await conflict()
      expect(await choose('keepBoth')).toMatchObject({ copies: 1 })
      const all = (await a.library()).exercises.filter((e) => e.source === 'custom')
      expect(all.map((e) => [e.name, e.steps])).toEqual([
        ['Step-ups', ['Mine.']],
        ['Step-ups (copy)', ['Theirs.']],
      ])
      expect(all[0]!.id).toBe(exercise.id)
      expect(all[1]!.translations?.es?.name).toBe('Subir escalón (copia)')
      expect(all[1]!.id).toMatch(/^custom-step-ups-copy-[a-z0-9]{6}$/)
    })

    it('a patient’s program that uses the exercise is unchanged by taking theirs', async () => {
      const { a, exercise, choose } = await conflict()
      const patient = await a.value<Patient>('createPatient', patientInput())
      const saved = await a.value<Patient>('saveProgram', {
        patientId: patient.id,
        program: {
          title: 'Week 1',
          status: 'current',
          items: [{ id: 'item-000001', exerciseId: exercise.id, dosage: { sets: 2 }, instructionOverride: ['Mine.'] }],
        },
      })
      await choose('take')
      expect(await a.value<Patient>('getPatient', { id: patient.id })).toEqual(saved)
    })

    it('an import is undone by the copy of library.json taken before it', async () => {
      const { a, choose } = await conflict()
      const before = await readFile(join(a.dataDir, 'library.json'), 'utf8')
      const { backup } = await choose('take')
      expect(await readFile(join(a.dataDir, backup!), 'utf8')).toBe(before)
    })
  })

  it('never changes a built-in exercise: a pack item with a built-in id is refused with its reason', async () => {
    const a = await folder()
    const before = await a.custom('bridges')
    const { id: _id, videoUrl: _v, ...bridges } = before!
    const path = join(a.dataDir, 'sneaky.homeplan-pack.zip')
    const changed = { ...bridges, id: 'bridges', source: 'custom', steps: ['Do something else.'] }
    await writeFile(path, handPack({ 'exercises/bridges.json': text(changed) }))
    const opened = await a.open(path)
    expect(opened.items).toMatchObject([
      { id: 'bridges', status: 'refused', reason: expect.stringContaining('never changes') },
    ])
    await a.value('importLibraryPack', { token: opened.token, choices: { 'exercise:bridges': 'take' } })
    expect(await a.custom('bridges')).toEqual(before)
  })
})

describe('packs that are refused, naming the file and the entry, and changing nothing', () => {
  const png = new Uint8Array(makePng())
  const exercise = (id: string, images: { file: string; author: string; licence: string }[] = []) => ({
    ...exerciseInput(),
    id,
    source: 'custom',
    images,
  })

  /** Writes `bytes` as a pack file, opens it, and returns the refusal; the library is still as it was. */
  async function refused(bytes: Uint8Array, name = 'bad.homeplan-pack.zip') {
    const a = await folder()
    const path = join(a.dataDir, name)
    await writeFile(path, bytes)
    const message = await a.refusal(path)
    expect(message).toContain(name)
    expect(await readdir(a.dataDir)).not.toContain('library.json')
    expect(await readdir(a.dataDir)).not.toContain('media')
    return message
  }

  it('a path that climbs out, an absolute or drive path, backslashes', async () => {
    for (const entry of ['../../x.json', '/etc/x.json', 'C:/x.json', 'media\\x.png', 'media/../../x.png']) {
      const zip = zipSync({ 'manifest.json': text({}), [entry]: text({}) })
      expect(await refused(zip)).toMatch(new RegExp(`${entry.replace(/[.\\/]/g, '\\$&')}.*outside the pack`))
    }
  })

  it('a zip bomb: a declared size too large, or more bytes than declared while inflating', async () => {
    const big = new Uint8Array(30 * 1024 * 1024)
    expect(await refused(handPack({ [`media/${'a'.repeat(64)}.png`]: big }))).toMatch(/expands to more than 20.0 MB/)
    // The same entry declaring 100 bytes (local header and central directory): stopped while inflating.
    const zip = handPack({ 'exercises/custom-a-000000.json': new Uint8Array(3 * 1024 * 1024).fill(32) })
    const view = new DataView(zip.buffer)
    for (let i = 0; i < zip.length - 4; i++) {
      if (view.getUint32(i, true) === 0x04034b50 && zip[i + 30] === 0x65) view.setUint32(i + 22, 100, true)
      if (view.getUint32(i, true) === 0x02014b50 && zip[i + 46] === 0x65) view.setUint32(i + 24, 100, true)
    }
    expect(await refused(zip)).toMatch(/exercises\/custom-a-000000\.json expands to more than 100 bytes/)
  })

  it('a pack over 200 MB is refused before it is read', async () => {
    const a = await folder()
    const path = join(a.dataDir, 'huge.homeplan-pack.zip')
    await writeFile(path, '')
    await truncate(path, 201 * 1024 * 1024)
    expect(await a.refusal(path)).toMatch(/huge\.homeplan-pack\.zip is larger than 200.0 MB/)
  })

  it('a pack from a newer Homeplan', async () => {
    expect(await refused(handPack({}, { formatVersion: 2, somethingNew: true }))).toMatch(
      /made by a newer Homeplan.*update Homeplan to open it/,
    )
  })

  it('a manifest that fails its schema, an entry whose SHA-256 differs, an entry not listed', async () => {
    expect(await refused(handPack({}, { title: '' }))).toMatch(/manifest\.json is not valid/)
    const zip = unzipSync(handPack({ 'exercises/custom-a-000000.json': text(exercise('custom-a-000000')) }))
    zip['exercises/custom-a-000000.json'] = text({ ...exercise('custom-a-000000'), name: 'Changed' })
    expect(await refused(zipSync(zip))).toMatch(/exercises\/custom-a-000000\.json does not match the SHA-256/)
    const extra = unzipSync(handPack({}))
    extra[`media/${sha(png)}.png`] = png
    expect(await refused(zipSync(extra))).toMatch(/media\/[0-9a-f]{64}\.png is not listed/)
  })

  it('photos that are not PNG or JPEG (a GIF), and an exercise that fails its schema', async () => {
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00\x00\x00\x00;')
    const file = `${sha(gif)}.png`
    const credits = [{ file, author: 'A', licence: 'CC0' }]
    const withGif = handPack({
      [`media/${file}`]: gif,
      'exercises/custom-a-000000.json': text(exercise('custom-a-000000', credits)),
    })
    expect(await refused(withGif)).toMatch(new RegExp(`media/${file} cannot be used \\(it is a GIF picture`))
    const bad = handPack({ 'exercises/custom-a-000000.json': text({ ...exercise('custom-a-000000'), steps: [] }) })
    expect(await refused(bad)).toMatch(/exercises\/custom-a-000000\.json is not a valid exercise/)
  })

  it('not a zip (a PDF, plain text), a zip cut short (half copied by a sync client)', async () => {
    expect(await refused(new TextEncoder().encode('%PDF-1.7\n…'))).toMatch(/not a Homeplan library pack: it is a PDF/)
    expect(await refused(new TextEncoder().encode('hello'))).toMatch(/it is not a zip file/)
    const whole = handPack({ 'exercises/custom-a-000000.json': text(exercise('custom-a-000000')) })
    for (const cut of [whole.length - 10, Math.floor(whole.length / 2), 40])
      expect(await refused(whole.subarray(0, cut))).toMatch(/is incomplete/)
  })
})

describe('the clinic shared folder', () => {
  const setFolder = async (a: Folder, path: string) => {
    a.services.dialogs.answers.folder.push(path)
    return a.value<Settings>('chooseClinicFolder', { clear: false })
  }

  it('lists its packs (new since the last look marked), publishes there atomically and imports from there', async () => {
    const [a, b] = await Promise.all([folder(), folder()])
    const shared = await mkdtemp(join(tmpdir(), 'hp-clinic-'))
    expect(await a.value<ClinicFolderList>('listClinicPacks', { remember: true })).toEqual({ folder: null, packs: [] })
    expect((await setFolder(a, shared)).clinicFolder).toBe(shared)
    await setFolder(b, shared)
    const { template } = await seed(a)
    const published = await a.value<FileResult>('publishLibraryPack', {
      title: 'Knee',
      templateIds: [template.id],
      exerciseIds: [],
    })
    expect(published).toMatchObject({ saved: true, path: expect.stringContaining(shared) })
    expect((await readdir(shared)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    // The look at start (remember: false) leaves them new for Settings; Settings' look counts.
    expect((await b.value<ClinicFolderList>('listClinicPacks', { remember: false })).packs).toMatchObject([
      { isNew: true },
    ])
    const list = await b.value<ClinicFolderList>('listClinicPacks', { remember: true })
    expect(list.packs).toMatchObject([{ name: expect.stringMatching(/^Knee_.*\.homeplan-pack\.zip$/), isNew: true }])
    expect((await b.value<ClinicFolderList>('listClinicPacks', { remember: true })).packs).toMatchObject([
      { isNew: false },
    ])
    const opened = await b.value<Extract<PackOpened, { cancelled: false }>>('openClinicPack', {
      name: list.packs[0]!.name,
    })
    await b.value('importLibraryPack', { token: opened.token, choices: {} })
    expect((await b.library()).templates.map((t) => t.name)).toEqual(['Knee week 1'])
    expect((await b.value<Settings>('chooseClinicFolder', { clear: true })).clinicFolder).toBeUndefined()
  })

  it('a missing folder, a read-only one and a half-copied pack each get a clear message; nothing else breaks', async () => {
    const a = await folder()
    const { template } = await seed(a)
    const gone = join(tmpdir(), 'hp-no-such-clinic-folder')
    await setFolder(a, gone)
    expect(await a.value<ClinicFolderList>('listClinicPacks', { remember: true })).toEqual({
      folder: gone,
      packs: [],
      problem: expect.stringContaining('cannot be found'),
    })
    const publish = () => a.call('publishLibraryPack', { title: 'Knee', templateIds: [template.id], exerciseIds: [] })
    expect(await publish()).toMatchObject({ ok: false, error: { message: expect.stringContaining(gone) } })
    // Root writes into any folder whatever its mode: there, /sys is a real folder that refuses every new file.
    const readOnly = process.getuid?.() === 0 ? '/sys' : await mkdtemp(join(tmpdir(), 'hp-ro-'))
    if (readOnly !== '/sys') await chmod(readOnly, 0o500)
    await setFolder(a, readOnly)
    expect(await publish()).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/cannot write to the clinic shared folder.*read-only/) },
    })
    const shared = await mkdtemp(join(tmpdir(), 'hp-clinic-'))
    await setFolder(a, shared)
    const whole = await readFile(await share(a, [template.id]))
    await writeFile(join(shared, 'Half.homeplan-pack.zip'), whole.subarray(0, whole.length / 2))
    expect((await a.value<ClinicFolderList>('listClinicPacks', { remember: true })).packs).toHaveLength(1)
    expect(await a.call('openClinicPack', { name: 'Half.homeplan-pack.zip' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Half.homeplan-pack.zip is incomplete') },
    })
    expect(await a.call('openClinicPack', { name: '../x.homeplan-pack.zip' })).toMatchObject({ ok: false })
    expect((await a.library()).templates).toHaveLength(1)
  })

  it('a folder that does not answer (an offline network drive) is said so after a while, not waited on', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hp-pack-'))
    const dialogs = new ScriptedDialogs(dataDir)
    const settings = createSettingsStore(dataDir)
    await settings.update({ clinicFolder: '/mnt/clinic' })
    const handlers = createPackHandlers({
      dataDir,
      library: createLibrary({ dataDir, builtinDir: 'resources/library/exercises', dialogs }),
      dialogs,
      readUserFile,
      settings,
      version: '1.0.0',
      folderTimeoutMs: 50,
      listFolder: () => new Promise<string[]>(() => {}),
    })
    expect(await handlers.listClinicPacks({ remember: true })).toEqual({
      folder: '/mnt/clinic',
      packs: [],
      problem:
        'The clinic shared folder /mnt/clinic is not answering: is the network drive offline? Try again once it is back.',
    })
  })
})
