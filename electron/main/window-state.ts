import * as fsp from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../services/atomic-write'

export const WINDOW_STATE_FILE = 'window-state.json'

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
})
const stateSchema = z.object({ bounds: boundsSchema, maximized: z.boolean() })
export type WindowState = z.infer<typeof stateSchema>
export type Rect = z.infer<typeof boundsSchema>

export const DEFAULT_SIZE = { width: 1280, height: 820 }

/**
 * A remembered position is only reused if enough of the window would be on a
 * display that still exists (a laptop undocked from its monitor must not open
 * Homeplan off-screen).
 */
export function fitToDisplays(saved: WindowState | undefined, workAreas: Rect[]): WindowState | undefined {
  if (!saved) return undefined
  const { bounds } = saved
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
    const overlapY = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y)
    return overlapX >= 100 && overlapY >= 50
  })
  return visible ? saved : { ...saved, bounds: { ...bounds, x: workAreas[0]?.x ?? 0, y: workAreas[0]?.y ?? 0 } }
}

export async function readWindowState(dataDir: string): Promise<WindowState | undefined> {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(await fsp.readFile(join(dataDir, WINDOW_STATE_FILE), 'utf8')))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

export async function writeWindowState(dataDir: string, state: WindowState): Promise<void> {
  await writeFileAtomic(join(dataDir, WINDOW_STATE_FILE), JSON.stringify(state))
}
