import type { ReactElement } from 'react'
import { Document, Page, View } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../../src/core/handout-model'
import { Footer } from './footer'
import { glanceBlock } from './glance'
import { logBlock, logChildren } from './log-blocks'
import { PAGE_SIZE } from './page-size'
import { handoutT } from '../../../../src/i18n'
import { patientInFiles } from '../../../../src/core/names'
import { handoutParts, type HandoutParts } from './parts'

export const documentProps = (input: HandoutInput) => {
  const name = patientInFiles(input.patient, input.namesInFiles)
  // Dated by the handout's own date, not the moment of rendering: the same handout renders to the same bytes, so a
  // reprint is the very file the patient was given.
  const creationDate = new Date(`${input.date}T12:00:00Z`)
  const t = handoutT(input.language)
  return {
    title: t('document.title', { name }),
    author: input.clinic.name,
    subject: input.program.title ?? t('document.subject'),
    language: input.language,
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
 * one by one, kept, and put together (electron/services/handout/assemble-pages.tsx), so an edit re-renders only its
 * pages.
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
