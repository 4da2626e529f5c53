import { Text, View } from '@react-pdf/renderer'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** One numbered (or marked) line of a list; two-digit numbers get a wider column ("10." ran into its text). */
export function Line({
  text,
  i,
  count,
  s,
  marker,
}: {
  text: string
  i: number
  count: number
  s: Styles
  marker?: string
}) {
  const wide = marker === undefined && count >= 10 ? { width: Number(s.stepNo.width) * 1.45 } : {}
  return (
    <View style={s.step}>
      <Text style={[s.stepNo, wide]}>{marker ?? `${i + 1}.`}</Text>
      <Text style={s.stepText}>{text}</Text>
    </View>
  )
}

/** A list under its label (or none): a card's steps, tips or cautions. */
export function List({ label, items, s, marker }: { label?: string; items?: string[]; s: Styles; marker?: string }) {
  if (!items?.length) return null
  return (
    <View>
      {label ? <Text style={s.label}>{label}</Text> : null}
      {items.map((item, i) => (
        <Line key={i} text={item} i={i} count={items.length} s={s} marker={marker} />
      ))}
    </View>
  )
}

/** A label run into its sentences, one paragraph: "Tips: Keep … Only …". */
export function RunIn({ label, items, s }: { label: string; items?: string[]; s: Styles }) {
  if (!items?.length) return null
  return (
    <Text style={s.runIn}>
      <Text style={{ fontWeight: 700 }}>{label}: </Text>
      {items.join(' ')}
    </Text>
  )
}
