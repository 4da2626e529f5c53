import { Text, View } from '@react-pdf/renderer'
import type { HandoutInput, HandoutItem } from '../../../../src/core/handout-model'
import { pictureHold } from '../../../../src/core/dosage-words'
import { handoutT, type HandoutT } from '../../../../src/i18n'
import type { Prop } from '../../../../src/diagrams/spec'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** The "How to use this sheet" box on page 1: how to move, what the pictures mean, what to have ready, when to stop. */
export function howToBlock(input: HandoutInput, s: Styles) {
  const { program } = input
  const compact = input.layout === 'compact'
  const t = handoutT(input.language)
  const log = input.logDays > 0 ? t('howTo.log') : ''
  return (
    // Kept whole: split at a page break, it left an empty grey strip or a line or two on a page of their own.
    <View key="how-to" style={s.howTo} wrap={false}>
      {compact ? (
        <Text>
          {/* Run in, not on a line of its own: compact has no line to spare, and a rater missed a heading here. */}
          <Text style={{ fontWeight: 700 }}>{`${t('howTo.title')}: `}</Text>
          {t('howTo.compactIntro')}
          {pictureKey(program.items, compact, t)}
          {needed(program.items, t)}
          {log ? ` ${log}` : ''} {t('howTo.stop')}
          {input.clinic.closingMessage ? <Text style={{ fontWeight: 700 }}> {input.clinic.closingMessage}</Text> : null}
        </Text>
      ) : (
        // Detailed and large print: a headed list, one point a line (a rater found the paragraph dense).
        <>
          <Text style={{ fontWeight: 700, marginBottom: 2 }}>{t('howTo.title')}</Text>
          {[
            t('howTo.intro'),
            pictureKey(program.items, compact, t).trim(),
            needed(program.items, t).trim(),
            log,
            t('howTo.stop'),
          ]
            .filter(Boolean)
            .map((point) => (
              <View key={point} style={s.step}>
                <Text style={s.stepNo}>•</Text>
                <Text style={s.stepText}>{point}</Text>
              </View>
            ))}
        </>
      )}
    </View>
  )
}

/**
 * How to read the pictures, said once on page 1: only the signs this handout's pictures use (a rater marked the
 * legend down as distracting for explaining a push arrow and a close-up box that appeared nowhere).
 */
export function pictureKey(items: readonly HandoutItem[], compact: boolean, t: HandoutT = handoutT()): string {
  const drawn = items.filter((i) => i.diagram && !i.image)
  if (!drawn.length) return ''
  const has = {
    hold: drawn.some((i) => pictureHold(i.dosage, i.diagram) !== undefined),
    push: drawn.some((i) => i.diagram!.props.some((p) => p.kind === 'push')),
    closeUp: drawn.some((i) => i.diagram!.detail),
  }
  if (compact) {
    const signs = [
      t('howTo.signArrow'),
      has.hold && t('howTo.signStopwatch'),
      has.push && t('howTo.signPush'),
      has.closeUp && t('howTo.signCloseUp'),
      t('howTo.signGrey'),
    ]
    return ` ${t('howTo.keyCompact', { signs: signs.filter(Boolean).join(', ') })}`
  }
  return [
    t('howTo.keyPictures'),
    has.hold ? t('howTo.keyStopwatch') : '',
    has.push ? t('howTo.keyPush') : '',
    has.closeUp ? t('howTo.keyCloseUp') : '',
    t('howTo.keyGrey'),
  ]
    .filter(Boolean)
    .map((sentence) => ` ${sentence}`)
    .join('')
}

/** What the pictures show being used, in the words a patient would look for at home (a key per prop kind). */
const THINGS = {
  mat: 'things.mat',
  chair: 'things.chair',
  wall: 'things.wall',
  table: 'things.table',
  step: 'things.step',
  ball: 'things.ball',
  pillow: 'things.pillow',
  towel: 'things.towel',
  band: 'things.band',
  weight: 'things.weight',
  'foam roll': 'things.foam roll',
  stick: 'things.stick',
  marble: 'things.marble',
  cup: 'things.cup',
} as const satisfies Partial<Record<Prop['kind'], string>>

/** " You will need: a mat …, a pillow." from the props the pictures draw, so the patient can set up before starting. */
export function needed(items: readonly HandoutItem[], t: HandoutT = handoutT()): string {
  const things = [
    ...new Set(
      items
        .flatMap((i) => (i.image ? [] : (i.diagram?.props ?? [])))
        .map((p) => (p.kind in THINGS ? t(THINGS[p.kind as keyof typeof THINGS]) : undefined))
        .filter((thing): thing is string => Boolean(thing)),
    ),
  ]
  return things.length ? ` ${t('howTo.need', { things: things.join(', ') })}` : ''
}
