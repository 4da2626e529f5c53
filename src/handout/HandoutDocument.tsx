import { Document, Image, Page, Text, View } from '@react-pdf/renderer'
import { dosageSummary, type HandoutInput } from '../core/handout-model'
import { programMinutes } from '../core/program-time'
import { ExerciseCard } from './ExerciseCard'
import { LogPage } from './LogPage'
import { makeStyles } from './styles'

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))

function Footer({ input, s }: { input: HandoutInput; s: ReturnType<typeof makeStyles> }) {
  const phone = input.clinic.phone ?? input.therapist?.phone
  const safety = `Stop and call ${phone ? `us at ${phone}` : 'your therapist'} if pain or other symptoms get worse.`
  return (
    <View style={s.footer} fixed>
      <Text style={s.footerText}>{[safety, input.clinic.closingMessage].filter(Boolean).join(' ')}</Text>
      <Text style={s.pageNo} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  )
}

/** The patient's handout: header, program at a glance, one card per exercise, optional tick-box log. */
export function HandoutDocument({ input }: { input: HandoutInput }) {
  const s = makeStyles(input.layout)
  const size = input.paper === 'a4' ? 'A4' : 'LETTER'
  const { clinic, therapist, patient, program } = input
  const name = `${patient.firstName} ${patient.lastName}`
  const minutes = programMinutes(program.items.map((i) => i.dosage))
  const cards = program.items.map((item, i) => <ExerciseCard key={i} item={item} index={i} s={s} />)
  return (
    <Document title={`Home exercise program for ${name}`} author={clinic.name} subject={program.title ?? 'Home exercise program'} creator="Homeplan" producer="Homeplan">
      <Page size={size} style={s.page}>
        <View style={s.content}>
        <View style={s.header}>
          <View style={s.clinicBlock}>
            {clinic.logo ? <Image style={s.logo} src={clinic.logo} /> : null}
            <View>
              <Text style={s.clinicName}>{clinic.name}</Text>
              {[clinic.address, clinic.phone, clinic.website].filter(Boolean).map((line) => <Text key={line} style={s.small}>{line}</Text>)}
            </View>
          </View>
          <View>
            <Text style={s.title}>Your home exercise program</Text>
            <Text style={s.meta}>For <Text style={{ fontWeight: 700 }}>{name}</Text>{patient.preferredName ? ` (${patient.preferredName})` : ''}</Text>
            <Text style={s.meta}>{longDate(input.date)}</Text>
            {therapist ? <Text style={s.meta}>Your therapist: {therapist.name}{therapist.credentials ? `, ${therapist.credentials}` : ''}</Text> : null}
          </View>
        </View>
        {program.title || program.goals ? (
          <View style={s.goals}>
            {program.title ? <Text style={s.h2}>{program.title}</Text> : null}
            {program.goals ? <Text>Goals: {program.goals}</Text> : null}
          </View>
        ) : null}
        <View wrap={false}>
          <Text style={s.h2}>Your program at a glance</Text>
          <View style={[s.glanceRow, s.glanceHead]}>
            <Text style={{ width: '5%' }}>#</Text>
            <Text style={{ width: '38%' }}>Exercise</Text>
            <Text style={{ width: '37%' }}>How much</Text>
            <Text style={{ width: '20%' }}>How often</Text>
          </View>
          {program.items.map((item, i) => {
            const { amount, often } = dosageSummary(item.dosage)
            return (
              <View key={i} style={s.glanceRow}>
                <Text style={{ width: '5%' }}>{i + 1}</Text>
                <Text style={{ width: '38%' }}>{item.name}</Text>
                <Text style={{ width: '37%' }}>{amount}</Text>
                <Text style={{ width: '20%' }}>{often}</Text>
              </View>
            )
          })}
          <Text style={[s.small, { marginTop: 3 }]}>All together, about {minutes} minutes each time.</Text>
        </View>
        {/* Kept whole: split at a page break, it left an empty grey strip or a line or two on a page of their own. */}
        <Text style={s.howTo} wrap={false}>
          Do the exercises in the order shown. Move slowly and breathe normally. Each card shows how to start, the steps, and how much to do.
          {input.logDays > 0 ? ' Tick the log on the last page each time.' : ''} Stop and call if anything hurts more than a mild stretch or effort.
        </Text>
        {input.layout === 'compact' ? (
          <View style={s.cards}>{cards}</View>
        ) : (
          // Cards sit directly on the page so the first one can start under the summary.
          cards
        )}
        </View>
        <Footer input={input} s={s} />
      </Page>
      {input.logDays > 0 ? (
        <Page size={size} style={s.page}>
          <View style={s.content}>
            <LogPage input={input} s={s} />
          </View>
          <Footer input={input} s={s} />
        </Page>
      ) : null}
    </Document>
  )
}
