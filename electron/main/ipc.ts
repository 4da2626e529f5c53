import { channelName, methods, type Handlers } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import { fail, type Result } from '../../src/core/result'
import { say } from '../../src/i18n/say'

/** What we read off an IPC event to decide whether to trust it. */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderLike, arg: unknown) => Promise<Result<unknown>>): void
}

/**
 * A call is trusted only from the top frame of a page the app itself loaded
 * (our app:// renderer, or the dev server in development).
 */
export function isTrustedSender(event: SenderLike, isAppUrl: (url: string) => boolean): boolean {
  const frame = event.senderFrame
  return frame !== null && frame.parent === null && isAppUrl(frame.url)
}

/** The one place a channel is registered: sender check, then validation, then the service. */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isAppUrl: (url: string) => boolean,
  log: (message: string, error: unknown) => void,
): void {
  for (const method of methods) {
    ipcMain.handle(channelName(method), async (event, arg) => {
      if (!isTrustedSender(event, isAppUrl)) {
        return fail('forbidden', say('call.notFromWindow'))
      }
      return dispatch(handlers, method, arg, log)
    })
  }
}

/**
 * Builds the predicate for "a page of ours": a page under the app:// origin the renderer is served from, or under the
 * dev server's origin in development. (Compared as prefixes with the slash: app://homeplan.evil/ or
 * app://homeplan@evil/ are not ours.)
 */
export function appUrlMatcher(appOrigin: string, devServerUrl?: string): (url: string) => boolean {
  const bases = [`${appOrigin}/`, ...(devServerUrl ? [`${new URL(devServerUrl).origin}/`] : [])]
  return (url) => bases.some((base) => url.startsWith(base))
}
