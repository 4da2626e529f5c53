import type { ReactElement } from 'react'
import { Path, Svg, Text, View } from '@react-pdf/renderer'
import { weekdays } from '../../../../src/core/dosage'
import { shortTitle, type HandoutInput } from '../../../../src/core/handout-model'
import { handoutT } from '../../../../src/i18n'
import { INK, RULE, type makeStyles } from './styles'

const DAY = 24 * 3600 * 1000

/** The log's pieces in page order: the rows are kept whole; the log may continue on further pages between rows. */
export interface LogParts {
  title: ReactElement
  intro: ReactElement
  head: ReactElement
  rows: ReactElement[]
  /** Where each table after the first begins in `rows` (its first row carries its day headings). */
  tableStarts: number[]
}

/**
 * Tick boxes per day for each exercise: its sessions a day on the days it is prescribed (an exercise for Mon, Wed
 * and Fri gets none on the other days: boxes every day invited patients to do it daily), every day otherwise.
 */
export function logBoxes(input: HandoutInput): number[][] {
  const start = Date.parse(`${input.date}T00:00:00Z`)
  return input.program.items.map((item) => {
    const sessions = Math.min(item.dosage.timesPerDay ?? 1, 4)
    const on = item.dosage.days?.length ? new Set(item.dosage.days) : undefined
    return Array.from({ length: input.logDays }, (_, i) => {
      // weekdays runs Monday first; getUTCDay is 0 on Sunday.
      const day = weekdays[(new Date(start + i * DAY).getUTCDay() + 6) % 7]!
      return !on || on.has(day) ? sessions : 0
    })
  })
}

