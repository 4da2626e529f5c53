import { Text, View } from '@react-pdf/renderer'
import type { HandoutInput } from '../../../../src/core/handout-model'
import { wrappedLines } from './card-balance'
import { handoutT } from '../../../../src/i18n'
import { FOOTER, type makeStyles } from './styles'

type Styles = ReturnType<typeof makeStyles>

/** The sentence every page ends with: whom to call when it hurts. */
export function safetyLine(input: HandoutInput): string {
  const phone = input.clinic.phone ?? input.therapist?.phone
  const t = handoutT(input.language)
  return phone ? t('footer.callUs', { phone }) : t('footer.callTherapist')
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
export function Footer({
  input,
  s,
  page,
}: {
  input: HandoutInput
  s: Styles
  page?: { number: number; total: number }
}) {
  const t = handoutT(input.language)
  return (
    <View style={s.footer} fixed>
      <Text style={s.footerText}>{safetyLine(input)}</Text>
      <View style={s.footerRight}>
        {/* The patient's name on every page, so a sheet that comes loose still says whose it is. */}
        <Text style={s.footerName}>{footerName(input)}</Text>
        {page ? (
          <Text style={s.pageNo}>{t('footer.page', page)}</Text>
        ) : (
          <Text
            style={s.pageNo}
            render={({ pageNumber, totalPages }) => t('footer.page', { number: pageNumber, total: totalPages })}
          />
        )}
      </View>
    </View>
  )
}

/** What a page's footer prints from the handout besides its number: part of a kept page's identity. */
export const footerText = (input: HandoutInput) => `${safetyLine(input)}|${footerName(input)}`
