/* global process, console */
/**
 * Runs the built handout renderer (out/main/handout-worker.js) in this Node process the way Electron's utility
 * process runs it (a `process.parentPort`), asks it for one handout (docs/handout-example.json), then prints the
 * reply's size, NODE_ENV and which builds of React and its reconciler Node loaded. Used by tests/e2e/build-output.spec.ts.
 */
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const mainDir = resolve(process.argv[2] ?? 'out/main')
let listener
const reply = new Promise((done) => {
  process.parentPort = { postMessage: done, on: (_event, fn) => (listener = fn) }
})
await import(pathToFileURL(join(mainDir, 'handout-worker.js')).href)
const input = JSON.parse(readFileSync('docs/handout-example.json', 'utf8'))
listener({
  data: { type: 'render', id: 1, input, options: {}, output: 'document', fontsDir: resolve('resources/fonts') },
})
const answer = await reply
const loaded = Object.entries(createRequire(import.meta.url).cache)
  .filter(([key, module]) => module?.loaded && /[\\/](react|react-reconciler)[\\/]cjs[\\/]/.test(key))
  .map(([key]) => key.replace(/.*node_modules[\\/]/, ''))
console.log(
  JSON.stringify({
    type: answer.type,
    bytes: answer.pdf?.byteLength ?? 0,
    pageKeys: answer.pageKeys?.length ?? 0,
    nodeEnv: process.env.NODE_ENV ?? null,
    loaded,
  }),
)
process.exit(0)
