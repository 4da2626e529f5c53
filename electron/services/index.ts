import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { changesData, type AppInfo, type DataFolderInfo, type Handlers } from '../../src/core/contract'
import { screenLanguageOf, type HandoutLanguage } from '../../src/core/languages'
import { AppFailure } from '../../src/core/result'
import type { Settings } from '../../src/core/settings'
import { messageLanguage, say, setMessageLanguage } from '../../src/i18n/say'
import { describeDataFolder } from './data-folder'
import { accessLogCsv, createAccessLog } from './access-log'
import { accessEvents, patientIdOf } from './access-events'
import { writeFileAtomic } from './atomic-write'
import { nodeFs, type FsPort } from './fs-port'
import { isoDay } from '../../src/core/dates'
import { acquireDataLock, type DataLock, type DataLockOptions } from './data-lock'
import type { Dialogs } from './dialogs'
import { copiesFolder, removeCopies } from './handout/copies'
import { tightenDataFolder } from './private-modes'
import { oldSetAsideFiles, removeOldSetAside } from './set-aside'
import { createHandoutHandlers } from './handout/export'
import { createInProcessRenderer, type HandoutRenderer } from './handout/renderer'
import { createLibrary } from './library/service'
import { createPackHandlers } from './library/packs'
import { Backups } from './roster/backups'
import { createRosterHandlers } from './roster/service'
import { createCsvHandlers } from './roster/csv-service'
import { RosterStore } from './roster/store'
import { programsUsing } from './roster/usage'
import { createNotices } from './notices'
import { readUserFile } from './read-user-file'
import { createSettingsStore } from './settings-store'
import { createEncryption } from './encryption/service'
import { folderCrypto } from './encryption/folder'
import { noKeyKeeper, type KeyKeeper } from './encryption/key-keeper'
import { sealedFs } from './sealed-fs'

/** The OS confirming that its user is at the keyboard (electron/main/os-confirm.ts). */
export interface OsConfirm {
  available(): boolean
  /** Resolves false when the user cancelled or failed. */
  confirm(reason: string): Promise<boolean>
}
import { createPinService } from './pin'
import { createGate, type Gate } from './gate'

export interface ServiceDeps {
  dataDir: string
  dataSource: DataFolderInfo['source']
  appInfo: AppInfo
  dialogs: Dialogs
  /** The app's resources folder (built-in exercise library, fonts, schemas). */
  resourcesDir: string
  now?: () => Date
  log?: (message: string, error?: unknown) => void
  /** Opens a saved file in the system's viewer (the app passes shell.openPath). */
  openFile?: (path: string) => void
  /** Shows a saved file in its folder (the app passes shell.showItemInFolder). */
  showFile?: (path: string) => void
  /** The system print dialog for a PDF (the app passes electron/main/print.ts). */
  printPdf?: (pdf: Buffer, title: string) => Promise<boolean>
  /**
   * Where handouts are rendered: the app passes a utility process, the browser bridge a worker thread; by default
   * this process (tests). Closed with the services.
   */
  renderer?: HandoutRenderer
  /** Told when the screens' language changes (the app builds its menu again in it). */
  onLanguage?: (language: HandoutLanguage) => void
  /** The system's preferred languages, first first (the app passes app.getPreferredSystemLanguages). */
  systemLanguages?: () => readonly string[]
  /** The folder lock's timings and process check (tests shorten them). */
  lock?: Pick<DataLockOptions, 'staleAfterMs' | 'heartbeatMs' | 'isAlive' | 'pid' | 'host'>
  /** The file system the access log writes through (tests pass one that fails on purpose). */
  accessLogFs?: FsPort
  /**
   * The OS confirming its user (Touch ID on a Mac: the app passes systemPreferences'), another way to open a window
   * locked with a PIN while the folder is not encrypted; none by default.
   */
  osConfirm?: OsConfirm
  /** Remembers an encrypted folder's key in the OS keychain (the app passes safeStorage's); by default, never. */
  keyKeeper?: KeyKeeper
}

