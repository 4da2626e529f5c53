import { Text, View } from '@react-pdf/renderer'
import type { HandoutInput } from '../core/handout-model'
import { INK, RULE, type makeStyles } from './styles'

const DAY = 24 * 3600 * 1000
const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** Exercises × days, with one tick box per prescribed session each day. */
export function LogPage({ input, s }: { input: HandoutInput; s: ReturnType<typeof makeStyles> }) {
  const large = input.layout === 'large'
  const start = Date.parse(`${input.date}T00:00:00Z`)
  const days = Array.from({ length: input.logDays }, (_, i) => new Date(start + i * DAY))
  const box = large ? 11 : 8
  const nameWidth = large ? 150 : 150
  return (
    <View>
      <Text style={s.h2}>Your exercise log</Text>
      <Text style={{ marginBottom: 8 }}>
        Tick one box each time you finish an exercise (more boxes mean more sessions that day). Bring this sheet to your next visit.
      </Text>
      <View style={{ flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: INK, paddingBottom: 2 }}>
        <Text style={{ width: nameWidth, fontWeight: 700 }}>Exercise</Text>
        {days.map((d) => (
          <View key={d.toISOString()} style={{ flex: 1, alignItems: 'center' }}>
            <Text style={{ fontSize: large ? 10 : 7, color: '#4a4a4a' }}>{weekday[d.getUTCDay()]}</Text>
            <Text style={{ fontSize: large ? 12 : 8.5, fontWeight: 700 }}>{d.getUTCDate()}</Text>
          </View>
        ))}
      </View>
      {input.program.items.map((item, i) => {
        const sessions = Math.min(item.dosage.timesPerDay ?? 1, 4)
        return (
          <View key={i} wrap={false} style={{ flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 4, alignItems: 'center' }}>
            <Text style={{ width: nameWidth, fontSize: large ? 13 : 9 }}>{i + 1}. {item.name}</Text>
            {days.map((d) => (
              <View key={d.toISOString()} style={{ flex: 1, alignItems: 'center' }}>
                {Array.from({ length: sessions }, (_, k) => (
                  <View key={k} style={{ width: box, height: box, borderWidth: 0.75, borderColor: INK, marginBottom: 1.5 }} />
                ))}
              </View>
            ))}
          </View>
        )
      })}
    </View>
  )
}
