/**
 * Geometry of drawn shapes: their bounding box and moving them on the canvas. Panels put several
 * frames of one figure side by side, so every shape of a frame is shifted by the frame's offset.
 * Paths use absolute commands only (M L H V Q C A Z); anything else is refused rather than drawn wrong.
 */
import type { Shape } from './body'

const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, Q: 4, C: 6, A: 7, Z: 0 }

/** Calls `point` for every coordinate of a path and rebuilds it from what `point` returns. */
export function mapPath(d: string, point: (x: number, y: number) => [number, number]): string {
  return d.replace(/([A-Za-z])([^A-Za-z]*)/g, (_, cmd: string, args: string) => {
    const arity = ARITY[cmd]
    if (arity === undefined)
      throw new Error(`Path command "${cmd}" is not supported in diagrams (absolute M L H V Q C A Z only).`)
    const n = args.trim()
      ? args
          .trim()
          .split(/[\s,]+/)
          .map(Number)
      : []
    const out = n.map((v, i) => {
      const k = arity ? i % arity : 0
      if (cmd === 'H') return point(v, 0)[0]
      if (cmd === 'V') return point(0, v)[1]
      // Arcs: radii, rotation and flags stay; only the end point moves.
      if (cmd === 'A') return k === 5 ? point(v, n[i + 1]!)[0] : k === 6 ? point(n[i - 1]!, v)[1] : v
      return k % 2 === 0 ? point(v, n[i + 1]!)[0] : point(n[i - 1]!, v)[1]
    })
    return cmd + out.map((v) => Math.round(v * 10) / 10).join(' ')
  })
}

export function translateShape(shape: Shape, dx: number, dy: number): Shape {
  switch (shape.kind) {
    case 'circle':
      return { ...shape, cx: shape.cx + dx, cy: shape.cy + dy }
    case 'line':
      return { ...shape, x1: shape.x1 + dx, x2: shape.x2 + dx, y1: shape.y1 + dy, y2: shape.y2 + dy }
    case 'path':
      return { ...shape, d: mapPath(shape.d, (x, y) => [x + dx, y + dy]) }
  }
}

export interface Box {
  minX: number
  minY: number
  maxX: number
  maxY: number
}

/** The box around a shape (curves by their control points, so a little generous), stroke included. */
export function shapeBox(shape: Shape): Box {
  const xs: number[] = []
  const ys: number[] = []
  if (shape.kind === 'circle') {
    xs.push(shape.cx - shape.r, shape.cx + shape.r)
    ys.push(shape.cy - shape.r, shape.cy + shape.r)
  } else if (shape.kind === 'line') {
    xs.push(shape.x1, shape.x2)
    ys.push(shape.y1, shape.y2)
  } else {
    for (const [, cmd, args] of shape.d.matchAll(/([A-Za-z])([^A-Za-z]*)/g)) {
      const n = args!.trim()
        ? args!
            .trim()
            .split(/[\s,]+/)
            .map(Number)
        : []
      if (cmd === 'H') xs.push(...n)
      else if (cmd === 'V') ys.push(...n)
      else {
        // Arcs end on their 6th and 7th numbers; every other command on pairs.
        const [from, step] = cmd === 'A' ? [5, 7] : [0, 2]
        for (let i = from; i + 1 < n.length; i += step) {
          xs.push(n[i]!)
          ys.push(n[i + 1]!)
        }
      }
    }
  }
  const half = shape.strokeWidth / 2
  return {
    minX: Math.min(...xs) - half,
    maxX: Math.max(...xs) + half,
    minY: Math.min(...ys) - half,
    maxY: Math.max(...ys) + half,
  }
}

export function unionBox(boxes: readonly Box[]): Box {
  return {
    minX: Math.min(...boxes.map((b) => b.minX)),
    minY: Math.min(...boxes.map((b) => b.minY)),
    maxX: Math.max(...boxes.map((b) => b.maxX)),
    maxY: Math.max(...boxes.map((b) => b.maxY)),
  }
}
