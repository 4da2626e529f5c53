/**
 * Which of a card's closing parts (tips, cautions, the therapist's note) go under its picture instead of under the
 * steps. A picture beside the text left the column under it empty while the text ran on, so a detailed card was
 * about two thirds of a page and every card took a page of its own, half blank. Moving the last parts under the
 * picture, in their order, evens the two columns out. Heights are estimated from the words (average glyph width);
 * the page plan measures the real card afterwards, so an estimate that is a little off costs space, never overlap.
 */
import type { Panel } from '../../../../src/diagrams/panel'
import type { PicturePlan } from './picture-size'
import { qrModules, qrSide, videoArrangement, videoTextSizes } from './video-qr'
import { handoutT, type HandoutT } from '../../../../src/i18n'
import { shortLink } from '../../../../src/core/video-link'

/** Average advance of a glyph of the handout's sans-serif face, in ems (Noto Sans body text measures about 0.48). */
const GLYPH_EM = 0.5
/** Line height of body text in ems, as react-pdf sets the handout's font. */
const LINE_EM = 1.37

export interface CardText {
  steps: string[]
  dose: string[]
  tips: string[]
  cautions: string[]
  note?: string
  /** The clinic's video link, printed under the picture (VideoBlock). */
  video?: string
  /** The labels the card prints, in the handout's language (English when left out). */
  words?: CardWords
}

/** A card's labels as they are printed, for measuring. */
export interface CardWords {
  tips: string
  careful: string
  howMuch: string
  note: string
  video: string
}
export const cardWords = (t: HandoutT): CardWords => ({
  tips: t('card.tips'),
  careful: t('card.careful'),
  howMuch: t('card.howMuch'),
  note: t('card.fromTherapist'),
  video: t('picture.video'),
})
const english = cardWords(handoutT())

export interface ColumnMetrics {
  /** Body font size (pt). */
  body: number
  /** Caption font size (pt). */
  caption: number
  /** Width taken by a list's number or marker (pt). */
  marker: number
  /** Space between picture and text (pt). */
  gutter: number
}

/** Printed lines of a paragraph at a width (pt). */
export function lines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width / (size * GLYPH_EM)))
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0)
}

const listHeight = (items: readonly string[], width: number, m: ColumnMetrics, marker = true) =>
  items.length === 0
    ? 0
    : m.body * LINE_EM +
      4 +
      items.reduce((h, item) => h + lines(item, width - (marker ? m.marker : 0), m.body) * m.body * LINE_EM + 1, 0)

/**
 * Lines a short text takes at a width, wrapping whole words (and long words after their hyphens) as the page does;
 * a plain characters-per-line count missed the line a long surname starts on its own.
 */
export function wrappedLines(text: string, width: number, size: number): number {
  const perLine = Math.max(1, Math.floor(width / (size * 0.55)))
  const words = text
    .split(/\s+/)
    .flatMap((word) => word.split(/(?<=-)/))
    .filter(Boolean)
  let count = 1
  let used = 0
  for (const word of words) {
    const need = used === 0 ? word.length : used + 1 + word.length
    if (need <= perLine) used = need
    else {
      count += used === 0 ? 0 : 1
      count += Math.floor(Math.max(0, word.length - 1) / perLine)
      used = word.length % perLine || perLine
    }
  }
  return count
}

/** Height (pt) of a video block (VideoBlock) in a column `width` pt wide: the QR code with its words beside or under it. */
export function videoHeight(url: string, width: number, large: boolean, label = english.video): number {
  const side = qrSide(qrModules(url).length, large)
  const { beside, textWidth } = videoArrangement(width, side, large)
  const size = videoTextSizes(large)
  const words =
    wrappedLines(label, textWidth, size.label) * size.label * LINE_EM +
    lines(shortLink(url), textWidth, size.link) * size.link * LINE_EM
  return 6 + (beside ? Math.max(side, words) : side + 2 + words)
}

/** Height (pt) of the picture block: each panel at its printed width, with its caption (and view name), and the video block under them. */
export function pictureHeight(
  plan: PicturePlan,
  captions: readonly string[],
  m: ColumnMetrics,
  video?: string,
  videoLabel?: string,
): number {
  const panels = plan.panels.reduce((h, { panel, width }: { panel: Panel; width: number }, i) => {
    const named = plan.panels.length > 1 ? m.caption * LINE_EM + 2 : 0
    return (
      h +
      (i ? 6 : 0) +
      named +
      (panel.height * width) / panel.width +
      2 +
      lines(captions[i] ?? '', plan.width, m.caption) * m.caption * LINE_EM
    )
  }, 6)
  return panels + (video ? videoHeight(video, plan.width, m.body >= 16, videoLabel) : 0)
}

/** A paragraph with its label run in ("Tips: …"), as compact cards print tips, cautions and the dose. */
const paragraphHeight = (label: string, parts: readonly string[], width: number, m: ColumnMetrics) =>
  parts.length ? 3 + lines(`${label}: ${parts.join(' ')}`, width, m.body) * m.body * LINE_EM : 0

/**
 * The balanced card: how many of the closing parts (counted from the end: note, cautions, tips) print under the
 * picture so the taller column is as short as it can be, and that column's height (pt). None move when the picture
 * is above the text or taller already.
 */
export function balance(
  text: CardText,
  plan: PicturePlan,
  captions: readonly string[],
  cardWidth: number,
  m: ColumnMetrics,
  runIn = false,
): { moved: number; height: number } {
  const left = plan.width
  const right = cardWidth - plan.width - m.gutter
  const words = text.words ?? english
  const closing = [
    (w: number) => (runIn ? paragraphHeight(words.tips, text.tips, w, m) : listHeight(text.tips, w, m)),
    (w: number) => (runIn ? paragraphHeight(words.careful, text.cautions, w, m) : listHeight(text.cautions, w, m)),
    (w: number) => (text.note ? 4 + 10 + lines(`${words.note} ${text.note}`, w - 12, m.body) * m.body * LINE_EM : 0),
  ]
  const steps = runIn
    ? text.steps.reduce((h, step) => h + lines(step, right - m.marker, m.body) * m.body * LINE_EM + 1, 0)
    : listHeight(text.steps, right, m)
  const main =
    steps + (runIn ? paragraphHeight(words.howMuch, text.dose, right, m) : listHeight(text.dose, right, m, false))
  const picture = pictureHeight(plan, captions, m, text.video, words.video)
  if (plan.placement !== 'beside')
    return { moved: 0, height: picture + main + closing.reduce((h, part) => h + part(right), 0) }
  let best = { moved: 0, height: Infinity }
  for (let moved = 0; moved <= closing.length; moved++) {
    const kept = closing.slice(0, closing.length - moved)
    const under = closing.slice(closing.length - moved)
    // Nothing to gain from moving an empty part: keep the smaller count.
    if (moved > 0 && closing[closing.length - moved]!(left) === 0) continue
    const height = Math.max(
      picture + under.reduce((h, part) => h + part(left), 0),
      main + kept.reduce((h, part) => h + part(right), 0),
    )
    if (height < best.height - 0.5) best = { moved, height }
  }
  return best
}
