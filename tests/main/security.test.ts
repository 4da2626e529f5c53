import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
  externalLinkOpener,
  externalLinkQuestion,
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

  it('lets a window open DevTools only when told it is development', () => {
    expect(secureWebPreferences('/app/preload.cjs').devTools).toBe(false)
    expect(secureWebPreferences().devTools).toBe(false)
    expect(secureWebPreferences('/app/preload.cjs', false).devTools).toBe(false)
    expect(secureWebPreferences('/app/preload.cjs', true).devTools).toBe(true)
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

  it('cancels every frame navigation too, handing on only a subframe’s web links (the top frame’s go by will-navigate)', () => {
    const { contents, listeners } = fakeContents()
    const openExternal = vi.fn()
    hardenContents(contents, openExternal)
    const frame = (url: string, isMainFrame: boolean) => ({ url, isMainFrame, preventDefault: vi.fn() })
    const navigations = [
      frame('https://example.org/in-a-frame', false),
      frame('file:///etc/passwd', false),
      frame('javascript:alert(1)', false),
      frame('https://example.org/top', true),
      frame('app://homeplan/index.html', true),
    ]
    for (const navigation of navigations) {
      listeners['will-frame-navigate']!(navigation)
      expect(navigation.preventDefault).toHaveBeenCalledOnce()
    }
    expect(openExternal.mock.calls).toEqual([['https://example.org/in-a-frame']])
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

  it('asks before a link leaves, naming the address, with Cancel the default', () => {
    const question = externalLinkQuestion('https://EXAMPLE.org/exercise?id=1')
    expect(question.detail).toBe('https://example.org/exercise?id=1')
    expect(question.buttons![question.defaultId!]).toBe('Cancel')
    expect(question.cancelId).toBe(question.defaultId)
    // An address that looks like another one is shown as the browser will read it.
    expect(externalLinkQuestion('https://xn--pple-43d.com/').detail).toBe('https://xn--pple-43d.com/')
    expect(externalLinkQuestion('https://аpple.com/').detail).toBe('https://xn--pple-43d.com/')
  })

  it('opens a web link only when the user says yes, and never anything but http(s)', async () => {
    const answers: number[] = []
    const ask = vi.fn(async () => ({ response: answers.shift() ?? 1 }))
    const open = vi.fn()
    const opener = externalLinkOpener(ask, open)
    answers.push(0)
    expect(await opener('https://example.org/a')).toBe(true)
    answers.push(1)
    expect(await opener('https://example.org/b')).toBe(false)
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'mailto:a@b', 'not a url']) {
      answers.push(0)
      expect(await opener(url)).toBe(false)
    }
    expect(ask).toHaveBeenCalledTimes(2)
    expect(open.mock.calls).toEqual([['https://example.org/a']])
  })

  it('asks one question at a time: links while it is open are dropped, not stacked', async () => {
    let answer: (value: { response: number }) => void = () => {}
    const ask = vi.fn(() => new Promise<{ response: number }>((resolve) => (answer = resolve)))
    const open = vi.fn()
    const opener = externalLinkOpener(ask, open)
    const first = opener('https://example.org/1')
    expect(await opener('https://example.org/2')).toBe(false)
    answer({ response: 0 })
    expect(await first).toBe(true)
    expect(open.mock.calls).toEqual([['https://example.org/1']])
    // Once answered, the next link is asked about again; a failing browser is not an error for the page.
    open.mockRejectedValueOnce(new Error('no browser'))
    const next = opener('https://example.org/3')
    answer({ response: 0 })
    expect(await next).toBe(false)
    expect(ask).toHaveBeenCalledTimes(2)
  })

  it('recognises only http and https as external web links', () => {
    expect(isExternalWebUrl('https://a.b')).toBe(true)
    expect(isExternalWebUrl('mailto:a@b')).toBe(false)
    expect(isExternalWebUrl('not a url')).toBe(false)
  })
})
