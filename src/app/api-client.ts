import { methods, type Api } from '../core/contract'
import type { AppError } from '../core/result'

declare global {
  interface Window {
    /** Provided by the preload in Electron, or by the HTTP bridge script in a browser. */
    api?: Api
  }
}

/**
 * Wraps the transport's `window.api` so every failed call is reported once,
 * in one place (a notification), while callers still get the Result to act on.
 */
export function createApiClient(raw: Api, onError: (error: AppError, method: string) => void): Api {
  const client: Record<string, (arg?: unknown) => Promise<unknown>> = {}
  for (const method of methods) {
    const fn = raw[method] as (arg?: unknown) => ReturnType<Api[typeof method]>
    client[method] = async (arg?: unknown) => {
      const result = await fn(arg)
      if (!result.ok) onError(result.error, method)
      return result
    }
  }
  return client as unknown as Api
}
