import { execFileSync } from 'node:child_process'
import { expect, test } from '@playwright/test'

/** What `electron-vite build` produced (the e2e run builds first), checked where it matters: when it runs. */
test('the built main process loads React’s production build (NODE_ENV set before React is first loaded)', () => {
  const env = { ...process.env }
  delete env['NODE_ENV']
  const report = JSON.parse(execFileSync(process.execPath, ['tests/support/run-built-main.mjs', 'out/main'], { env, encoding: 'utf8' }).trim().split('\n').at(-1)!) as { nodeEnv: string | null; loaded: string[] }
  expect(report.nodeEnv).toBe('production')
  expect(report.loaded).toContain('react/cjs/react.production.js')
  expect(report.loaded.filter((file) => file.includes('development'))).toEqual([])
})
