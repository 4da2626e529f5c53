import type { ReactElement } from 'react'
import { Text, View } from '@react-pdf/renderer'
import { itemTitle, type HandoutInput } from '../../../../src/core/handout-model'
import { dosageSummary } from '../../../../src/core/dosage-words'
import { handoutT } from '../../../../src/i18n'
import type { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** The program at a glance as its blocks: a title, the column headings, a row per exercise and the total time. */
export interface GlanceParts {
  title: ReactElement
  head: ReactElement
  rows: ReactElement[]
  total: ReactElement
}

/**
 * The program at a glance, one row per exercise. `breaks`: the table is taller than a page and react-pdf breaks it
 * between rows, so its column headings repeat on each page.
 */
export function glanceParts(input: HandoutInput, s: Styles, minutes: number, breaks: boolean): GlanceParts {
  const compact = input.layout === 'compact'
  const t = handoutT(input.language)
  // Column widths of the summary; large print gives the titles more room so a row takes fewer 16 pt lines.
  const cols =
    input.layout === 'large'
      ? ['6%', '44%', '32%', '18%']
      : compact
        ? ['4%', '40%', '41%', '15%']
        : ['5%', '38%', '37%', '20%']
  return {
    // Compact puts the time in the heading, a line saved.
    title: (
      <Text key="glance-title" style={s.h2}>
        {t('glance.title')}
        {compact ? <Text style={{ fontWeight: 400 }}>{t('glance.minutes', { minutes })}</Text> : null}
      </Text>
    ),
    head: (
      <View key="glance-head" style={[s.glanceRow, s.glanceHead]} fixed={breaks}>
        <Text style={{ width: cols[0] }}>#</Text>
        <Text style={{ width: cols[1], paddingRight: 8 }}>{t('glance.exercise')}</Text>
        <Text style={{ width: cols[2], paddingRight: 8 }}>{t('glance.howMuch')}</Text>
        <Text style={{ width: cols[3] }}>{t('glance.howOften')}</Text>
      </View>
    ),
    rows: input.program.items.map((item, i) => {
      const { amount, often } = dosageSummary(item.dosage, t)
      return (
        <View key={`glance-row-${i}`} style={s.glanceRow}>
          <Text style={{ width: cols[0] }}>{i + 1}</Text>
          {/* Compact names the exercise in plain words only (the card has its clinical name): a row a line shorter. */}
          <Text style={{ width: cols[1], paddingRight: 8 }}>
            {compact ? (item.title ?? item.name) : itemTitle(item)}
          </Text>
          <Text style={{ width: cols[2], paddingRight: 8 }}>{amount}</Text>
          <Text style={{ width: cols[3] }}>{often}</Text>
        </View>
      )
    }),
    total: compact ? (
      <View key="glance-total" />
    ) : (
      <Text key="glance-total" style={[s.small, { marginTop: 3 }]}>
        {t('glance.total', { minutes })}
      </Text>
    ),
  }
}

/** The program at a glance, or the part of it on one page. */
export const glanceBlock = (children: ReactElement[], key = 'glance', whole = true) => (
  <View key={key} wrap={!whole}>
    {children}
  </View>
)
