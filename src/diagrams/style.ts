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
  near: { fill: '#ffffff', stroke: '#1a1a1a', strokeWidth: 1.5 },
  far: { fill: '#c9c9c9', stroke: '#4a4a4a', strokeWidth: 1.45 },
  // The overlay's start outline (only where a spec asks for it): dashed, but dark enough to print (4.5:1).
  ghost: { fill: '#f4f4f4', stroke: '#767676', strokeWidth: 1.45, dash: '4 2' },
}

export const INK = '#1a1a1a'
/** The thin rule between the numbered frames of a panel. */
export const SEPARATOR: Paint = { fill: 'none', stroke: '#8a8a8a', strokeWidth: 1.45 }
export const PROP: Paint = { fill: '#e4e4e4', stroke: '#555555', strokeWidth: 1.45 }
export const BAND: Paint = { fill: 'none', stroke: '#3a3a3a', strokeWidth: 2.2 }
/** Motion arrows: bold enough to find at print size (reviewers called the 1.7-unit arrows faint and easy to miss). */
export const ARROW: Paint = { fill: 'none', stroke: INK, strokeWidth: 2.3 }

/** The thinnest line in a figure (drawing units): printed at 0.71 pt per unit or more, it stays above 1 pt. */
export const MIN_STROKE = 1.45

/** Drawing units per centimetre when the figure fits; larger figures shrink to fit. */
export const SCALE = 1.15
/** A figure's canvas. */
export const CANVAS = { width: 240, height: 180, margin: 8, floorGap: 12 } as const
