import { z } from 'zod'
import { say } from '../i18n/say'
import { contract, type Handlers, type Method } from './contract'
import { describeIssue } from './issues'
import { AppFailure, fail, ok, type Result } from './result'

export { describeIssue } from './issues'

/** Arguments larger than this are refused before parsing (a whole roster import is far smaller). */
export const MAX_ARGUMENT_BYTES = 8 * 1024 * 1024

export const isMethod = (name: string): name is Method => Object.hasOwn(contract, name)

function approximateSize(raw: unknown): number {
  if (raw === undefined) return 0
  try {
    return JSON.stringify(raw)?.length ?? 0
  } catch {
    return Number.POSITIVE_INFINITY
  }
}

/**
 * The single entry point every transport (ipcMain, the HTTP test bridge) goes
 * through: unknown methods are refused, arguments are validated before any
 * handler sees them, and every outcome becomes a {@link Result}.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  raw: unknown,
  log: (message: string, error: unknown) => void = () => {},
): Promise<Result<unknown>> {
  if (!isMethod(method)) return fail('unknown_channel', say('call.unknown', { method }))
  if (approximateSize(raw) > MAX_ARGUMENT_BYTES) {
    return fail('invalid_argument', say('call.tooLarge', { mb: MAX_ARGUMENT_BYTES / 1024 / 1024 }))
  }
  const parsed = contract[method].input.safeParse(raw)
  if (!parsed.success) {
    const { message, field } = describeIssue(parsed.error.issues)
    return fail('invalid_argument', message, field)
  }
  try {
    const handler = handlers[method] as (arg: unknown) => unknown
    return ok(await handler(parsed.data))
  } catch (error) {
    if (error instanceof AppFailure) return fail(error.code, error.message, error.field)
    log(`Call ${method} failed`, error)
    // A schema check inside a service that did not say it in words: its first problem, never zod's JSON.
    if (error instanceof z.core.$ZodError) {
      const { message, field } = describeIssue(error.issues)
      return fail('invalid_argument', say('call.invalidData', { message }), field)
    }
    const detail = error instanceof Error ? error.message : String(error)
    return fail('internal', say('call.failed', { detail }))
  }
}
