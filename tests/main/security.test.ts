import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  hardenContents,
  hardenSession,
  isExternalWebUrl,
  secureWebPreferences,
  type ContentsLike,
  type SessionLike,
} from '../../electron/main/security'
import config, { cspMeta } from '../../electron.vite.config'

function fakeContents() {
  const listeners: Record<string, (...args: unknown[]) => void> = {}
  let openHandler: ((details: { url: string }) => { action: string }) | undefined
  const contents = {
    on: (event: string, listener: (...args: unknown[]) => void) => {
      listeners[event] = listener
    },
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler
    },
  } as unknown as ContentsLike
  const event = () => ({ preventDefault: vi.fn() })
  return { contents, listeners, open: (url: string) => openHandler!({ url }), event }
}

describe('window security', () => {
  it('turns on isolation, sandbox and web security and turns off node and webviews', () => {
    const prefs = secureWebPreferences('/app/preload.cjs')
    expect(prefs.preload).toBe('/app/preload.cjs')
    const on = ['contextIsolation', 'sandbox', 'webSecurity'] as const
    const off = [
      'nodeIntegration',
      'nodeIntegrationInWorker',
      'nodeIntegrationInSubFrames',
      'allowRunningInsecureContent',
      'webviewTag',
    ] as const
    expect(on.filter((key) => prefs[key] !== true)).toEqual([])
    expect(off.filter((key) => prefs[key] !== false)).toEqual([])
  })

  it('cancels every navigation and hands only web links to the system browser', () => {
    const { contents, listeners, event } = fakeContents()
    const openExternal = vi.fn()
    hardenContents(contents, openExternal)
    for (const url of [
      'https://example.org/a',
      'http://example.org',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
    ]) {
      const e = event()
      listeners['will-navigate']!(e, url)
      expect(e.preventDefault).toHaveBeenCalled()
    }
    expect(openExternal.mock.calls.map(([url]) => url)).toEqual(['https://example.org/a', 'http://example.org'])
    const redirect = event()
    listeners['will-redirect']!(redirect, 'https://evil.example')
    expect(redirect.preventDefault).toHaveBeenCalled()
  })

  it('denies every new window and blocks <webview>', () => {
    const { contents, listeners, open, event } = fakeContents()
    const openExternal = vi.fn()
    hardenContents(contents, openExternal)
    expect(open('https://example.org')).toEqual({ action: 'deny' })
    expect(open('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
    const attach = event()
    listeners['will-attach-webview']!(attach)
    expect(attach.preventDefault).toHaveBeenCalled()
  })

  it('denies every permission request and check, and sets the CSP header on every response', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined
    let check: (() => boolean) | undefined
    let headers:
      ((d: { responseHeaders?: Record<string, string[] | string> }, cb: (r: unknown) => void) => void) | undefined
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
      webRequest: { onHeadersReceived: (h) => void (headers = h as typeof headers) },
    }
    hardenSession(session)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      request!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect(check!()).toBe(false)
    const callback = vi.fn()
    headers!({ responseHeaders: { 'content-type': ['text/html'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })

  it('allows no inline, eval or remote script, in the header and in index.html alike', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'))
    expect(scriptSrc).toBe("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:/)
    // A meta CSP cannot carry frame-ancestors; everything else must match the header exactly.
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''))
  })

  it('is written once: index.html has none of its own, the build writes in the meta tag from security.ts', () => {
    expect(readFileSync('src/index.html', 'utf8')).not.toMatch(/Content-Security-Policy"\s+content=/)
    const hook = cspMeta().transformIndexHtml as () => { tag: string; attrs: Record<string, string> }[]
    expect(hook()).toMatchObject([
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY } },
    ])
    const renderer = config.renderer as { plugins: { name: string }[] }
    expect(renderer.plugins.map((p) => p.name)).toContain('homeplan-csp-meta')
  })

  it('recognises only http and https as external web links', () => {
    expect(isExternalWebUrl('https://a.b')).toBe(true)
    expect(isExternalWebUrl('mailto:a@b')).toBe(false)
    expect(isExternalWebUrl('not a url')).toBe(false)
  })
})
