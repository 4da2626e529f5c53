import type { ReactElement } from 'react'
import { Document, Image, Page, Text, View } from '@react-pdf/renderer'
import {
  dosageSummary,
  itemTitle,
  pictureHold,
  type HandoutInput,
  type HandoutItem,
} from '../../../../src/core/handout-model'
import type { Prop } from '../../../../src/diagrams/spec'
import { programMinutes } from '../../../../src/core/program-time'
import { ExerciseCard } from './ExerciseCard'
import { logParts, type LogParts } from './LogPage'
import { wrappedLines } from './card-balance'
import { FOOTER, makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** react-pdf's page sizes in points (width, height). */
export const PAGE_SIZE = { LETTER: [612, 792], A4: [595.28, 841.89] } as const

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  )

/** The sentence every page ends with: whom to call when it hurts. */
export function safetyLine(input: HandoutInput): string {
  const phone = input.clinic.phone ?? input.therapist?.phone
  return `Stop and call ${phone ? `us at ${phone}` : 'your therapist'} if pain or other symptoms get worse.`
}

const footerName = (input: HandoutInput) =>
  `${input.patient.preferredName || input.patient.firstName} ${input.patient.lastName}`

/**
 * Space the footer needs at the foot of the page: the safety line beside the patient's name and the page number.
 * Estimated from the words like a card's columns (card-balance.ts), generously: a long name wraps, and the page's
 * bottom padding grows with it so the content never runs under the footer.
 */
export function footerReserve(input: HandoutInput, contentWidth: number): number {
  const size = FOOTER.size[input.layout]
  const text = wrappedLines(safetyLine(input), contentWidth * FOOTER.textShare, size * 1.1)
  const right = wrappedLines(footerName(input), contentWidth * (1 - FOOTER.textShare - 0.02), size) + 1
  return Math.ceil(FOOTER.bottom + FOOTER.padTop + Math.max(text, right) * size * 1.37 + 2)
}

/**
 * The footer on every page: the safety line only (the clinic's closing message is printed once, after the how-to:
 * in the footer it repeated on every page and could repeat the safety line itself). Given the page's number it
 * prints it as plain text; without, react-pdf fills it in with a render prop, which makes it lay the rest of the
 * document out again at every page break (slow).
 */
function Footer({ input, s, page }: { input: HandoutInput; s: Styles; page?: { number: number; total: number } }) {
  return (
    <View style={s.footer} fixed>
      <Text style={s.footerText}>{safetyLine(input)}</Text>
      <View style={s.footerRight}>
        {/* The patient's name on every page, so a sheet that comes loose still says whose it is. */}
        <Text style={s.footerName}>{footerName(input)}</Text>
        {page ? (
          <Text style={s.pageNo}>{`Page ${page.number} of ${page.total}`}</Text>
        ) : (
          <Text style={s.pageNo} render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
        )}
      </View>
    </View>
  )
}

/**
 * Everything a handout prints, as the blocks that follow one another down the pages. Both documents below are
 * built from these same elements, so they print the same thing wherever the page breaks fall.
 */
