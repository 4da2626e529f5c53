import type { ReactElement } from 'react'
import { View } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../../src/core/handout-model'
import { programMinutes } from '../../../../src/core/program-time'
import { ExerciseCard } from './ExerciseCard'
import { footerReserve } from './footer'
import { glanceParts, type GlanceParts } from './glance'
import { goalsBlock, headerBlock } from './header'
import { howToBlock } from './how-to'
import { logParts, type LogParts } from './LogPage'
import { PAGE_SIZE } from './page-size'
import { Remember } from './Remember'
import { makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/**
 * Everything a handout prints, as the blocks that follow one another down the pages. Both documents
 * (HandoutDocument.tsx) are built from these same elements, so they print the same thing wherever the page breaks fall.
 */
export interface HandoutParts {
  s: Styles
  size: 'A4' | 'LETTER'
  header: ReactElement
  goals: ReactElement | null
  /** The program at a glance: one block, kept whole (its rows are listed so a very long one can be continued). */
  glance: GlanceParts
  /** The program at a glance is taller than a page: react-pdf may break it between rows, repeating the headings. */
  glanceBreaks: boolean
  howTo: ReactElement
  /**
   * The how-to box goes before the summary (large print): after it, the box ended a page that the first card's
   * picture, too big for the rest, left half blank; before it, the summary's rows fill that space.
   */
  introFirst: boolean
  cards: ReactElement[]
  closing: ReactElement
  log: LogParts | null
  /**
   * Compact saves paper: a short log follows the closing words on their page, kept whole, when there is room
   * (the page plan checks the room), instead of starting a page of its own.
   */
  logFollows: boolean
  /** The blocks that break inside (see handoutParts). */
  breakInside: ReadonlySet<string>
}

/**
 * `breakInside` names the blocks taller than a page, which cannot be kept whole: 'glance', later log tables and cards
 * ('card-0', …). Only react-pdf's own page breaking needs it (see paginate.ts for the other way).
 */
export function handoutParts(input: HandoutInput, breakInside: ReadonlySet<string> = new Set()): HandoutParts {
  const size = input.paper === 'a4' ? 'A4' : 'LETTER'
  const base = makeStyles(input.layout)
  const s: Styles = {
    ...base,
    page: {
      ...base.page,
      paddingBottom: Math.max(Number(base.page.paddingBottom), footerReserve(input, PAGE_SIZE[size][0] - 80)),
    },
  }
  const { program } = input
  const minutes = programMinutes(program.items.map((i) => i.dosage))
  const log = input.logDays > 0 ? logParts(input, s) : null
  // The last row of cards ends the section: space below it would only push an empty page out when it fills a page.
  const lastRow = program.items.length - 1
  const lastCard = { ...s, card: { ...s.card, marginBottom: 0 } }
  const compact = input.layout === 'compact'
  return {
    s,
    size,
    header: headerBlock(input, s),
    goals: goalsBlock(input, s),
    glance: glanceParts(input, s, minutes, breakInside.has('glance')),
    glanceBreaks: breakInside.has('glance'),
    introFirst: input.layout === 'large',
    howTo: howToBlock(input, s),
    cards: program.items.map((item, i) => (
      <ExerciseCard
        key={`card-${i}`}
        item={item}
        index={i}
        s={i >= lastRow ? lastCard : s}
        layout={input.layout}
        contentWidth={PAGE_SIZE[size][0] - 80}
        breakable={breakInside.has(`card-${i}`)}
        shorthand={input.shorthand}
        language={input.language}
      />
    )),
    // Compact leaves out the closing summary: the table at the top already says what, how much and how often, the
    // how-to box says how to move and when to stop (and carries the clinic's closing words), so the log fits page 3.
    closing: compact ? <View key="closing" /> : <Remember key="closing" input={input} s={s} minutes={minutes} />,
    log,
    logFollows: compact && log !== null && log.rows.length <= 10,
    breakInside,
  }
}
