/** Small 3D vector and rotation helpers for the figure model (x forward, y to the figure's left, z up). */
export type Vec3 = readonly [number, number, number]
export type Mat3 = readonly [Vec3, Vec3, Vec3] // rows

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k]
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2])

export const mul = (m: Mat3, v: Vec3): Vec3 => [
  m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
  m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
  m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2],
]

export const compose = (a: Mat3, b: Mat3): Mat3 => {
  const col = (j: 0 | 1 | 2): Vec3 => mul(a, [b[0][j], b[1][j], b[2][j]])
  const c0 = col(0)
  const c1 = col(1)
  const c2 = col(2)
  return [
    [c0[0], c1[0], c2[0]],
    [c0[1], c1[1], c2[1]],
    [c0[2], c1[2], c2[2]],
  ]
}

export const IDENTITY: Mat3 = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
]

const rad = (deg: number) => (deg * Math.PI) / 180

/** Rotation about the x (forward) axis, y (left) axis or z (up) axis, in degrees, right-handed. */
export function rotX(deg: number): Mat3 {
  const c = Math.cos(rad(deg))
  const s = Math.sin(rad(deg))
  return [
    [1, 0, 0],
    [0, c, -s],
    [0, s, c],
  ]
}
export function rotY(deg: number): Mat3 {
  const c = Math.cos(rad(deg))
  const s = Math.sin(rad(deg))
  return [
    [c, 0, s],
    [0, 1, 0],
    [-s, 0, c],
  ]
}
export function rotZ(deg: number): Mat3 {
  const c = Math.cos(rad(deg))
  const s = Math.sin(rad(deg))
  return [
    [c, -s, 0],
    [s, c, 0],
    [0, 0, 1],
  ]
}
