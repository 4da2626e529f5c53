/**
 * Development and test tool, never started by the packaged app: serves the
 * built renderer plus the same handler map ipcMain uses, over HTTP on
 * 127.0.0.1. A small script injected into index.html defines `window.api` on
 * top of fetch, so the renderer runs unchanged in any browser.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import * as fsp from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { methods, type Handlers } from '../../src/core/contract'
import { dispatch, MAX_ARGUMENT_BYTES } from '../../src/core/dispatch'
import { fail } from '../../src/core/result'
import { say } from '../../src/i18n/say'
import { CONTENT_SECURITY_POLICY } from '../main/security'

export const BRIDGE_SCRIPT_PATH = '/__homeplan-bridge.js'
/** A custom header forces a CORS preflight, which we never answer: other sites cannot call in. */
export const BRIDGE_HEADER = 'x-homeplan-bridge'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/**
 * Bytes in a result (the preview's PDF) cross HTTP as `{ "$bytes": base64 }` and are a Uint8Array again in the page,
 * as over IPC: base64 lives only at this edge.
 */
export const BYTES_KEY = '$bytes'

/** A handler's result as the bridge sends it: JSON, with every Uint8Array (Buffers too) as base64 under BYTES_KEY. */
export function toWire(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced: unknown) {
    const raw = this[key]
    return raw instanceof Uint8Array
      ? { [BYTES_KEY]: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') }
      : replaced
  })
}

/** The other way, for Node callers of the bridge (tests, scripts); the page does the same in bridgeScript. */
export function fromWire(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    const encoded =
      value && typeof value === 'object' && Object.keys(value).length === 1
        ? (value as Record<string, unknown>)[BYTES_KEY]
        : undefined
    return typeof encoded === 'string' ? new Uint8Array(Buffer.from(encoded, 'base64')) : value
  })
}

/** The browser side of the bridge: same names and Result shapes as the preload's `window.api`. */
export function bridgeScript(): string {
  return `(() => {
  const bytes = (base64) => Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const revive = (_key, value) => {
    if (value && typeof value === 'object' && typeof value[${JSON.stringify(BYTES_KEY)}] === 'string' && Object.keys(value).length === 1) return bytes(value[${JSON.stringify(BYTES_KEY)}]);
    return value;
  };
  const call = async (method, arg) => {
    try {
      const response = await fetch('/api/' + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', '${BRIDGE_HEADER}': '1' },
        body: JSON.stringify(arg === undefined ? {} : { arg }),
      });
      return JSON.parse(await response.text(), revive);
    } catch (error) {
      return { ok: false, error: { code: 'io_error', message: 'Homeplan could not reach its data service: ' + error } };
    }
  };
  const api = {};
  for (const method of ${JSON.stringify(methods)}) api[method] = (arg) => call(method, arg);
  Object.defineProperty(window, 'api', { value: Object.freeze(api) });
})();\n`
}

export interface BridgeOptions {
  handlers: Handlers
  rendererDir: string
  port?: number
  log?: (message: string, error: unknown) => void
}

export interface Bridge {
  url: string
  close(): Promise<void>
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  res.end(body)
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_ARGUMENT_BYTES + 1024) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const { handlers, rendererDir, log = () => {} } = options
  const root = normalize(rendererDir)
  let origin = ''

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const json = (status: number, value: unknown) => send(res, status, toWire(value), 'application/json')
    const fromOrigin = req.headers.origin
    if (req.headers[BRIDGE_HEADER] !== '1' || (fromOrigin !== undefined && fromOrigin !== origin)) {
      return json(403, fail('forbidden', say('call.notFromPage')))
    }
    const body = await readBody(req)
    if (body === undefined) return json(413, fail('invalid_argument', say('call.bodyTooLarge')))
    let envelope: { arg?: unknown }
    try {
      envelope = body ? (JSON.parse(body) as { arg?: unknown }) : {}
    } catch {
      return json(400, fail('invalid_argument', say('call.bodyNotJson')))
    }
    json(200, await dispatch(handlers, method, envelope.arg, log))
  }

  async function handleFile(res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === BRIDGE_SCRIPT_PATH) return send(res, 200, bridgeScript(), TYPES['.js']!)
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = normalize(join(root, relative))
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Not found', 'text/plain')
    try {
      let content: Buffer | string = await fsp.readFile(file)
      if (relative === 'index.html') {
        // The bridge script must run before the app's module script.
        content = content.toString('utf8').replace('<head>', `<head><script src="${BRIDGE_SCRIPT_PATH}"></script>`)
      }
      send(res, 200, content, TYPES[extname(file)] ?? 'application/octet-stream')
    } catch {
      send(res, 404, 'Not found', 'text/plain')
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin || 'http://127.0.0.1')
    const api = /^\/api\/([A-Za-z]+)$/.exec(url.pathname)
    const work =
      api && req.method === 'POST'
        ? handleApi(req, res, api[1]!)
        : req.method === 'GET'
          ? handleFile(res, url.pathname)
          : Promise.resolve(send(res, 405, 'Method not allowed', 'text/plain'))
    work.catch((error: unknown) => {
      log('Bridge request failed', error)
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
