import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import {
  BRIDGE_HEADER,
  BRIDGE_SCRIPT_PATH,
  bridgeScript,
  fromWire,
  startBridge,
  type Bridge,
} from '../../electron/bridge/server'
import type { Api, Handlers } from '../../src/core/contract'
import { testServices } from '../support/services'
import { exerciseInput } from '../support/exercises'
import { methods } from '../../src/core/contract'
import { setMessageLanguage } from '../../src/i18n/say'

let bridge: Bridge
let dataDir: string
let rendererDir: string

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'hp-renderer-'))
  await mkdir(join(rendererDir, 'assets'))
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  )
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(tmpdir(), 'hp-secret.txt'), 'secret')
  dataDir = await mkdtemp(join(tmpdir(), 'hp-bridge-data-'))
  const { handlers } = testServices(dataDir)
  bridge = await startBridge({ handlers, rendererDir })
})
afterAll(() => bridge.close())

const post = (method: string, body: unknown, headers: Record<string, string> = { [BRIDGE_HEADER]: '1' }) =>
  fetch(`${bridge.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('HTTP bridge', () => {
  it('listens on the loopback address only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('serves index.html with the bridge script ahead of the app, under the app’s CSP', async () => {
    const response = await fetch(bridge.url)
    const html = await response.text()
    expect(html).toContain(`<head><script src="${BRIDGE_SCRIPT_PATH}"></script>`)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await (await fetch(`${bridge.url}/assets/app.js`)).text()).toBe('console.log(1)')
  })

  it('defines exactly the contract’s methods in the browser script', () => {
    const script = bridgeScript()
    expect(script).toContain(JSON.stringify(methods))
    expect(script).not.toMatch(/invoke/)
  })

  it('runs the real handlers with the same Result shapes as IPC', async () => {
    const saved = await (await post('updateSettings', { arg: { paperSize: 'a4' } })).json()
    expect(saved).toMatchObject({ ok: true, value: { paperSize: 'a4' } })
    const refused = await (await post('updateSettings', { arg: { paperSize: 'a4', extra: 1 } })).json()
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'extra' } })
    const unknown = await (await post('dropTables', {})).json()
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('serves the past-handout calls: ids checked, a missing handout said in words', async () => {
    for (const method of ['reprintHandout', 'printPastHandout', 'showHandoutFile']) {
      expect(
        await (await post(method, { arg: { patientId: 'patient-000001', handoutId: '../x' } })).json(),
      ).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'handoutId' } })
      expect(
        await (await post(method, { arg: { patientId: 'patient-000001', handoutId: 'handout-000001' } })).json(),
      ).toMatchObject({
        ok: false,
        error: { code: method === 'printPastHandout' ? 'forbidden' : 'not_found' },
      })
    }
  })

  it('offers setExerciseVideo and refuses a link that is not an http(s) address', async () => {
    expect(bridgeScript()).toContain('"setExerciseVideo"')
    const refused = await (
      await post('setExerciseVideo', { arg: { exerciseId: 'bridges', url: 'javascript:alert(1)' } })
    ).json()
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', field: 'url', message: expect.stringContaining('https://') },
    })
    const saved = await (
      await post('setExerciseVideo', { arg: { exerciseId: 'bridges', url: 'https://riversidept.example/v/bridges' } })
    ).json()
    expect(saved).toMatchObject({
      ok: true,
      value: { id: 'bridges', videoUrl: 'https://riversidept.example/v/bridges' },
    })
  })

  it('serves the access log: a page of it, refused arguments, and its CSV export through the scripted save dialog', async () => {
    for (const method of ['getAccessLog', 'exportAccessLog', 'getWorkingAs', 'setWorkingAs'])
      expect(bridgeScript()).toContain(`"${method}"`)
    const page = await (await post('getAccessLog', { arg: { page: 0, pageSize: 25 } })).json()
    expect(page).toMatchObject({ ok: true, value: { entries: expect.any(Array), total: expect.any(Number) } })
    const refused = await (await post('getAccessLog', { arg: { page: 0, pageSize: 10_000 } })).json()
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_argument', field: 'pageSize' } })
    const exported = await (await post('exportAccessLog', {})).json()
    expect(exported).toMatchObject({
      ok: true,
      value: { saved: true, path: expect.stringMatching(/access-log_.*\.csv$/) },
    })
    expect(await (await post('getWorkingAs', {})).json()).toEqual({ ok: true, value: { name: null } })
  })

  it('serves the library pack calls (issue 18): a pack saved through the scripted dialog, arguments checked', async () => {
    for (const method of ['exportLibraryPack', 'openLibraryPack', 'importLibraryPack', 'listClinicPacks'])
      expect(bridgeScript()).toContain(`"${method}"`)
    const created = (await (
      await post('createExercise', { arg: exerciseInput({ name: 'Bridge pack test' }) })
    ).json()) as {
      value: { id: string }
    }
    const badArg = { arg: { title: 'Pack', templateIds: ['../x'], exerciseIds: [] } }
    expect(await (await post('exportLibraryPack', badArg)).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', field: 'templateIds.0' },
    })
    const arg = { title: 'Pack', templateIds: [], exerciseIds: [created.value.id] }
    expect(await (await post('exportLibraryPack', { arg })).json()).toMatchObject({
      ok: true,
      value: { saved: true, path: expect.stringMatching(/Pack_.*\.homeplan-pack\.zip$/) },
    })
    expect(await (await post('openLibraryPack', {})).json()).toEqual({ ok: true, value: { cancelled: true } })
    expect(
      await (await post('importLibraryPack', { arg: { token: 'nothing-open', choices: {} } })).json(),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await (await post('listClinicPacks', { arg: { remember: false } })).json()).toEqual({
      ok: true,
      value: { folder: null, packs: [] },
    })
  })

  it('serves the lock calls (issue 17): the PIN set and checked, never echoed, a PIN not of digits refused', async () => {
    for (const method of ['getLockStatus', 'setLockPin', 'removeLockPin', 'verifyPin', 'lockNow'])
      expect(bridgeScript()).toContain(`"${method}"`)
    expect(await (await post('setLockPin', { arg: { pin: 'abcd' } })).json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', field: 'pin' },
    })
    const set = await (await post('setLockPin', { arg: { pin: '7391' } })).json()
    expect(set).toEqual({ ok: true, value: { pinSet: true } })
    expect(await (await post('getLockStatus', {})).json()).toEqual({
      ok: true,
      value: { pinSet: true, locked: false, therapists: [], workingAs: null, osConfirm: false },
    })
    // Locked, the bridge refuses data calls as ipcMain does (the same guarded handler map) until the PIN is entered.
    expect(await (await post('lockNow', {})).json()).toEqual({ ok: true, value: { locked: true } })
    expect(await (await post('listPatients', {})).json()).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(await (await post('verifyPin', { arg: { pin: '7391' } })).json()).toEqual({
      ok: true,
      value: { unlocked: true },
    })
    const settings = await (await post('getSettings', {})).text()
    expect(settings).not.toContain('lockPin')
  })

  it('refuses calls without the bridge header or from another origin', async () => {
    const noHeader = await post('getSettings', {}, {})
    expect(noHeader.status).toBe(403)
    const foreign = await post('getSettings', {}, { [BRIDGE_HEADER]: '1', origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('refuses them in the screens’ language', async () => {
    setMessageLanguage('es')
    try {
      const foreign = await post('getSettings', {}, { [BRIDGE_HEADER]: '1', origin: 'http://evil.example' })
      expect(await foreign.json()).toMatchObject({
        error: { message: 'Esta llamada no vino de una página de Homeplan y se rechazó.' },
      })
      const malformed = await fetch(`${bridge.url}/api/getSettings`, {
        method: 'POST',
        headers: { [BRIDGE_HEADER]: '1' },
        body: '{nope',
      })
      expect(await malformed.json()).toMatchObject({
        error: { message: 'El cuerpo de la petición no es un JSON válido.' },
      })
    } finally {
      setMessageLanguage('en')
    }
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../hp-secret.txt', '/%2e%2e/hp-secret.txt', '/assets/..%2f..%2fhp-secret.txt']) {
      const response = await fetch(`${bridge.url}${path}`)
      expect(response.status).toBe(404)
    }
  })

  it('rejects a malformed body with a typed error', async () => {
    const response = await fetch(`${bridge.url}/api/getSettings`, {
      method: 'POST',
      headers: { [BRIDGE_HEADER]: '1' },
      body: '{nope',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('sends a preview’s pages as base64 on the wire only: the page’s window.api gets Uint8Arrays, as over IPC', async () => {
    const pdf = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0, 1, 254, 255])
    const other = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 7])
    const previewHandout: Handlers['previewHandout'] = async () => ({
      pages: [pdf, null, other],
      pageKeys: ['a', 'b', 'c'],
      warnings: [],
    })
    const bytesBridge = await startBridge({
      handlers: { ...testServices(dataDir).handlers, previewHandout },
      rendererDir,
    })
    try {
      const arg = {
        patientId: 'patient-000001',
        program: { title: 'P', status: 'current', items: [] },
        layout: 'detailed',
        paper: 'letter',
        logDays: 0,
      }
      const wire = await (
        await fetch(`${bytesBridge.url}/api/previewHandout`, {
          method: 'POST',
          headers: { [BRIDGE_HEADER]: '1' },
          body: JSON.stringify({ arg }),
        })
      ).text()
      const value = { pageKeys: ['a', 'b', 'c'], warnings: [] }
      const base64 = (bytes: Uint8Array) => ({ $bytes: Buffer.from(bytes).toString('base64') })
      expect(JSON.parse(wire)).toEqual({ ok: true, value: { pages: [base64(pdf), null, base64(other)], ...value } })
      expect(fromWire(wire)).toEqual({ ok: true, value: { pages: [pdf, null, other], ...value } })
      // The browser script, run as the page runs it (its fetch is relative to the page).
      const window: { api?: Api } = {}
      const pageFetch = (path: string, init: RequestInit) => fetch(`${bytesBridge.url}${path}`, init)
      runInNewContext(bridgeScript(), { window, fetch: pageFetch, atob, Uint8Array, Object, JSON })
      const result = await window.api!.previewHandout(arg as Parameters<Api['previewHandout']>[0])
      if (!result.ok) throw new Error(result.error.message)
      if (!('pages' in result.value)) throw new Error('expected the pages apart')
      const [first, held, last] = result.value.pages
      expect(first).toBeInstanceOf(Uint8Array)
      expect([...first!]).toEqual([...pdf])
      expect(held).toBeNull()
      expect([...last!]).toEqual([...other])
    } finally {
      await bytesBridge.close()
    }
  })
})
