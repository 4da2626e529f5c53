/* global process, console */
/**
 * Loads the built main process (out/main/index.js) in plain Node with a stand-in for `electron` whose app
 * declines the single-instance lock, so the app stops right after loading everything, then prints which builds
 * of React and its reconciler Node loaded and what NODE_ENV was. Used by tests/e2e/build-output.spec.ts.
 */
import { register } from 'node:module'
import { createRequire } from 'node:module'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const mainDir = resolve(process.argv[2] ?? 'out/main')
const files = readdirSync(mainDir, { recursive: true }).filter((f) => String(f).endsWith('.js'))
const names = new Set()
for (const file of files) {
  for (const match of readFileSync(join(mainDir, String(file)), 'utf8').matchAll(
    /import\s*\{([^}]*)\}\s*from\s*["']electron["']/g,
  )) {
    for (const name of match[1].split(',')) if (name.trim()) names.add(name.trim().split(/\s+as\s+/)[0])
  }
}
const stub = `
const any = new Proxy(function () {}, { get: (_t, key) => (key === 'then' ? undefined : any), apply: () => any, construct: () => any })
export const app = new Proxy({}, { get: (_t, key) => (key === 'requestSingleInstanceLock' ? () => false : key === 'then' ? undefined : any) })
${[...names]
  .filter((n) => n !== 'app')
  .map((n) => `export const ${n} = any`)
  .join('\n')}
export default { app }
`
const hooks = `
export async function resolve(specifier, context, next) {
  return specifier === 'electron' ? { url: 'stub:electron', shortCircuit: true } : next(specifier, context)
}
export async function load(url, context, next) {
  return url === 'stub:electron' ? { format: 'module', source: ${JSON.stringify(stub)}, shortCircuit: true } : next(url, context)
}
`
register(`data:text/javascript,${encodeURIComponent(hooks)}`)
await import(pathToFileURL(join(mainDir, 'index.js')).href)
// Only modules that ran: Node's ESM loader also lists, unrun, every file a CommonJS module might re-export.
const loaded = Object.entries(createRequire(import.meta.url).cache)
  .filter(([key, module]) => module?.loaded && /[\\/](react|react-reconciler)[\\/]cjs[\\/]/.test(key))
  .map(([key]) => key.replace(/.*node_modules[\\/]/, ''))
console.log(JSON.stringify({ nodeEnv: process.env.NODE_ENV ?? null, loaded }))
