import { Text, View } from '@react-pdf/renderer'
import { dosageSummary, type HandoutInput } from '../../../../src/core/handout-model'
import { STOP_RULE } from './how-to'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/**
 * The key points once more after the last card, in a few plain lines (a patient reads the end of a handout too), with
 * the clinic's closing words (they were in the footer of every page).
 */
export function Remember({ input, s, minutes }: { input: HandoutInput; s: Styles; minutes: number }) {
  const often = [...new Set(input.program.items.map((item) => dosageSummary(item.dosage).often))]
  const count = input.program.items.length
  const all = count === 1 ? 'this exercise' : `all ${count} exercises`
  const points = [
    often.length === 1 && often[0] !== '—'
      ? `Do ${all} ${often[0]!.toLowerCase()}: about ${minutes} minutes each time.`
      : `Do ${all} as often as each card says: about ${minutes} minutes each time.`,
    // The same rule in the same words as the how-to box on page 1 (a rater found three wordings of it, one hard to parse).
    `Move slowly and keep breathing. ${STOP_RULE}`,
    ...(input.logDays > 0
      ? ['Check off the log each time you finish an exercise, and bring it to your next visit.']
      : []),
  ]
  return (
    <View style={s.closing} wrap={false}>
      <Text style={s.label}>To remember</Text>
      {points.map((point) => (
        <View key={point} style={s.step}>
          <Text style={s.stepNo}>•</Text>
          <Text style={s.stepText}>{point}</Text>
        </View>
      ))}
      {input.clinic.closingMessage ? (
        <Text style={{ fontWeight: 700, marginTop: 4 }}>{input.clinic.closingMessage}</Text>
      ) : null}
    </View>
  )
}
