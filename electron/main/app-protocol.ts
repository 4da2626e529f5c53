/**
 * The renderer is served from app://homeplan/ instead of file://: a page of ours has an origin of its own (so
 * 'self' in the CSP means our files and nothing else on the disk), every response carries the CSP as a header, and
 * only files inside the renderer folder can be asked for. Kept free of `electron` imports: app.ts hands the scheme
 * to protocol.registerSchemesAsPrivileged and serveAppFile to protocol.handle.
 */
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from './security'

export const APP_SCHEME = 'app'
export const APP_HOST = 'homeplan'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * A standard, secure scheme (an origin, relative URLs, a secure context) that fetch, module scripts and workers can
 * load from. Not bypassCSP: the policy applies to app:// as to any page.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
}

/** Headers every app:// response carries, errors included. */
function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  }
}

const refuse = (status: 404 | 403) =>
  new Response(status === 404 ? 'Not found' : 'Forbidden', { status, headers: headers('text/plain; charset=utf-8') })

/**
 * The file under `root` an app:// URL names, or undefined when it names anything else: another host, an encoded
 * separator or dot-segment that would climb out of the folder, a NUL, a path that resolves outside `root`.
 */
export function appFilePath(url: string, root: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined
  // Our files' names have no slash or backslash of their own: an encoded one is only ever a way to climb.
  if (/%2f|%5c/i.test(parsed.pathname)) return undefined
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return undefined
  }
  // The URL parser already folded literal "..": what is left to climb with arrived encoded, or is not a file name.
  if (/[\\\0]/.test(path) || path.split('/').some((segment) => segment === '..')) return undefined
  const relativePath = path === '/' ? 'index.html' : path.replace(/^\/+/, '')
  const base = resolve(root)
  const file = resolve(base, relativePath)
  const inside = relative(base, file)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined
  return file
}

/** protocol.handle's handler for app://: the file with its type and the CSP, 403 outside the folder, 404 if absent. */
export async function serveAppFile(
  url: string,
  root: string,
  readFile: (path: string) => Promise<Uint8Array>,
): Promise<Response> {
  const file = appFilePath(url, root)
  if (!file) return refuse(403)
  let body: Uint8Array
  try {
    body = await readFile(file)
  } catch {
    return refuse(404)
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
  return new Response(new Blob([body]), { status: 200, headers: headers(type) })
}