/** The months the log spans, e.g. "November 2026" or "November – December 2026"; `from`, `days`: of one part of it. */
export function logMonths(input: HandoutInput, from = 0, days = input.logDays): string {
  const start = Date.parse(`${input.date}T00:00:00Z`) + from * DAY
  const locale = input.language === 'es' ? 'es-US' : 'en-US'
  const month = (t: number, year: boolean) =>
    new Intl.DateTimeFormat(locale, { month: 'long', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(
      new Date(t),
    )
  const end = start + Math.max(0, days - 1) * DAY
  const [a, b] = [new Date(start), new Date(end)]
  if (a.getUTCMonth() === b.getUTCMonth() && a.getUTCFullYear() === b.getUTCFullYear()) return month(start, true)
  return `${month(start, a.getUTCFullYear() !== b.getUTCFullYear())} – ${month(end, true)}`
}

/** Days per table: two weeks across the page, one week in large print (a day's column then fits a 16 pt label). */
export const logWeekDays = (layout: HandoutInput['layout']) => (layout === 'large' ? 7 : 14)

/**
 * Exercises × days, with one tick box per prescribed session on each prescribed day. A log longer than a table
 * holds continues in further tables below, each with its own day headings (a month's log at one width made
 * columns too narrow for their labels).
 */
export function logParts(input: HandoutInput, s: ReturnType<typeof makeStyles>): LogParts {
  const large = input.layout === 'large'
  const t = handoutT(input.language)
  const start = Date.parse(`${input.date}T00:00:00Z`)
  const perTable = logWeekDays(input.layout)
  const tables = Array.from({ length: Math.ceil(input.logDays / perTable) }, (_, t) => t * perTable)
  const box = large ? 16 : 11
  const compact = input.layout === 'compact'
  // Compact names each exercise by its number and short name (the card carries the rest): one line a row.
  const nameWidth = large ? 190 : compact ? 180 : 150
  // The page's text width: Letter 612 pt or A4 595 pt, less 40 pt margins each side.
  const gridWidth = (input.paper === 'a4' ? 595 : 612) - 80 - nameWidth
  const cell = gridWidth / Math.max(1, Math.min(perTable, input.logDays))
  const boxes = logBoxes(input)
  const label = large ? 16 : 9
  const head = (from: number, first: boolean) => (
    <View
      key={`log-head-${from}`}
      style={{
        flexDirection: 'row',
        borderBottomWidth: 1,
        borderBottomColor: INK,
        paddingBottom: 2,
        marginTop: first ? 0 : 4,
      }}
    >
      <Text style={{ width: nameWidth, fontWeight: 700 }}>{t('log.exercise')}</Text>
      {Array.from(
        { length: Math.min(perTable, input.logDays - from) },
        (_, i) => new Date(start + (from + i) * DAY),
      ).map((d) => (
        <View key={d.toISOString()} style={{ width: cell, alignItems: 'center' }}>
          <Text style={{ fontSize: label, color: INK }}>
            {t(`common:vocab.day.${weekdays[(d.getUTCDay() + 6) % 7]!}`)}
          </Text>
          <Text style={{ fontSize: large ? 16 : 9.5, fontWeight: 700 }}>{d.getUTCDate()}</Text>
        </View>
      ))}
    </View>
  )
  const row = (from: number, i: number) => {
    const item = input.program.items[i]!
    const perDay = boxes[i]!.slice(from, from + perTable)
    const sessions = Math.max(1, ...boxes[i]!)
    return (
      <View
        key={`log-row-${from}-${i}`}
        wrap={false}
        style={{
          flexDirection: 'row',
          borderBottomWidth: 0.5,
          borderBottomColor: RULE,
          paddingVertical: compact ? 4 : 6,
          alignItems: 'center',
        }}
      >
        <Text style={{ width: nameWidth, fontSize: large ? 16 : 10, paddingRight: 6 }}>
          {i + 1}. {compact ? shortTitle(item) : (item.title ?? item.name)}
        </Text>
        {/* All of a row's boxes are one path: a layout node per box made this page the slowest part of a handout. */}
        <Svg width={gridWidth} height={sessions * (box + 2)}>
          {/* A short log can fall wholly on rest days: then the row has no boxes (and no empty path). */}
          {perDay.some(Boolean) ? (
            <Path
              stroke={INK}
              strokeWidth={0.75}
              fill="none"
              d={perDay
                .flatMap((n, col) =>
                  Array.from(
                    { length: n },
                    (__, k) =>
                      `M${(col * cell + (cell - box) / 2).toFixed(2)} ${(k * (box + 2) + 0.5).toFixed(2)}h${box}v${box}h-${box}Z`,
                  ),
                )
                .join('')}
            />
          ) : null}
        </Svg>
      </View>
    )
  }
  return {
    // In compact the log may follow the closing words on their page: a rule above sets it apart.
    title: (
      <Text
        key="log-title"
        style={[
          s.h2,
          input.layout === 'compact' ? { marginTop: 12, paddingTop: 8, borderTopWidth: 1.5, borderTopColor: INK } : {},
        ]}
      >
        {t('log.title', { months: logMonths(input) })}
      </Text>
    ),
    intro: (
      <Text key="log-intro" style={{ marginBottom: 8 }}>
        {/* Only says what this log has: "more boxes" read as a puzzle on a log with one box a day. */}
        {t('log.intro')}
        {boxes.some((r) => r.some((n) => n > 1)) ? t('log.sessions') : ''}
        {boxes.some((r) => r.includes(0)) ? t('log.rest') : ''}
        {t('log.bring')}
      </Text>
    ),
    head: head(0, true),
    tableStarts: tables.slice(1).map((_, t) => (t + 1) * input.program.items.length),
    // A later table's headings are kept with its first row, so they never end a page alone.
    rows: tables.flatMap((from) =>
      input.program.items.map((_, i) =>
        from > 0 && i === 0 ? (
          <View key={`log-table-${from}`} wrap={false}>
            {/* A later table often starts a page: it says whose log it is and which month, as the first one does. */}
            <Text style={[s.label, { marginTop: large ? 16 : 10 }]}>
              {t('log.continued', { months: logMonths(input, from, Math.min(perTable, input.logDays - from)) })}
            </Text>
            {head(from, false)}
            {row(from, i)}
          </View>
        ) : (
          row(from, i)
        ),
      ),
    ),
  }
}
