import { join, resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  appFilePath,
  serveAppFile,
} from '../../electron/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security'

const root = resolve('/opt/Homeplan/resources/app.asar/out/renderer')

/** A renderer folder in memory: the reads serveAppFile asks for, answered only for the files in it. */
function fakeFolder(files: Record<string, string>) {
  const read = vi.fn(async (path: string) => {
    const name = Object.keys(files).find((file) => join(root, file) === path)
    if (name === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' })
    return new TextEncoder().encode(files[name])
  })
  return read
}

describe('app:// protocol', () => {
  it('is a standard, secure scheme the page can fetch from, without bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true })
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP')
    expect(APP_ENTRY_URL).toBe(`${APP_ORIGIN}/index.html`)
  })

  it('serves the renderer’s files with their type and the CSP as a header', async () => {
    const read = fakeFolder({ 'index.html': '<!doctype html>', 'assets/index-abc.js': 'export {}' })
    const page = await serveAppFile(APP_ENTRY_URL, root, read)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toBe('<!doctype html>')
    const script = await serveAppFile(`${APP_ORIGIN}/assets/index-abc.js?v=1#x`, root, read)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('export {}')
    // The bare origin is the page.
    expect(await (await serveAppFile(`${APP_ORIGIN}/`, root, read)).text()).toBe('<!doctype html>')
  })

  it('answers 404, with the CSP, for a file that is not there', async () => {
    const response = await serveAppFile(`${APP_ORIGIN}/missing.js`, root, fakeFolder({}))
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('refuses, without reading anything, every address that leaves the renderer folder or is not ours', async () => {
    const read = fakeFolder({ 'index.html': 'page' })
    const refused = [
      `${APP_ORIGIN}/..%2F..%2F..%2Fetc%2Fpasswd`,
      `${APP_ORIGIN}/assets/..%2f..%2f..%2fmain%2findex.js`,
      `${APP_ORIGIN}/..%5C..%5Cmain%5Cindex.js`,
      `${APP_ORIGIN}/index.html%00.png`,
      `${APP_ORIGIN}/%E0%A4%A`,
      `${APP_ORIGIN}/%2Fetc%2Fpasswd`,
      'app://elsewhere/index.html',
      'app://homeplan.evil/index.html',
      'file:///etc/passwd',
      'https://homeplan/index.html',
      'not a url',
    ]
    for (const url of refused) {
      const response = await serveAppFile(url, root, read)
      expect({ url, status: response.status }).toEqual({ url, status: 403 })
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    expect(read).not.toHaveBeenCalled()
  })

  it('maps an address to a file inside the folder only', () => {
    expect(appFilePath(`${APP_ORIGIN}/assets/a.css`, root)).toBe(join(root, 'assets', 'a.css'))
    // Dot-segments, literal or %2e, are folded by the URL parser before they reach us: they stay inside.
    expect(appFilePath(`${APP_ORIGIN}/assets/../../../index.html`, root)).toBe(join(root, 'index.html'))
    expect(appFilePath(`${APP_ORIGIN}/%2e%2e/%2e%2e/preload/index.cjs`, root)).toBe(join(root, 'preload', 'index.cjs'))
    expect(appFilePath(`${APP_ORIGIN}/..%2Findex.html`, root)).toBeUndefined()
  })
})
