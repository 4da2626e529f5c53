/**
 * Frame marks drawn as shapes (not text), so the app's SVG and the handout's PDF draw them identically:
 * a dark disc with a white step number (1 start, 2 end, ...), or a stopwatch for a position to hold.
 */
import type { Shape } from './body'
import { mapPath } from './shape-geometry'
import { INK } from './style'

export const BADGE_RADIUS = 7

/** Numerals as strokes in a box about 6 wide and 10 tall, centred on 0,0. */
const DIGITS: Record<number, string> = {
  1: 'M-1.8 -2.6L0.6 -4.6V4.6',
  2: 'M-2.8 -2.2Q-2.6 -4.6 0 -4.6Q2.8 -4.6 2.8 -2.2Q2.8 -0.4 -2.9 4.6H3',
  3: 'M-2.8 -3.6Q-0.6 -5.4 1.8 -4Q3.4 -2.6 1.6 -0.8Q0.8 -0.2 -0.6 -0.2Q3.6 -0.2 2.9 2.8Q1.8 5.6 -2.9 4',
  4: 'M1.6 4.6V-4.6L-3 1.8H3.2',
}

const at = (d: string, cx: number, cy: number) => mapPath(d, (x, y) => [x + cx, y + cy])

export function badgeShapes(mark: number | 'hold', cx: number, cy: number): Shape[] {
  if (mark === 'hold') {
    // A stopwatch: dial, crown and a hand pointing up to the right.
    return [
      {
        kind: 'path',
        role: 'hold mark',
        d: at('M-1.6 -7.4H1.6M0 -7.4V-5.6', cx, cy),
        fill: 'none',
        stroke: INK,
        strokeWidth: 1.6,
      },
      {
        kind: 'circle',
        role: 'hold mark',
        cx,
        cy: cy + 0.6,
        r: BADGE_RADIUS - 1.4,
        fill: '#ffffff',
        stroke: INK,
        strokeWidth: 1.6,
      },
      {
        kind: 'path',
        role: 'hold mark',
        d: at('M0 0.6V-2.8M0 0.6L2.4 2.4', cx, cy),
        fill: 'none',
        stroke: INK,
        strokeWidth: 1.6,
      },
    ]
  }
  return [
    { kind: 'circle', role: 'frame number', cx, cy, r: BADGE_RADIUS, fill: INK, stroke: INK, strokeWidth: 1.45 },
    {
      kind: 'path',
      role: `frame number ${mark}`,
      d: at(DIGITS[mark] ?? DIGITS[4]!, cx, cy),
      fill: 'none',
      stroke: '#ffffff',
      strokeWidth: 1.6,
    },
  ]
}
