/**
 * How a lying body settles on its second support, turning about the left-right axis of the picture:
 * a bridge tips up onto its feet (the neck bending so the back of the head stays down with the
 * shoulders), a plank onto its toes, all fours onto the hands; a side-lying body held up only by its
 * lower shoulder tips down onto its lower hip.
 */
import { restingJoints, type FigureJoint, type Joints } from './skeleton'
import { mul, rotY, sub, add, type Vec3 } from './vec'

export interface Surfaces {
  radius: Record<FigureJoint, number>
  headRadius: number
  headCentre: (j: Joints) => Vec3
}

const turn = (j: Joints, deg: number, about: Vec3 = [0, 0, 0]): Joints =>
  Object.fromEntries(Object.entries(j).map(([n, p]) => [n, add(about, mul(rotY(deg), sub(p, about)))])) as Joints

const bottom = (j: Joints, names: readonly FigureJoint[], s: Surfaces) =>
  Math.min(...names.map((n) => j[n][2] - s.radius[n]))

/** The smallest turn (either way, up to `limit` degrees) at which `ok` first holds, refined by bisection; 0 when none does. */
function smallestTurn(ok: (deg: number) => boolean, limit = 70): number {
  for (let step = 1; step <= limit; step++) {
    const found = [step, -step].find(ok)
    if (found === undefined) continue
    let [lo, hi] = [found - Math.sign(found), found]
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2
      if (ok(mid)) hi = mid
      else lo = mid
    }
    return hi
  }
  return 0
}

const HEAD: FigureJoint[] = ['headTop', 'face']

/**
 * Turns the body until `pivot` is no lower than the rest (it would otherwise go through the floor), never
 * pulling a raised limb down. With `headFollows`, the head is left out of "the rest" and afterwards bent
 * at the neck just enough to rest on the floor rather than go through it (a bridge on its shoulders).
 */
export function pivotOnto(j: Joints, pivot: readonly FigureJoint[], s: Surfaces, headFollows = false): Joints {
  const others = restingJoints(j).filter((n) => !pivot.includes(n) && !(headFollows && HEAD.includes(n)))
  const rest = (t: Joints) => Math.min(bottom(t, others, s), headFollows ? Infinity : s.headCentre(t)[2] - s.headRadius)
  const gap = (deg: number) => {
    const t = turn(j, deg)
    return bottom(t, pivot, s) - rest(t)
  }
  const out =
    gap(0) < -0.5
      ? turn(
          j,
          smallestTurn((d) => gap(d) >= 0),
        )
      : j
  if (!headFollows) return out
  const floor = rest(out)
  const bent = bendDown(out, HEAD, 'neckBase', floor, s)
  return bent
}

/**
 * Turns `parts` about the joint `about` (the head about the neck, a pointed foot about its ankle) by the
 * smallest angle that lifts them out of the floor at height `floor`; unchanged when they are not in it.
 */
export function bendDown(
  j: Joints,
  parts: readonly FigureJoint[],
  about: FigureJoint,
  floor: number,
  s: Surfaces,
): Joints {
  const low = (t: Joints) =>
    Math.min(bottom(t, parts, s), parts.includes('headTop') ? s.headCentre(t)[2] - s.headRadius : Infinity)
  const gap = (deg: number) => low(turn(j, deg, j[about])) - floor
  if (gap(0) >= -0.01) return j
  const t = turn(
    j,
    smallestTurn((d) => gap(d) >= 0, 90),
    j[about],
  )
  return { ...j, ...Object.fromEntries(parts.map((n) => [n, t[n]])) }
}

/** Turns the body until some part of `settle` comes down to the level of the rest (a side-lying body onto its hip). */
export function settleOnto(j: Joints, settle: readonly FigureJoint[], s: Surfaces, limit = 45): Joints {
  const others = restingJoints(j).filter((n) => !settle.includes(n))
  const gap = (deg: number) => {
    const t = turn(j, deg)
    return bottom(t, settle, s) - Math.min(bottom(t, others, s), s.headCentre(t)[2] - s.headRadius)
  }
  if (gap(0) <= 0.5) return j
  const deg = smallestTurn((d) => gap(d) <= 0, limit)
  return deg ? turn(j, deg) : j
}