export interface Services {
  handlers: Handlers
  /** Main's lock (issue 17): while locked every handler outside gate.ts's list refuses with code 'locked'. */
  gate: Pick<Gate, 'lock' | 'unlock' | 'isLocked'>
  /**
   * Starts opening the roster now, while the window is still being made, so its first list is ready sooner. A
   * failure is not reported here: the window's first call tries again and says what went wrong.
   */
  prepare(): void
  /** Finishes pending writes and closes the roster (app quit, test teardown). */
  close(): Promise<void>
  /** Resolves once background backups and compactions have finished. */
  idle(): Promise<void>
}

/** This process's locale, for a caller that does not say the system's languages (the browser bridge, tests). */
const systemLocales = () => [Intl.DateTimeFormat().resolvedOptions().locale]

/**
 * Builds the one handler map that both ipcMain and the HTTP test bridge serve.
 * Plain Node: nothing here imports `electron`.
 */
export function createServices(deps: ServiceDeps): Services {
  const log = deps.log ?? (() => {})
  const notices = createNotices(deps.now)
  const notify = (message: string) => {
    log(message)
    notices.add(message)
  }
  /**
   * Encryption at rest (issue 17): every store reads and writes the data folder through `dataFs`, which seals what
   * it writes while the folder is encrypted and opens what it reads with the key held in memory (see sealed-fs.ts).
   */
  const encryption = createEncryption({
    folder: folderCrypto(nodeFs, deps.dataDir),
    keeper: deps.keyKeeper ?? noKeyKeeper,
    withStoresClosed: (work) => withStoresClosed(work),
    log,
  })
  const keys = {
    key: () => encryption.key(),
    sealWrites: () => encryption.sealing(),
    strict: () => encryption.strict(),
  }
  const dataFs = sealedFs(nodeFs, keys)
  const settings = createSettingsStore(deps.dataDir, notify, deps.now, dataFs)
  /** Refusals and checks speak the screens' language, as the settings say it (see src/i18n/say.ts). */
  const speak = (current: Settings) => {
    const language = screenLanguageOf(current.language, deps.systemLanguages?.() ?? systemLocales())
    const changed = language !== messageLanguage()
    setMessageLanguage(language)
    if (changed) deps.onLanguage?.(language)
    return current
  }
  const pin = createPinService(settings, deps.now ? () => deps.now!().getTime() : undefined)
  const gate = createGate(log)
  const backups = new Backups({ dir: deps.dataDir, now: deps.now, fs: dataFs })
  let lock: DataLock | undefined
  /** Why this process may not change the data folder (another Homeplan holds it); undefined while it may. */
  let readOnly: string | undefined
  let opened: Promise<RosterStore> | undefined
  const accessLog = createAccessLog({
    fs: deps.accessLogFs ? sealedFs(deps.accessLogFs, keys) : dataFs,
    dir: deps.dataDir,
    now: deps.now,
    report: notify,
    log,
  })
  /** The therapist the access log names until the app closes; null: "this computer". */
  let workingAs: string | null = null
  /** The OS's confirmation opens only a PIN lock: an encrypted folder's lock needs the passphrase, nothing less. */
  const osConfirmUsable = async () =>
    !!deps.osConfirm?.available() && !encryption.sealing() && !encryption.closed() && (await pin.isSet())
  /** A name the access log may use: one of Settings' therapists, or null ("this computer"); undefined: no change. */
  const assertTherapist = async (name: string | null | undefined) => {
    if (name === undefined || name === null) return
    if (!(await settings.get()).therapists.some((t) => t.name === name))
      throw new AppFailure('not_found', say('workingAs.unknown', { name }), 'name')
  }

  const openRoster = async (): Promise<RosterStore> => {
    // An encrypted folder is not touched before its passphrase: nothing could be read, and nothing may be set aside.
    await encryption.start()
    if (encryption.closed()) throw new AppFailure('locked', say('sealed.locked'))
    // The lock's and the roster's reasons are said in the screens' language: the settings are read first.
    await settings
      .get()
      .then(speak)
      .catch(() => {})
    await holdFolder()
    const held = lock
    return RosterStore.open({
      dir: deps.dataDir,
      fs: dataFs,
      now: deps.now,
      log,
      readOnly,
      guard: held ? () => held.assertHeld() : undefined,
      beforeMigrate: async (file) => void (await backups.keepCopy(file, 'before-migration')),
    })
  }
  /** Takes the data folder's lock if no other Homeplan holds it (else `readOnly` says who does); once per process. */
  async function holdFolder(): Promise<void> {
    if (!lock) {
      await mkdir(deps.dataDir, { recursive: true, mode: 0o700 }).catch(() => {})
      const result = await acquireDataLock({
        dir: deps.dataDir,
        ...deps.lock,
        onLost: (reason) => {
          readOnly = reason
          log(reason)
        },
      })
      if (result.held) {
        lock = result.lock
        readOnly = undefined
        // The access log's chain is checked at start, once this process holds the folder (a failure is reported
        // with the first entry that cannot be written); an encrypted log once its key is known.
        if (!encryption.closed())
          void accessLog.open().catch((error: unknown) => log('The access log could not be opened', error))
        const tightened = await tightenDataFolder(deps.dataDir).catch(() => 0)
        if (tightened) log(`Made ${tightened} file(s) and folder(s) in the data folder readable by this user only.`)
      } else {
        readOnly = result.reason
      }
    }
  }
  // The roster opens on first use or on prepare() (the app calls it at start, beside making the window), never
  // before the window is on its way. A failed open is not kept: the next call tries again.
  const store = () =>
    (opened ??= openRoster().catch((error: unknown) => {
      opened = undefined
      throw error
    }))
  const reopen = async () => {
    const previous = opened
    opened = undefined
    await backups.idle()
    if (previous) await (await previous.catch(() => undefined))?.close()
    return store()
  }
  /** A whole-folder rewrite in progress (encryption on or off): every call waits for it. */
  let converting: Promise<unknown> = Promise.resolve()
  /**
   * Runs `work` with the roster and the access log closed (their open journal and log handles would point at files
   * the rewrite replaces); both open again on next use. Only while this process holds the folder.
   */
  async function withStoresClosed<T>(work: () => Promise<T>): Promise<T> {
    // Not store(): a conversion a crash left is finished before the folder's key is in use, with nothing open yet.
    await holdFolder()
    if (readOnly !== undefined) throw new AppFailure('conflict', readOnly)
    const run = (async () => {
      await backups.idle()
      await accessLog.idle()
      await accessLog.close()
      const previous = opened
      opened = undefined
      if (previous) await (await previous.catch(() => undefined))?.close()
      try {
        return await work()
      } finally {
        if (lock) void accessLog.open().catch((error: unknown) => log('The access log could not be opened', error))
      }
    })()
    converting = run.catch(() => {})
    return run
  }
  /** Refuses a change while another Homeplan holds the folder, before anything is touched. */
  const assertWritable = async () => {
    await store()
    if (readOnly !== undefined) throw new AppFailure('conflict', readOnly)
  }
  const renderer = deps.renderer ?? createInProcessRenderer(join(deps.resourcesDir, 'fonts'))
  const library = createLibrary({
    dataDir: deps.dataDir,
    builtinDir: join(deps.resourcesDir, 'library', 'exercises'),
    dialogs: deps.dialogs,
    now: deps.now,
    usedBy: async (exerciseId) => programsUsing(await store(), exerciseId),
    notify,
    fs: dataFs,
  })
  const handlers: Handlers = {
    getAppInfo: () => deps.appInfo,
    getSettings: () => settings.get().then(speak),
    updateSettings: (patch) => settings.update(patch).then(speak),
    getDataFolder: () => describeDataFolder(deps.dataDir, deps.dataSource),
    listOldSetAside: () => oldSetAsideFiles(deps.dataDir, deps.now?.() ?? new Date()),
    removeOldSetAside: async ({ names }) => {
      const result = await removeOldSetAside(deps.dataDir, names, deps.now?.() ?? new Date())
      if (result.removed.length)
        log(`Removed ${result.removed.length} old set-aside file(s): ${result.removed.join(', ')}`)
      return result
    },
    listNotices: () => notices.list(),
    dismissNotice: ({ id }) => notices.dismiss(id),
    getLockStatus: async () => ({
      pinSet: await pin.isSet(),
      locked: gate.isLocked(),
      therapists: encryption.closed() ? [] : (await settings.get()).therapists.map((t) => t.name),
      workingAs,
      osConfirm: await osConfirmUsable(),
    }),
    unlockWithOs: async ({ workingAs: who }) => {
      if (!(await osConfirmUsable())) throw new AppFailure('forbidden', say('lock.noOsConfirm'))
      await assertTherapist(who)
      const confirmed = await deps.osConfirm!.confirm(say('lock.osConfirmReason'))
      if (!confirmed) return { unlocked: false }
      gate.unlock('idle')
      if (who !== undefined) workingAs = who
      return { unlocked: true }
    },
    lockNow: async () => {
      // With the folder encrypted the passphrase opens the window: it locks with or without a PIN.
      if (encryption.sealing() || (await pin.isSet())) gate.lock('idle')
      return { locked: gate.isLocked() }
    },
    setLockPin: async ({ pin: next, current }) => {
      await pin.set(next, current)
      return { pinSet: true as const }
    },
    removeLockPin: async ({ current }) => {
      await pin.remove(current)
      return { pinSet: false as const }
    },
    verifyPin: async ({ pin: typed, workingAs: who }) => {
      await assertTherapist(who)
      const result = await pin.verify(typed)
      if (result.unlocked) gate.unlock('idle')
      if (result.unlocked && who !== undefined) workingAs = who
      return result
    },
    getEncryption: () => encryption.status(),
    turnOnEncryption: ({ passphrase, remember }) => encryption.turnOn(passphrase, remember),
    turnOffEncryption: ({ passphrase }) => encryption.turnOff(passphrase),
    unlockData: async ({ passphrase, remember, workingAs: who }) => {
      const status = await encryption.unlock(passphrase, remember)
      await assertTherapist(who)
      if (who !== undefined) workingAs = who
      // The passphrase opens both: the folder at start and a window locked after inactivity.
      gate.unlock('sealed')
      gate.unlock('idle')
      // What prepare() could not do while the folder was sealed: the settings' language, the roster warming up.
      void settings
        .get()
        .then(speak)
        .catch(() => {})
      void store().catch(() => {})
      return status
    },
    forgetDataKey: () => encryption.forget(),
    changePassphrase: ({ current, passphrase }) => encryption.changePassphrase(current, passphrase),
    setClinicLogo: async ({ remove }) => {
      const current = await settings.get()
      if (remove) {
        const { logo: _logo, ...clinic } = current.clinic
        return settings.update({ clinic })
      }
      const path = await deps.dialogs.open({
        title: say('dialog.logo'),
        filters: [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg'] }],
      })
      if (!path) return current
      const logo = await library.media.importFile(path)
      return settings.update({ clinic: { ...current.clinic, logo } })
    },
    ...createRosterHandlers({
      store,
      reopen,
      backups,
      dialogs: deps.dialogs,
      readUserFile,
      now: deps.now,
      log,
      exerciseExists: async (id) => !!(await library.find(id)),
      forgetHandouts: async (handoutIds) => {
        const left = await removeCopies(deps.dataDir, handoutIds, dataFs)
        if (left.length)
          notify(
            say('notice.copiesLeft', {
              count: left.length,
              folder: copiesFolder(deps.dataDir),
              files: left.map((id) => `${id}.json`).join(', '),
            }),
          )
      },
    }),
    ...createCsvHandlers({
      store,
      backups,
      dialogs: deps.dialogs,
      readUserFile,
      settings,
      exerciseName: async (id) => (await library.find(id))?.name,
      now: deps.now,
      log,
    }),
    ...library.handlers,
    ...createPackHandlers({
      dataDir: deps.dataDir,
      fs: dataFs,
      library,
      dialogs: deps.dialogs,
      readUserFile,
      settings,
      version: deps.appInfo.version,
      now: deps.now,
      log,
      notify,
      assertWritable,
    }),
    getAccessLog: async ({ page, pageSize, patientId }) => {
      const all = await accessLog.read()
      const patients = new Map<string, string>()
      for (const e of all) if (e.patientId && e.initials) patients.set(e.patientId, e.initials)
      const matching = (patientId ? all.filter((e) => e.patientId === patientId) : all).reverse()
      return {
        entries: matching.slice(page * pageSize, (page + 1) * pageSize),
        total: matching.length,
        patients: [...patients].map(([id, initials]) => ({ patientId: id, initials })),
      }
    },
    exportAccessLog: async () => {
      const path = await deps.dialogs.save({
        title: 'Save the access log as CSV',
        defaultName: `Homeplan_access-log_${isoDay(deps.now?.() ?? new Date())}.csv`,
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      })
      if (!path) return { saved: false }
      await writeFileAtomic(path, accessLogCsv(await accessLog.read()), { mode: 0o600 })
      return { saved: true, path }
    },
    getWorkingAs: () => ({ name: workingAs }),
    setWorkingAs: async ({ name }) => {
      await assertTherapist(name)
      workingAs = name
      return { name }
    },
    ...createHandoutHandlers({
      dataDir: deps.dataDir,
      fs: dataFs,
      renderer,
      store,
      library,
      settings: () => settings.get(),
      dialogs: deps.dialogs,
      openFile: deps.openFile,
      printPdf: deps.printPdf,
      showFile: deps.showFile,
      now: deps.now,
      log,
    }),
  }
  for (const method of changesData) {
    const name = method as keyof Handlers
    const handler = handlers[name] as (arg: unknown) => unknown
    ;(handlers as Record<string, (arg: unknown) => unknown>)[name] = async (arg: unknown) => {
      await assertWritable()
      return handler(arg)
    }
  }
  // Each call the access log records is recorded once it has done what it does (see access-events.ts), naming the
  // patient as they were before the call (a deleted patient's initials). Only while this process holds the folder:
  // two writers would break the chain. Recording never fails or delays the call.
  for (const [method, describe] of Object.entries(accessEvents)) {
    const inner = (handlers as Record<string, (arg: unknown) => unknown>)[method]!
    ;(handlers as Record<string, (arg: unknown) => unknown>)[method] = async (arg: unknown) => {
      const id = patientIdOf(arg)
      const before = id
        ? await store().then(
            (s) => s.get(id),
            () => undefined,
          )
        : undefined
      const result = await inner(arg)
      const event = describe(arg, result, before)
      if (event && lock && readOnly === undefined) accessLog.record({ who: workingAs, ...event })
      return result
    }
  }
  /** Whether the folder is encrypted is known before any call: sealed and not yet opened, main stays locked. */
  const ready = async () => {
    await encryption.start()
    if (encryption.closed()) gate.lock('sealed')
  }
  /** Every call after `ready` and after a conversion in progress (the call that started it excepted). */
  const whenReady = (guarded: Handlers): Handlers => {
    const outer = { ...guarded } as Record<string, (arg: unknown) => unknown>
    for (const [method, handler] of Object.entries(guarded) as [string, (arg: unknown) => unknown][])
      outer[method] = async (arg: unknown) => {
        await ready()
        await converting
        return handler(arg)
      }
    return outer as Handlers
  }
  return {
    // The gate is outermost: a locked call is refused before anything (the roster, the access log) is touched.
    handlers: whenReady(gate.guard(handlers)),
    gate,
    prepare: () => {
      void ready()
        .then(() => {
          if (encryption.closed()) return
          void store().catch(() => {})
          void settings
            .get()
            .then(speak)
            .catch(() => {})
        })
        .catch(() => {})
    },
    close: async () => {
      await renderer.close()
      await backups.idle()
      await accessLog.close()
      if (opened) await (await opened.catch(() => undefined))?.close()
      await lock?.release()
      lock = undefined
    },
    idle: async () => {
      await backups.idle()
      await accessLog.idle()
      if (opened) await (await opened.catch(() => undefined))?.compactions
    },
  }
}
