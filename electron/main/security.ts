/**
 * Security rules for every window. Kept free of `electron` imports: the
 * objects arrive as parameters, so the rules are unit-tested with plain fakes.
 */
import type { MessageBoxOptions, WebPreferences } from 'electron'

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

/** `devTools` only in development (an unpackaged app or the dev server): a shipped window cannot open them. */
export function secureWebPreferences(preload?: string, devTools = false): WebPreferences {
  return {
    ...(preload ? { preload } : {}),
    devTools,
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

/** What will-frame-navigate hands its listener: the event itself carries the URL and the frame. */
interface FrameNavigationEvent extends PreventableEvent {
  url: string
  isMainFrame: boolean
}

/** The slice of WebContents the rules touch. */
export interface ContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * The page may never navigate away (its own frame or any frame in it), open windows or attach webviews. A web link
 * the user clicked is handed to `openExternal` (which asks first: externalLinkOpener) instead; nothing else is.
 */
export function hardenContents(contents: ContentsLike, openExternal: (url: string) => unknown): void {
  const leave = (url: string) => {
    if (isExternalWebUrl(url)) void openExternal(url)
  }
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    leave(url)
  })
  // Fired for the top frame as well, which will-navigate above already hands on: only a subframe's link goes here.
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault()
    if (!event.isMainFrame) leave(event.url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    leave(url)
    return { action: 'deny' }
  })
}

/** The question asked before a link leaves Homeplan: the address in full (as parsed), Cancel the default. */
export function externalLinkQuestion(url: string): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Open in your browser?',
    message: 'Open this address in your web browser?',
    detail: new URL(url).href,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
}

/**
 * Opens a web address in the system browser only after the user said yes to externalLinkQuestion. Anything but
 * http(s) is never offered, and while one question is open further links are dropped, not queued (a page cannot
 * stack up dialogs).
 */
export function externalLinkOpener(
  ask: (question: MessageBoxOptions) => Promise<{ response: number }>,
  open: (url: string) => unknown,
): (url: string) => Promise<boolean> {
  let asking = false
  return async (url) => {
    if (!isExternalWebUrl(url) || asking) return false
    asking = true
    try {
      const question = externalLinkQuestion(url)
      const { response } = await ask(question)
      if (response !== 0) return false
      await open(question.detail!)
      return true
    } catch {
      // The dialog or the browser failed to open: the link simply stays where it was.
      return false
    } finally {
      asking = false
    }
  }
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
