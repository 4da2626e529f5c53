import { channelName, methods, type Handlers } from '../../src/core/contract'
import { dispatch } from '../../src/core/dispatch'
import { fail, type Result } from '../../src/core/result'

/** What we read off an IPC event to decide whether to trust it. */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderLike, arg: unknown) => Promise<Result<unknown>>): void
}

/**
 * A call is trusted only from the top frame of a page the app itself loaded
 * (our file:// renderer, or the dev server in development).
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
        return fail('forbidden', 'This call did not come from a Homeplan window and was refused.')
      }
      return dispatch(handlers, method, arg, log)
    })
  }
}

/** Builds the predicate for "a page of ours": the packaged renderer folder or the dev server origin. */
export function appUrlMatcher(rendererFileUrl: string, devServerUrl?: string): (url: string) => boolean {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
  const fileBase = rendererFileUrl.replace(/[^/]*$/, '')
  return (url) => {
    if (devOrigin && url.startsWith(`${devOrigin}/`)) return true
    return url.startsWith(fileBase) && url.startsWith('file://')
  }
}
