import { Image, Text, View } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../../src/core/handout-model'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  )

/** The top of page 1: the clinic (logo, name, contact details) beside the title, the patient, date and therapist. */
export function headerBlock(input: HandoutInput, s: Styles) {
  const { clinic, therapist, patient } = input
  const name = `${patient.firstName} ${patient.lastName}`
  const compact = input.layout === 'compact'
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
        <Text style={s.title}>Your home exercise program</Text>
        <Text style={s.meta}>
          For <Text style={{ fontWeight: 700 }}>{name}</Text>
          {patient.preferredName ? ` (${patient.preferredName})` : ''}
          {compact ? ` · ${longDate(input.date)}` : ''}
        </Text>
        {compact ? null : <Text style={s.meta}>{longDate(input.date)}</Text>}
        {therapist ? (
          <Text
            style={s.meta}
          >{`Your therapist: ${therapist.name}${therapist.credentials ? `, ${therapist.credentials}` : ''}`}</Text>
        ) : null}
      </View>
    </View>
  )
}

/** The program's title and goals under the header, or null when it has neither. */
export function goalsBlock(input: HandoutInput, s: Styles) {
  const { program } = input
  const compact = input.layout === 'compact'
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
          {program.goals ? `Goals: ${program.goals}` : ''}
        </Text>
      ) : (
        <>
          {program.title ? <Text style={s.h2}>{program.title}</Text> : null}
          {program.goals ? <Text>Goals: {program.goals}</Text> : null}
        </>
      )}
    </View>
  ) : null
}
