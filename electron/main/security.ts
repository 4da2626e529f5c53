/**
 * Security rules for every window. Kept free of `electron` imports: the
 * objects arrive as parameters, so the rules are unit-tested with plain fakes.
 */
import type { WebPreferences } from 'electron'

/** No inline or remote script; styles may be inline because Mantine sets style attributes. */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]
/** As a header (the app's session, the browser bridge): the directives and frame-ancestors. */
export const CONTENT_SECURITY_POLICY = [...directives, "frame-ancestors 'none'"].join('; ')
/**
 * As index.html's meta tag (a meta policy cannot carry frame-ancestors), which the renderer's build writes in from
 * here (electron.vite.config.ts): the page is covered even where no header is set, by the same written-once policy.
 */
export const META_CONTENT_SECURITY_POLICY = directives.join('; ')

export function secureWebPreferences(preload?: string): WebPreferences {
  return {
    ...(preload ? { preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
  }
}

/** Only web links leave the app, and only to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

interface PreventableEvent {
  preventDefault(): void
}

/** The slice of WebContents the rules touch. */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * The page may never navigate away, open windows or attach webviews. A web
 * link the user clicked is handed to the system browser instead.
 */
export function hardenContents(contents: ContentsLike, openExternal: (url: string) => unknown): void {
  const leave = (url: string) => {
    if (isExternalWebUrl(url)) void openExternal(url)
  }
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    leave(url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    leave(url)
    return { action: 'deny' }
  })
}

/** The slice of Session the rules touch. */
export interface SessionLike {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: () => boolean): void
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[] | string> },
        callback: (response: { responseHeaders: Record<string, string[] | string> }) => void,
      ) => void,
    ): void
  }
}

/** Camera, microphone, notifications, geolocation...: Homeplan needs none, so all are refused. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })
}
