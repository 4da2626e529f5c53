/**
 * Orthographic views. Each keeps the dropped coordinate as depth (larger is further from the viewer),
 * so far limbs can be drawn behind and lighter. `fromOtherSide` looks from the opposite side, which is
 * how the working limb is kept nearest the viewer and how a mirrored exercise becomes an exact mirror image.
 */
import type { FigureJoint, Joints } from './skeleton'
import type { View } from './spec'
import { compose, mul, rotX, rotZ, type Vec3 } from './vec'

export type { View }

export interface Projected {
  /** 2D position on the drawing (y grows upwards, as in the world). */
  x: number
  y: number
  /** Distance from the viewer: larger is further away. */
  depth: number
}

const THREE_QUARTER = compose(rotX(20), rotZ(-35))

/**
 * `elevation` raises the side view's camera (degrees): lying on the side, a camera slightly above shows
 * both knees bending forward and a leg lifting towards the ceiling.
 */
export function projectPoint([x, y, z]: Vec3, view: View, fromOtherSide = false, elevation = 0): Projected {
  const s = fromOtherSide ? -1 : 1
  switch (view) {
    case 'side': {
      if (!elevation) return { x: s * x, y: z, depth: s * y }
      const [a, b, c] = mul(rotX(elevation), [s * x, s * y, z])
      return { x: a, y: c, depth: b }
    }
    case 'front': {
      if (!elevation) return { x: s * y, y: z, depth: -s * x }
      // The side view's rotation, about the front view's own horizontal axis: further points rise on the page.
      const c = Math.cos((elevation * Math.PI) / 180)
      const n = Math.sin((elevation * Math.PI) / 180)
      return { x: s * y, y: z * c - s * x * n, depth: -s * x * c - z * n }
    }
    case 'top':
      return { x: s * x, y: s * y, depth: -z }
    case 'three-quarter': {
      const [a, b, c] = mul(THREE_QUARTER, [s * x, s * y, z])
      return { x: a, y: c, depth: b }
    }
  }
}

export function project(
  joints: Joints,
  view: View,
  fromOtherSide = false,
  elevation = 0,
): Record<FigureJoint, Projected> {
  return Object.fromEntries(
    Object.entries(joints).map(([name, p]) => [name, projectPoint(p, view, fromOtherSide, elevation)]),
  ) as Record<FigureJoint, Projected>
}
