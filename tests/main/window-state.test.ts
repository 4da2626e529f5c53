import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fitToDisplays, readWindowState, WINDOW_STATE_FILE, writeWindowState } from '../../electron/main/window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 900 }
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('window state', () => {
  it('keeps a position that is still on a display', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: false }
    expect(fitToDisplays(saved, [laptop, monitor])).toEqual(saved)
  })
  it('moves a window back on screen when its monitor is gone, keeping its size', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: true }
    expect(fitToDisplays(saved, [laptop])).toEqual({
      bounds: { x: 0, y: 0, width: 1200, height: 800 },
      maximized: true,
    })
  })
  it('round-trips through the data folder and ignores a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-ws-'))
    expect(await readWindowState(dir)).toBeUndefined()
    const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false }
    await writeWindowState(dir, state)
    expect(await readWindowState(dir)).toEqual(state)
    expect(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(state)
    await writeFile(join(dir, WINDOW_STATE_FILE), '{"bounds":{"x":"left"}}')
    expect(await readWindowState(dir)).toBeUndefined()
  })
})
