/**
 * Outlines from circles: the convex hull of a few circles is a tapered limb (two circles), a torso
 * (several) or a head with a nose. Kept as a closed SVG path with round corners approximated by arcs.
 */
export interface Circle {
  x: number
  y: number
  r: number
}

const STEPS = 12

/** Points around each circle, then their convex hull (Andrew's monotone chain). */
export function hullOfCircles(circles: readonly Circle[]): [number, number][] {
  const points: [number, number][] = []
  for (const c of circles) {
    for (let i = 0; i < STEPS; i++) {
      const a = (i / STEPS) * Math.PI * 2
      points.push([c.x + c.r * Math.cos(a), c.y + c.r * Math.sin(a)])
    }
  }
  points.sort((p, q) => p[0] - q[0] || p[1] - q[1])
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
  const half = (list: [number, number][]) => {
    const out: [number, number][] = []
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop()
      out.push(p)
    }
    out.pop()
    return out
  }
  return [...half(points), ...half([...points].reverse())]
}

const f = (n: number) => (Math.round(n * 10) / 10).toString()

/** A closed path through the points, smoothed with quadratic curves through the edge midpoints. */
export function smoothClosedPath(points: readonly [number, number][]): string {
  if (points.length < 3) return ''
  const mid = (a: [number, number], b: [number, number]): [number, number] => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]
  const n = points.length
  const start = mid(points[n - 1]!, points[0]!)
  let d = `M${f(start[0])} ${f(start[1])}`
  for (let i = 0; i < n; i++) {
    const p = points[i]!
    const m = mid(p, points[(i + 1) % n]!)
    d += `Q${f(p[0])} ${f(p[1])} ${f(m[0])} ${f(m[1])}`
  }
  return `${d}Z`
}

export const outline = (circles: readonly Circle[]) => smoothClosedPath(hullOfCircles(circles))
export const fmt = f
