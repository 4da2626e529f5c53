/**
 * Export a patient's program as a PDF handout: build the handout from the roster, library and clinic
 * settings, render it (with the renderer given: a utility process in the app, a worker thread in the browser
 * bridge, this process in tests; the same code as `npm run handout`), let the user choose where to
 * save it, and record the export in the patient's history with a snapshot of what was printed. Each export
 * also keeps an exact copy of what it printed (./copies), so it can be printed again page for page.
 */
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Handlers } from '../../../src/core/contract'
import { handoutFor, type HandoutChoices } from './handout-input'
import { handoutT } from '../../../src/i18n'
import type { HandoutLanguage } from '../../../src/core/languages'
import type { Patient, Program } from '../../../src/core/patient'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import { namesInFilesOf, type Settings } from '../../../src/core/settings'
import type { NamesInFiles } from '../../../src/core/handout-options'
import { writeFileAtomic } from '../atomic-write'
import { fileNamePart } from '../file-names'
import type { Dialogs } from '../dialogs'
import type { Library } from '../library/service'
import type { RosterStore } from '../roster/store'
import { assertRoomForHandout, recordHandout } from '../roster/service'
import type { FsPort } from '../fs-port'
import { keepCopy, NoCopy, readCopy, removeCopies } from './copies'
import { RenderCancelled, type HandoutRenderer } from './renderer'
import { initials, patientInFiles } from '../../../src/core/names'
import { isoDay } from '../../../src/core/dates'

export interface HandoutDeps {
  dataDir: string
  /** Renders handouts, off the main thread in the app and the bridge (see ./renderer). */
  renderer: HandoutRenderer
  store: () => Promise<RosterStore>
  library: Library
  settings: () => Promise<Settings>
  dialogs: Dialogs
  /** Opens a file with the system's viewer (Electron's shell.openPath); absent in tests and the bridge. */
  openFile?: (path: string) => void
  /** Shows the system print dialog for a PDF (Electron only); resolves false if the user cancelled. */
  printPdf?: (pdf: Buffer, title: string) => Promise<boolean>
  /** Shows a file in its folder (Electron's shell.showItemInFolder); absent in tests and the bridge. */
  showFile?: (path: string) => void
  now?: () => Date
  log?: (message: string, error?: unknown) => void
  /** The data folder's files, for the kept copies of exports (the app passes sealedFs when the folder is encrypted). */
  fs?: FsPort
}

const filePart = (value: string) => fileNamePart(value, 'Patient')

/**
 * The name the save dialog suggests: `MG_Home-program_2026-12-03.pdf` by default, so the patient's name does not
 * travel into recent-file lists and folders; `Garcia_Maria_Home-program_…` when Settings asks for full names.
 */
export function defaultHandoutName(
  patient: Pick<Patient, 'firstName' | 'lastName'>,
  date: string,
  language: HandoutLanguage = 'en',
  names: NamesInFiles = 'initials',
): string {
  const who =
    names === 'full'
      ? `${filePart(patient.lastName)}_${filePart(patient.firstName)}`
      : fileNamePart(initials(patient), 'Patient')
  return `${who}_${handoutT(language)('document.fileName')}_${date}.pdf`
}

/** The print job's title (print queues and their history show it), naming the patient as Settings asks. */
const printTitle = (patient: Pick<Patient, 'firstName' | 'lastName'>, language: HandoutLanguage, names: NamesInFiles) =>
  handoutT(language)('document.printTitle', { name: patientInFiles(patient, names) })

type HandoutHandlers = Pick<
  Handlers,
  'exportHandout' | 'previewHandout' | 'printHandout' | 'reprintHandout' | 'printPastHandout' | 'showHandoutFile'
>

const pdfFilters = [{ name: 'PDF', extensions: ['pdf'] }]

/** A plain Uint8Array over exactly these bytes: IPC's structured clone copies a view's whole underlying buffer. */
const plainBytes = (bytes: Uint8Array): Uint8Array =>
  bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? new Uint8Array(bytes.buffer)
    : Uint8Array.from(bytes)
const printingNeedsDesktop = () => new AppFailure('forbidden', say('handout.printNeedsDesktop'))

