import { Text, View } from '@react-pdf/renderer'
import { pictureHold, type HandoutInput, type HandoutItem } from '../../../../src/core/handout-model'
import type { Prop } from '../../../../src/diagrams/spec'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** When to stop, in one wording wherever the handout says it (the footer adds who to call). */
export const STOP_RULE = 'Stop and call if anything hurts more than a mild stretch or effort.'

/** The "How to use this sheet" box on page 1: how to move, what the pictures mean, what to have ready, when to stop. */
export function howToBlock(input: HandoutInput, s: Styles) {
  const { program } = input
  const compact = input.layout === 'compact'
  return (
    // Kept whole: split at a page break, it left an empty grey strip or a line or two on a page of their own.
    <View key="how-to" style={s.howTo} wrap={false}>
      {compact ? (
        <Text>
          {/* Run in, not on a line of its own: compact has no line to spare, and a rater missed a heading here. */}
          <Text style={{ fontWeight: 700 }}>How to use this sheet: </Text>
          Do the exercises in order, slowly, breathing normally.
          {pictureKey(program.items, compact)}
          {needed(program.items)}
          {input.logDays > 0
            ? ' At the end is a log: check off a box each time you finish an exercise, and bring it to your next visit.'
            : ''}{' '}
          {STOP_RULE}
          {input.clinic.closingMessage ? <Text style={{ fontWeight: 700 }}> {input.clinic.closingMessage}</Text> : null}
        </Text>
      ) : (
        // Detailed and large print: a headed list, one point a line (a rater found the paragraph dense).
        <>
          <Text style={{ fontWeight: 700, marginBottom: 2 }}>How to use this sheet</Text>
          {[
            'Do the exercises in the order shown. Move slowly and breathe normally. Each exercise shows how to start, the steps, and how much to do.',
            pictureKey(program.items, compact).trim(),
            needed(program.items).trim(),
            input.logDays > 0
              ? 'At the end is a log: check off a box each time you finish an exercise, and bring it to your next visit.'
              : '',
            STOP_RULE,
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
export function pictureKey(items: readonly HandoutItem[], compact: boolean): string {
  const drawn = items.filter((i) => i.diagram && !i.image)
  if (!drawn.length) return ''
  const has = {
    hold: drawn.some((i) => pictureHold(i.dosage, i.diagram) !== undefined),
    push: drawn.some((i) => i.diagram!.props.some((p) => p.kind === 'push')),
    closeUp: drawn.some((i) => i.diagram!.detail),
  }
  if (compact) {
    const signs = [
      'an arrow is the movement',
      has.hold && 'a stopwatch means hold still',
      has.push && 'bars across an arrow mean push without moving',
      has.closeUp && 'a box is a close-up',
      'grey limbs are on the far side',
    ]
    return ` In the pictures, 1 is the start and 2 the finish; ${signs.filter(Boolean).join(', ')}.`
  }
  return [
    ' The pictures show numbered steps: 1 is where you start and 2 is where you finish, with an arrow for the movement.',
    has.hold ? ' A stopwatch means hold still.' : '',
    has.push ? ' An arrow with bars across it means push without moving.' : '',
    has.closeUp ? ' A box beside a picture is a close-up of a small part.' : '',
    ' Grey arms and legs are the ones on the far side of the body.',
  ].join('')
}

/** What the pictures show being used, in the words a patient would look for at home. */
const THINGS: Partial<Record<Prop['kind'], string>> = {
  mat: 'a mat or carpet on the floor',
  chair: 'a sturdy chair',
  wall: 'a clear wall',
  table: 'a table or kitchen counter',
  step: 'a stair or step',
  ball: 'a ball',
  pillow: 'a pillow',
  towel: 'a towel',
  band: 'an exercise band',
  weight: 'a light weight',
  'foam roll': 'a foam roll',
  stick: 'a stick or broom handle',
  marble: 'a few marbles',
  cup: 'a cup',
}

/** " You will need: a mat …, a pillow." from the props the pictures draw, so the patient can set up before starting. */
export function needed(items: readonly HandoutItem[]): string {
  const things = [
    ...new Set(
      items
        .flatMap((i) => (i.image ? [] : (i.diagram?.props ?? [])))
        .map((p) => THINGS[p.kind])
        .filter((t): t is string => Boolean(t)),
    ),
  ]
  return things.length ? ` You will need: ${things.join(', ')}.` : ''
}
