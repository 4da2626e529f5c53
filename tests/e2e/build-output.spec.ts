import { execFileSync } from 'node:child_process'
import { expect, test } from '@playwright/test'

const run = (script: string) => {
  const env = { ...process.env }
  delete env['NODE_ENV']
  return JSON.parse(
    execFileSync(process.execPath, [script, 'out/main'], { env, encoding: 'utf8' }).trim().split('\n').at(-1)!,
  )
}

/** What `electron-vite build` produced (the e2e run builds first), checked where it matters: when it runs. */
test('the built main process sets NODE_ENV=production and loads no React at launch (handouts render elsewhere)', () => {
  const report = run('tests/support/run-built-main.mjs') as { nodeEnv: string | null; loaded: string[] }
  expect(report.nodeEnv).toBe('production')
  // Rendering moved to the handout renderer's own process: React and react-pdf no longer load with the window.
  expect(report.loaded).toEqual([])
})

test('the built handout renderer renders with React’s production build (NODE_ENV set before React is first loaded)', () => {
  const report = run('tests/support/run-built-worker.mjs') as {
    type: string
    bytes: number
    pageKeys: number
    nodeEnv: string | null
    loaded: string[]
  }
  expect(report.type).toBe('done')
  expect(report.bytes).toBeGreaterThan(10_000)
  expect(report.pageKeys).toBeGreaterThan(1)
  expect(report.nodeEnv).toBe('production')
  expect(report.loaded).toContain('react/cjs/react.production.js')
  expect(report.loaded.filter((file) => file.includes('development'))).toEqual([])
})