export interface HandoutParts {
  s: Styles
  size: 'A4' | 'LETTER'
  header: ReactElement
  goals: ReactElement | null
  /** The program at a glance: one block, kept whole (its rows are listed so a very long one can be continued). */
  glance: { title: ReactElement; head: ReactElement; rows: ReactElement[]; total: ReactElement }
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
  const { clinic, therapist, patient, program } = input
  const name = `${patient.firstName} ${patient.lastName}`
  const minutes = programMinutes(program.items.map((i) => i.dosage))
  const log = input.logDays > 0 ? logParts(input, s) : null
  // The last row of cards ends the section: space below it would only push an empty page out when it fills a page.
  const lastRow = program.items.length - 1
  const lastCard = { ...s, card: { ...s.card, marginBottom: 0 } }
  // Column widths of the summary; large print gives the titles more room so a row takes fewer 16 pt lines.
  const compact = input.layout === 'compact'
  const cols =
    input.layout === 'large'
      ? ['6%', '44%', '32%', '18%']
      : compact
        ? ['4%', '40%', '41%', '15%']
        : ['5%', '38%', '37%', '20%']
  return {
    s,
    size,
    header: (
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
    ),
    goals:
      program.title || program.goals ? (
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
      ) : null,
    glance: {
      // Compact puts the time in the heading, a line saved.
      title: (
        <Text key="glance-title" style={s.h2}>
          Your program at a glance
          {compact ? <Text style={{ fontWeight: 400 }}>{` (about ${minutes} minutes each time)`}</Text> : null}
        </Text>
      ),
      head: (
        <View key="glance-head" style={[s.glanceRow, s.glanceHead]} fixed={breakInside.has('glance')}>
          <Text style={{ width: cols[0] }}>#</Text>
          <Text style={{ width: cols[1], paddingRight: 8 }}>Exercise</Text>
          <Text style={{ width: cols[2], paddingRight: 8 }}>How much</Text>
          <Text style={{ width: cols[3] }}>How often</Text>
        </View>
      ),
      rows: program.items.map((item, i) => {
        const { amount, often } = dosageSummary(item.dosage)
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
          All together, about {minutes} minutes each time.
        </Text>
      ),
    },
    glanceBreaks: breakInside.has('glance'),
    introFirst: input.layout === 'large',
    howTo: (
      // Kept whole: split at a page break, it left an empty grey strip or a line or two on a page of their own.
      <View key="how-to" style={s.howTo} wrap={false}>
        {compact ? (
          <Text>
            {/* Run in, not on a line of its own: compact has no line to spare, and a rater missed a heading here. */}
            <Text style={{ fontWeight: 700 }}>How to use this sheet: </Text>
            Do the exercises in order, slowly, breathing normally.
            {pictureKey(program.items, compact)}
            {needed(program.items)}
            {input.logDays > 0
              ? ' At the end is a log: check off a box each time you finish an exercise, and bring it to your next visit.'
              : ''}{' '}
            {STOP_RULE}
            {input.clinic.closingMessage ? (
              <Text style={{ fontWeight: 700 }}> {input.clinic.closingMessage}</Text>
            ) : null}
          </Text>
        ) : (
          // Detailed and large print: a headed list, one point a line (a rater found the paragraph dense).
          <>
            <Text style={{ fontWeight: 700, marginBottom: 2 }}>How to use this sheet</Text>
            {[
              'Do the exercises in the order shown. Move slowly and breathe normally. Each exercise shows how to start, the steps, and how much to do.',
              pictureKey(program.items, compact).trim(),
              needed(program.items).trim(),
              input.logDays > 0
                ? 'At the end is a log: check off a box each time you finish an exercise, and bring it to your next visit.'
                : '',
              STOP_RULE,
            ]
              .filter(Boolean)
              .map((point) => (
                <View key={point} style={s.step}>
                  <Text style={s.stepNo}>•</Text>
                  <Text style={s.stepText}>{point}</Text>
                </View>
              ))}
          </>
        )}
      </View>
    ),
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

/** When to stop, in one wording wherever the handout says it (the footer adds who to call). */
export const STOP_RULE = 'Stop and call if anything hurts more than a mild stretch or effort.'

/**
 * How to read the pictures, said once on page 1: only the signs this handout's pictures use (a rater marked the
 * legend down as distracting for explaining a push arrow and a close-up box that appeared nowhere).
 */
export function pictureKey(items: readonly HandoutItem[], compact: boolean): string {
  const drawn = items.filter((i) => i.diagram && !i.image)
  if (!drawn.length) return ''
  const has = {
    hold: drawn.some((i) => pictureHold(i.dosage, i.diagram) !== undefined),
    push: drawn.some((i) => i.diagram!.props.some((p) => p.kind === 'push')),
    closeUp: drawn.some((i) => i.diagram!.detail),
  }
  if (compact) {
    const signs = [
      'an arrow is the movement',
      has.hold && 'a stopwatch means hold still',
      has.push && 'bars across an arrow mean push without moving',
      has.closeUp && 'a box is a close-up',
      'grey limbs are on the far side',
    ]
    return ` In the pictures, 1 is the start and 2 the finish; ${signs.filter(Boolean).join(', ')}.`
  }
  return [
    ' The pictures show numbered steps: 1 is where you start and 2 is where you finish, with an arrow for the movement.',
    has.hold ? ' A stopwatch means hold still.' : '',
    has.push ? ' An arrow with bars across it means push without moving.' : '',
    has.closeUp ? ' A box beside a picture is a close-up of a small part.' : '',
    ' Grey arms and legs are the ones on the far side of the body.',
  ].join('')
}

/** What the pictures show being used, in the words a patient would look for at home. */
const THINGS: Partial<Record<Prop['kind'], string>> = {
  mat: 'a mat or carpet on the floor',
  chair: 'a sturdy chair',
  wall: 'a clear wall',
  table: 'a table or kitchen counter',
  step: 'a stair or step',
  ball: 'a ball',
  pillow: 'a pillow',
  towel: 'a towel',
  band: 'an exercise band',
  weight: 'a light weight',
  'foam roll': 'a foam roll',
  stick: 'a stick or broom handle',
  marble: 'a few marbles',
  cup: 'a cup',
}

/** " You will need: a mat …, a pillow." from the props the pictures draw, so the patient can set up before starting. */
export function needed(items: readonly HandoutItem[]): string {
  const things = [
    ...new Set(
      items
        .flatMap((i) => (i.image ? [] : (i.diagram?.props ?? [])))
        .map((p) => THINGS[p.kind])
        .filter((t): t is string => Boolean(t)),
    ),
  ]
  return things.length ? ` You will need: ${things.join(', ')}.` : ''
}

/**
 * The key points once more after the last card, in a few plain lines (a patient reads the end of a handout too), with
 * the clinic's closing words (they were in the footer of every page).
 */
function Remember({ input, s, minutes }: { input: HandoutInput; s: Styles; minutes: number }) {
  const often = [...new Set(input.program.items.map((item) => dosageSummary(item.dosage).often))]
  const count = input.program.items.length
  const all = count === 1 ? 'this exercise' : `all ${count} exercises`
  const points = [
    often.length === 1 && often[0] !== '—'
      ? `Do ${all} ${often[0]!.toLowerCase()}: about ${minutes} minutes each time.`
      : `Do ${all} as often as each card says: about ${minutes} minutes each time.`,
    // The same rule in the same words as the how-to box on page 1 (a rater found three wordings of it, one hard to parse).
    `Move slowly and keep breathing. ${STOP_RULE}`,
    ...(input.logDays > 0
      ? ['Check off the log each time you finish an exercise, and bring it to your next visit.']
      : []),
  ]
  return (
    <View style={s.closing} wrap={false}>
      <Text style={s.label}>To remember</Text>
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

/** The program at a glance, or the part of it on one page. */
export const glanceBlock = (children: ReactElement[], key = 'glance', whole = true) => (
  <View key={key} wrap={!whole}>
    {children}
  </View>
)
/** The log's column: its title, the day headings and a row per exercise. */
export const logBlock = (children: ReactElement[], key = 'log', wrap = true) => (
  <View key={key} wrap={wrap}>
    {children}
  </View>
)
/**
 * A table of the log after the first, kept whole so its rows never go on over a page without their day headings
 * (unless it is taller than a page: `breakInside` has its id, 'log-table-1', …).
 */
export const logTable = (children: ReactElement[], key: string, whole = true) => (
  <View key={key} wrap={!whole}>
    {children}
  </View>
)

/** The log's blocks in order, its later tables each as one block (see logTable). */
export function logChildren(log: LogParts, breakInside: ReadonlySet<string> = new Set()): ReactElement[] {
  const ends = [...log.tableStarts, log.rows.length]
  return [
    log.title,
    log.intro,
    log.head,
    ...log.rows.slice(0, ends[0]),
    ...log.tableStarts.map((from, t) =>
      logTable(log.rows.slice(from, ends[t + 1]), `log-table-${t + 1}`, !breakInside.has(`log-table-${t + 1}`)),
    ),
  ]
}

export const documentProps = (input: HandoutInput) => {
  const name = `${input.patient.firstName} ${input.patient.lastName}`
  // Dated by the handout's own date, not the moment of rendering: the same handout renders to the same bytes, so a
  // reprint is the very file the patient was given.
  const creationDate = new Date(`${input.date}T12:00:00Z`)
  return {
    title: `Home exercise program for ${name}`,
    author: input.clinic.name,
    subject: input.program.title ?? 'Home exercise program',
    creator: 'Homeplan',
    producer: 'Homeplan',
    creationDate,
    modificationDate: creationDate,
  }
}

/**
 * The patient's handout as react-pdf lays it out by itself: header, program at a glance, one card per exercise
 * (never split across pages), optional tick-box log. Correct for any content, but react-pdf lays the rest of the
 * document out again at every page break, so it gets slow as handouts grow; see PagedHandoutDocument.
 */
export function HandoutDocument({ input, parts = handoutParts(input) }: { input: HandoutInput; parts?: HandoutParts }) {
  const { s, size, glance, log } = parts
  return (
    <Document {...documentProps(input)}>
      <Page size={size} style={s.page}>
        <View style={s.content}>
          {parts.header}
          {parts.goals}
          {parts.introFirst ? parts.howTo : null}
          {glanceBlock([glance.title, glance.head, ...glance.rows, glance.total], 'glance', !parts.glanceBreaks)}
          {parts.introFirst ? null : parts.howTo}
          {/* Cards sit directly on the page so the first one can start under the summary. */}
          {parts.cards}
          {parts.closing}
          {log && parts.logFollows ? logBlock(logChildren(log, parts.breakInside), 'log', false) : null}
        </View>
        <Footer input={input} s={s} />
      </Page>
      {log && !parts.logFollows ? (
        <Page size={size} style={s.page}>
          <View style={s.content}>{logBlock(logChildren(log, parts.breakInside))}</View>
          <Footer input={input} s={s} />
        </Page>
      ) : null}
    </Document>
  )
}

/** A page as planned (see paginate.ts): the blocks on it. */
export type PlannedPage = { content: ReactElement[] }

/**
 * The same handout with its page breaks decided beforehand (see paginate.ts): each page is its own react-pdf
 * page that it does not break again, and the footer prints its page number as plain text.
 */
export function PagedHandoutDocument({
  input,
  parts,
  pages,
  onRender,
}: {
  input: HandoutInput
  parts: HandoutParts
  pages: PlannedPage[]
  onRender?: (props: object) => void
}) {
  const { s, size } = parts
  // react-pdf sizes a page that does not wrap to its content; the minimum height keeps it a full sheet.
  const style = { ...s.page, minHeight: PAGE_SIZE[size][1] }
  const total = pages.length
  return (
    <Document {...documentProps(input)} onRender={onRender}>
      {pages.map((page, i) => (
        <Page key={i} size={size} style={style} wrap={false}>
          <View style={s.content}>{page.content}</View>
          <Footer input={input} s={s} page={{ number: i + 1, total }} />
        </Page>
      ))}
    </Document>
  )
}

/**
 * One planned page as a document of its own, exactly as PagedHandoutDocument prints it: the pages are rendered
 * one by one, kept, and put together (electron/services/handout/render.tsx), so an edit re-renders only its pages.
 */
export function SinglePageDocument({
  input,
  parts,
  content,
  number,
  total,
}: {
  input: HandoutInput
  parts: HandoutParts
  content: ReactElement[]
  number: number
  total: number
}) {
  const { s, size } = parts
  return (
    <Document {...documentProps(input)}>
      <Page size={size} style={{ ...s.page, minHeight: PAGE_SIZE[size][1] }} wrap={false}>
        <View style={s.content}>{content}</View>
        <Footer input={input} s={s} page={{ number, total }} />
      </Page>
    </Document>
  )
}

/** What a page's footer prints from the handout besides its number: part of a kept page's identity. */
export const footerText = (input: HandoutInput) => `${safetyLine(input)}|${footerName(input)}`
