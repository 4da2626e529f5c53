/**
 * Global setup for vitest and Playwright: every temporary folder a test makes goes under one folder for
 * the run (TMPDIR points there, and Node's tmpdir() follows it), removed when the run ends, so test data
 * never piles up in the system's temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'homeplan-tests-'))
  const before = process.env['TMPDIR']
  process.env['TMPDIR'] = root
  return () => {
    if (before === undefined) delete process.env['TMPDIR']
    else process.env['TMPDIR'] = before
    rmSync(root, { recursive: true, force: true })
  }
}
