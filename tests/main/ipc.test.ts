import { describe, expect, it, vi } from 'vitest'
import { APP_ENTRY_URL, APP_ORIGIN } from '../../electron/main/app-protocol'
import { appUrlMatcher, registerIpc, type IpcMainLike, type SenderLike } from '../../electron/main/ipc'
import { channelName, methods, type Handlers } from '../../src/core/contract'
import { defaultSettings } from '../../src/core/settings'

const rendererUrl = APP_ENTRY_URL

function setup() {
  const registered = new Map<string, (event: SenderLike, arg: unknown) => Promise<unknown>>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (registered.has(channel)) throw new Error(`second handler for ${channel}`)
      registered.set(channel, listener)
    },
  }
  const handlers = {
    getAppInfo: vi.fn(),
    getSettings: vi.fn(() => defaultSettings),
    updateSettings: vi.fn((patch) => ({ ...defaultSettings, ...patch })),
    getDataFolder: vi.fn(),
    reprintHandout: vi.fn(),
    printPastHandout: vi.fn(),
    showHandoutFile: vi.fn(),
    setExerciseVideo: vi.fn(({ exerciseId, url }) => ({ id: exerciseId, videoUrl: url })),
  } as unknown as Handlers
  registerIpc(ipcMain, handlers, appUrlMatcher(APP_ORIGIN), () => {})
  const call = (method: string, event: SenderLike, arg?: unknown) => registered.get(channelName(method))!(event, arg)
  return { registered, handlers, call }
}

const topFrame = (url = `${rendererUrl}#/settings`): SenderLike => ({ senderFrame: { url, parent: null } })

describe('registerIpc', () => {
  it('registers exactly one handler per contract method and nothing else', () => {
    const { registered } = setup()
    expect([...registered.keys()].sort()).toEqual(methods.map(channelName).sort())
  })

  it('serves the app’s own top frame', async () => {
    const { call, handlers } = setup()
    expect(await call('updateSettings', topFrame(), { paperSize: 'a4' })).toMatchObject({
      ok: true,
      value: { paperSize: 'a4' },
    })
    expect(handlers.updateSettings).toHaveBeenCalledOnce()
  })

  it('refuses subframes, foreign pages and destroyed frames before any service runs', async () => {
    const { call, handlers } = setup()
    const foreign: SenderLike[] = [
      { senderFrame: { url: rendererUrl, parent: { url: rendererUrl } } },
      topFrame('https://evil.example/index.html'),
      topFrame('file:///tmp/downloaded/index.html'),
      topFrame('file:///opt/Homeplan/resources/app.asar/out/renderer/index.html'),
      topFrame('app://homeplan.evil/index.html'),
      topFrame('app://homeplan@evil.example/index.html'),
      topFrame('app://other/index.html'),
      { senderFrame: null },
    ]
    for (const event of foreign) {
      expect(await call('getSettings', event)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(handlers.getSettings).not.toHaveBeenCalled()
  })

  it('validates arguments after the sender check', async () => {
    const { call, handlers } = setup()
    expect(await call('updateSettings', topFrame(), { colorScheme: 'purple' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', field: 'colorScheme' },
    })
    expect(handlers.updateSettings).not.toHaveBeenCalled()
  })

  it('refuses past-handout calls whose ids are not ids, or that carry anything else, before any service runs', async () => {
    const { call, handlers } = setup()
    const good = { patientId: 'patient-000001', handoutId: 'handout-000001' }
    for (const method of ['reprintHandout', 'printPastHandout', 'showHandoutFile']) {
      const bad: unknown[] = [
        undefined,
        {},
        { ...good, handoutId: '../../roster' },
        { ...good, patientId: 'a/b' },
        { ...good, path: '/etc/passwd' },
        { patientId: good.patientId },
      ]
      for (const arg of bad)
        expect(await call(method, topFrame(), arg)).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
      expect(await call(method, { senderFrame: null }, good)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect(handlers.reprintHandout).not.toHaveBeenCalled()
    expect(handlers.printPastHandout).not.toHaveBeenCalled()
    expect(handlers.showHandoutFile).not.toHaveBeenCalled()
  })

  it('passes a video link to the library only when it is an http(s) address of at most 300 characters', async () => {
    const { call, handlers } = setup()
    const bad = [
      { exerciseId: 'bridges', url: 'javascript:alert(1)' },
      { exerciseId: 'bridges', url: 'file:///etc/passwd' },
      { exerciseId: 'bridges', url: `https://riversidept.example/${'v'.repeat(300)}` },
      { exerciseId: 'Bridges!', url: 'https://riversidept.example/v/bridges' },
      { exerciseId: 'bridges', url: 'https://riversidept.example/v/bridges', extra: true },
      { exerciseId: 'bridges' },
      { id: 'bridges', url: null },
    ]
    for (const arg of bad)
      expect(await call('setExerciseVideo', topFrame(), arg)).toMatchObject({
        ok: false,
        error: { code: 'invalid_argument' },
      })
    expect(handlers.setExerciseVideo).not.toHaveBeenCalled()
    expect(
      await call('setExerciseVideo', topFrame(), {
        exerciseId: 'bridges',
        url: ' https://riversidept.example/v/bridges ',
      }),
    ).toMatchObject({
      ok: true,
      value: { videoUrl: 'https://riversidept.example/v/bridges' },
    })
  })

  it('trusts the dev server origin only when one is configured', () => {
    const dev = appUrlMatcher(APP_ORIGIN, 'http://localhost:5173')
    expect(dev('http://localhost:5173/#/patients')).toBe(true)
    expect(dev(`${APP_ORIGIN}/index.html`)).toBe(true)
    expect(dev('http://localhost:5174/')).toBe(false)
    expect(appUrlMatcher(APP_ORIGIN)('http://localhost:5173/')).toBe(false)
  })
})
