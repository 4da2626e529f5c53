import { Text, View } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../../src/core/handout-model'
import { dosageSummary } from '../../../../src/core/dosage-words'
import { handoutT } from '../../../../src/i18n'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/**
 * The key points once more after the last card, in a few plain lines (a patient reads the end of a handout too), with
 * the clinic's closing words (they were in the footer of every page).
 */
export function Remember({ input, s, minutes }: { input: HandoutInput; s: Styles; minutes: number }) {
  const t = handoutT(input.language)
  const often = [...new Set(input.program.items.map((item) => dosageSummary(item.dosage, t).often))]
  const count = input.program.items.length
  const all = count === 1 ? t('remember.thisExercise') : t('remember.allExercises', { count })
  const points = [
    often.length === 1 && often[0] !== '—'
      ? t('remember.doOften', { all, often: often[0]!.toLowerCase(), minutes })
      : t('remember.doAsCards', { all, minutes }),
    // The same rule in the same words as the how-to box on page 1 (a rater found three wordings of it, one hard to parse).
    `${t('remember.move')} ${t('howTo.stop')}`,
    ...(input.logDays > 0 ? [t('remember.log')] : []),
  ]
  return (
    <View style={s.closing} wrap={false}>
      <Text style={s.label}>{t('remember.title')}</Text>
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
