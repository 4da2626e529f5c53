import { Image, Text, View } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../../src/core/handout-model'
import type { makeStyles } from './styles'
import { handoutT } from '../../../../src/i18n'

type Styles = ReturnType<typeof makeStyles>

/** "November 3, 2026" / "3 de noviembre de 2026": the handout's date in its language. */
export const longDate = (iso: string, language: HandoutInput['language'] = 'en') =>
  new Intl.DateTimeFormat(language === 'es' ? 'es-US' : 'en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`))

/** The top of page 1: the clinic (logo, name, contact details) beside the title, the patient, date and therapist. */
export function headerBlock(input: HandoutInput, s: Styles) {
  const { clinic, therapist, patient } = input
  const name = `${patient.firstName} ${patient.lastName}`
  const compact = input.layout === 'compact'
  const t = handoutT(input.language)
  const date = longDate(input.date, input.language)
  return (
    <View key="header" style={s.header}>
      <View style={s.clinicBlock}>
        {clinic.logo ? <Image style={s.logo} src={clinic.logo} /> : null}
        <View>
          <Text style={s.clinicName}>{clinic.name}</Text>
          {/* Large print runs the contact details on together: a line each pushed the summary off page 1. */}
          {input.layout === 'large' ? (
            <Text style={s.small}>{[clinic.address, clinic.phone, clinic.website].filter(Boolean).join(' · ')}</Text>
          ) : (
            [clinic.address, clinic.phone, clinic.website].filter(Boolean).map((line) => (
              <Text key={line} style={s.small}>
                {line}
              </Text>
            ))
          )}
        </View>
      </View>
      <View style={s.headerText}>
        <Text style={s.title}>{t('header.title')}</Text>
        <Text style={s.meta}>
          {`${t('header.for')} `}
          <Text style={{ fontWeight: 700 }}>{name}</Text>
          {patient.preferredName ? ` (${patient.preferredName})` : ''}
          {compact ? ` · ${date}` : ''}
        </Text>
        {compact ? null : <Text style={s.meta}>{date}</Text>}
        {therapist ? (
          <Text style={s.meta}>
            {t('header.therapist', {
              name: `${therapist.name}${therapist.credentials ? `, ${therapist.credentials}` : ''}`,
            })}
          </Text>
        ) : null}
      </View>
    </View>
  )
}

/** The program's title and goals under the header, or null when it has neither. */
export function goalsBlock(input: HandoutInput, s: Styles) {
  const { program } = input
  const compact = input.layout === 'compact'
  const t = handoutT(input.language)
  return program.title || program.goals ? (
    <View key="goals" style={s.goals}>
      {compact ? (
        // One paragraph in compact: the title, then the goals on the same line when they fit.
        <Text>
          {program.title ? (
            <Text style={s.h2}>
              {program.title}
              {program.goals ? '   ' : ''}
            </Text>
          ) : null}
          {program.goals ? t('header.goals', { goals: program.goals }) : ''}
        </Text>
      ) : (
        <>
          {program.title ? <Text style={s.h2}>{program.title}</Text> : null}
          {program.goals ? <Text>{t('header.goals', { goals: program.goals })}</Text> : null}
        </>
      )}
    </View>
  ) : null
}
