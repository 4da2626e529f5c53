import type { ReactElement } from 'react'
import { Path, Svg, Text, View } from '@react-pdf/renderer'
import type { HandoutInput } from '../core/handout-model'
import { INK, RULE, type makeStyles } from './styles'

const DAY = 24 * 3600 * 1000
const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** The log's pieces in page order: the rows are kept whole; the log may continue on further pages between rows. */
export interface LogParts {
  title: ReactElement
  intro: ReactElement
  head: ReactElement
  rows: ReactElement[]
}

/** Exercises × days, with one tick box per prescribed session each day. */
export function logParts(input: HandoutInput, s: ReturnType<typeof makeStyles>): LogParts {
  const large = input.layout === 'large'
  const start = Date.parse(`${input.date}T00:00:00Z`)
  const days = Array.from({ length: input.logDays }, (_, i) => new Date(start + i * DAY))
  const box = large ? 14 : 11
  const nameWidth = 150
  // The page's text width: Letter 612 pt or A4 595 pt, less 40 pt margins each side.
  const gridWidth = (input.paper === 'a4' ? 595 : 612) - 80 - nameWidth
  const cell = gridWidth / Math.max(1, input.logDays)
  return {
    title: <Text key="log-title" style={s.h2}>Your exercise log</Text>,
    intro: (
      <Text key="log-intro" style={{ marginBottom: 8 }}>
        Tick one box each time you finish an exercise (more boxes mean more sessions that day). Bring this sheet to your next visit.
      </Text>
    ),
    head: (
      <View key="log-head" style={{ flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: INK, paddingBottom: 2 }}>
        <Text style={{ width: nameWidth, fontWeight: 700 }}>Exercise</Text>
        {days.map((d) => (
          <View key={d.toISOString()} style={{ width: cell, alignItems: 'center' }}>
            <Text style={{ fontSize: large ? 10 : 7, color: '#4a4a4a' }}>{weekday[d.getUTCDay()]}</Text>
            <Text style={{ fontSize: large ? 12 : 8.5, fontWeight: 700 }}>{d.getUTCDate()}</Text>
          </View>
        ))}
      </View>
    ),
    rows: input.program.items.map((item, i) => {
      const sessions = Math.min(item.dosage.timesPerDay ?? 1, 4)
      return (
        <View key={`log-row-${i}`} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 6, alignItems: 'center' }}>
          <Text style={{ width: nameWidth, fontSize: large ? 13 : 9 }}>{i + 1}. {item.name}</Text>
          {/* All of a row's boxes are one path: a layout node per box made this page the slowest part of a handout. */}
          <Svg width={gridWidth} height={sessions * (box + 2)}>
            <Path stroke={INK} strokeWidth={0.75} fill="none"
              d={days
                .flatMap((_, col) => Array.from({ length: sessions }, (__, k) => `M${(col * cell + (cell - box) / 2).toFixed(2)} ${(k * (box + 2) + 0.5).toFixed(2)}h${box}v${box}h-${box}Z`))
                .join('')} />
          </Svg>
        </View>
      )
    }),
  }
}
