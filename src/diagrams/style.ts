/**
 * The drawing's look in one place: black-and-white friendly tones, stroke widths and the scale, the
 * same for every exercise so figures compare on a page. Units are drawing units (1 unit ≈ 1 px on
 * screen, scaled to fit on paper).
 */
export interface Paint {
  fill: string
  stroke: string
  strokeWidth: number
  dash?: string
}

export type Tone = 'near' | 'far' | 'ghost'

export const TONES: Record<Tone, Paint> = {
  near: { fill: '#ffffff', stroke: '#1a1a1a', strokeWidth: 1.3 },
  far: { fill: '#c9c9c9', stroke: '#4a4a4a', strokeWidth: 1.1 },
  ghost: { fill: '#eeeeee', stroke: '#a0a0a0', strokeWidth: 0.9, dash: '3 2' },
}

export const INK = '#1a1a1a'
export const PROP: Paint = { fill: '#e4e4e4', stroke: '#555555', strokeWidth: 1 }
export const BAND: Paint = { fill: 'none', stroke: '#3a3a3a', strokeWidth: 2.2 }
export const ARROW: Paint = { fill: 'none', stroke: INK, strokeWidth: 1.7 }

/** Drawing units per centimetre when the figure fits; larger figures shrink to fit. */
export const SCALE = 1.15
/** A figure's canvas. */
export const CANVAS = { width: 240, height: 180, margin: 8, floorGap: 12 } as const