export function createHandoutHandlers(deps: HandoutDeps): HandoutHandlers {
  const now = deps.now ?? (() => new Date())
  const log = deps.log ?? (() => {})
  /** The preview being made for each patient's builder: a newer edit cancels it (its result would be thrown away). */
  const previews = new Map<string, AbortController>()
  /**
   * One export per patient at a time: the history check, the file and the record happen together, so two
   * exports racing for the last place in a full history cannot both write a PDF that only one can record.
   */
  const exporting = new Map<string, Promise<unknown>>()
  const onePerPatient = <T>(patientId: string, run: () => Promise<T>): Promise<T> => {
    const next = (exporting.get(patientId) ?? Promise.resolve()).catch(() => {}).then(run)
    const settled = next.catch(() => {})
    exporting.set(patientId, settled)
    void settled.then(() => exporting.get(patientId) === settled && exporting.delete(patientId))
    return next
  }
  /** The saved program's handout, as both export and print use it. */
  const savedHandout = async (
    {
      patientId,
      programId,
      layout,
      paper,
      logDays,
      language,
      allowEnglish,
    }: { patientId: string; programId: string } & Pick<
      HandoutChoices,
      'layout' | 'paper' | 'logDays' | 'language' | 'allowEnglish'
    >,
    record: boolean,
  ) => {
    const store = await deps.store()
    const patient = store.get(patientId)
    if (!patient) throw new AppFailure('not_found', say('handout.patientNotFound'), 'patientId')
    const program = patient.programs.find((p) => p.id === programId)
    if (!program) throw new AppFailure('not_found', say('handout.programNotSaved'), 'programId')
    // An export is recorded in the history, so a full history refuses it before anything is rendered or written.
    if (record) assertRoomForHandout(patient)
    const settings = await deps.settings()
    const date = isoDay(now())
    const prepared = await handoutFor(patient, program, deps, settings, {
      layout,
      paper,
      logDays,
      date,
      ...(language ? { language } : {}),
      ...(allowEnglish ? { allowEnglish } : {}),
    })
    const rendered = await deps.renderer.render(prepared.input)
    return {
      store,
      patient,
      program,
      settings,
      date,
      input: prepared.input,
      pdf: rendered.pdf,
      warnings: [...prepared.warnings, ...rendered.warnings],
    }
  }
  /** A past export: its record in the patient's history and the exact copy of what it printed. */
  const pastHandout = async ({ patientId, handoutId }: { patientId: string; handoutId: string }) => {
    const patient = (await deps.store()).get(patientId)
    if (!patient) throw new AppFailure('not_found', say('handout.patientNotFound'), 'patientId')
    const record = patient.handouts?.find((h) => h.id === handoutId)
    if (!record) throw new AppFailure('not_found', say('handout.notInHistory'), 'handoutId')
    return { patient, record, copy: await readCopy(deps.dataDir, patientId, handoutId, deps.fs) }
  }
  return {
    printHandout: async (args) => {
      if (!deps.printPdf) throw printingNeedsDesktop()
      const { pdf, warnings, patient, input, settings } = await savedHandout(args, false)
      const printed = await deps.printPdf(pdf, printTitle(patient, input.language, namesInFilesOf(settings)))
      return { printed, warnings }
    },
    /**
     * The handout for the builder's current (possibly unsaved) program, for the live preview: each page as a PDF of
     * its own with its key, and no bytes for a page whose key the window says it holds (`known`), so an edit sends,
     * opens and draws only the pages it changed. A newer preview for the same patient's program cancels this one (`cancelled: true`, which the builder
     * ignores): not started if it was waiting, its result dropped if it was being rendered.
     */
    previewHandout: async ({ patientId, program, layout, paper, logDays, language, known }) => {
      previews.get(patientId)?.abort()
      const controller = new AbortController()
      previews.set(patientId, controller)
      try {
        const patient = (await deps.store()).get(patientId)
        if (!patient) throw new AppFailure('not_found', say('handout.patientNotFound'), 'patientId')
        const stamp = now().toISOString()
        const draft: Program = { ...program, id: 'preview-program', revision: 1, createdAt: stamp, updatedAt: stamp }
        const prepared = await handoutFor(patient, draft, deps, await deps.settings(), {
          layout,
          paper,
          logDays,
          date: stamp.slice(0, 10),
          ...(language ? { language } : {}),
          preview: true,
        })
        const rendered = await deps.renderer.renderPages(prepared.input, {}, controller.signal)
        const warnings = [...prepared.warnings, ...rendered.warnings]
        if (!('pages' in rendered)) return { pdf: plainBytes(rendered.pdf), warnings }
        const held = new Set(known)
        const pages = rendered.pages.map((page, i) => (held.has(rendered.pageKeys[i]!) ? null : plainBytes(page)))
        return { pages, pageKeys: rendered.pageKeys, warnings }
      } catch (error) {
        if (error instanceof RenderCancelled) return { cancelled: true as const }
        throw error
      } finally {
        if (previews.get(patientId) === controller) previews.delete(patientId)
      }
    },
    exportHandout: (args) =>
      onePerPatient(args.patientId, async () => {
        const { patientId, programId, layout, paper } = args
        const { store, patient, program, settings, date, input, pdf, warnings } = await savedHandout(args, true)
        const path = await deps.dialogs.save({
          title: say('dialog.saveHandout'),
          defaultName: defaultHandoutName(patient, date, input.language, namesInFilesOf(settings)),
          filters: pdfFilters,
        })
        if (!path) return { saved: false as const }
        const record = {
          id: randomUUID(),
          at: now().toISOString(),
          programId,
          layout,
          paper,
          language: input.language,
          file: basename(path),
          snapshot: { title: program.title, items: program.items },
        }
        // The copy first: an export that could not keep its copy writes no PDF and records nothing, so every
        // handout in the history can be made again. If the PDF or the record then fails, the copy goes too.
        await keepCopy(deps.dataDir, { patientId, handoutId: record.id, path, input }, deps.fs)
        try {
          await writeFileAtomic(path, pdf, { mode: 0o644 })
          await recordHandout(store, patientId, record)
        } catch (error) {
          const left = await removeCopies(deps.dataDir, [record.id], deps.fs)
          if (left.length) log(`The copy of an export that failed could not be removed: handouts/${record.id}.json`)
          throw error
        }
        if (settings.openAfterExport) deps.openFile?.(path)
        return { saved: true as const, path, warnings }
      }),
    /** The past handout again, from its exact copy: same pages, same bytes. Not a new handout, so not recorded again. */
    reprintHandout: async (args) => {
      const { record, copy } = await pastHandout(args)
      const { pdf, warnings } = await deps.renderer.render(copy.input)
      const path = await deps.dialogs.save({
        title: say('dialog.saveHandoutAgain'),
        defaultName: record.file,
        filters: pdfFilters,
      })
      if (!path) return { saved: false as const }
      await writeFileAtomic(path, pdf, { mode: 0o644 })
      // "Show in folder" then finds the newest file. Failing that, the PDF is still saved, so it is not an error.
      if (path !== copy.path)
        await keepCopy(deps.dataDir, { ...copy, path }, deps.fs).catch((error: unknown) =>
          log('Could not note where a reprinted handout was saved', error),
        )
      return { saved: true as const, path, warnings }
    },
    printPastHandout: async (args) => {
      if (!deps.printPdf) throw printingNeedsDesktop()
      const { patient, copy } = await pastHandout(args)
      const { pdf, warnings } = await deps.renderer.render(copy.input)
      return {
        printed: await deps.printPdf(
          pdf,
          printTitle(patient, copy.input.language, namesInFilesOf(await deps.settings())),
        ),
        warnings,
      }
    },
    /** Where a past handout was saved: shown in its folder by the desktop app; the path alone elsewhere. */
    showHandoutFile: async (args) => {
      const path = await pastHandout(args).then(
        ({ copy }) => copy.path,
        (error: unknown) => {
          // Without a copy Homeplan never knew the folder; the file's name may still help.
          if (error instanceof NoCopy) throw new AppFailure('not_found', say('handout.folderUnknown'), 'handoutId')
          throw error
        },
      )
      const file = await stat(path).catch(() => undefined)
      if (!file?.isFile()) throw new AppFailure('not_found', say('handout.moved', { path }), 'handoutId')
      if (!deps.showFile) return { shown: false, path }
      deps.showFile(path)
      return { shown: true, path }
    },
  }
}
