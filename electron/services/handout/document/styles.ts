import { StyleSheet } from '@react-pdf/renderer'
import { FONT_STACK } from './fonts'

export type Layout = 'detailed' | 'compact' | 'large'

/** Black text and grey rules print cleanly in black and white; one dark teal accent that photocopies as dark grey. */
export const INK = '#111111'
export const MUTED = '#4a4a4a'
export const RULE = '#b8b8b8'
export const ACCENT = '#0b6e79'
export const PAPER_TINT = '#f2f4f5'

/** The footer's type size per layout and the share of the width its safety line takes (the rest: name and page). */
export const FOOTER = {
  size: { detailed: 9.5, compact: 9.5, large: 16 } as Record<Layout, number>,
  textShare: 0.66,
  bottom: 22,
  padTop: 5,
}

export function makeStyles(layout: Layout) {
  const large = layout === 'large'
  const body = large ? 16 : 11
  return StyleSheet.create({
    page: {
      fontFamily: FONT_STACK as unknown as string,
      fontSize: body,
      color: INK,
      paddingTop: 36,
      paddingHorizontal: 40,
      paddingBottom: large ? 80 : 56,
    },
    // No line height on the page or a wrapper: there it stops the fixed footer from rendering (react-pdf 4).
    content: {},
    header: {
      flexDirection: large ? 'column' : 'row',
      justifyContent: 'space-between',
      gap: large ? 8 : 0,
      borderBottomWidth: 1.5,
      borderBottomColor: INK,
      paddingBottom: 10,
      marginBottom: 12,
    },
    clinicBlock: { flexDirection: 'row', alignItems: 'center', maxWidth: large ? '100%' : '41%' },
    // Long lines (a therapist's or patient's name of up to 200 characters) wrap instead of running off the page;
    // wide enough that the title stays on one line. The two blocks add up to less than the width, so a long clinic
    // name wraps beside the title instead of running under it.
    headerText: { maxWidth: large ? '100%' : '57%' },
    logo: { width: 44, height: 44, objectFit: 'contain', marginRight: 8 },
    clinicName: { fontSize: large ? 17 : 13, fontWeight: 700 },
    small: { fontSize: large ? 16 : 8.5, color: MUTED },
    title: {
      fontSize: large ? 26 : 20,
      fontWeight: 700,
      textAlign: large ? 'left' : 'right',
      lineHeight: 1.15,
      marginBottom: 4,
    },
    meta: { fontSize: large ? 16 : 10.5, textAlign: large ? 'left' : 'right' },
    goals: { marginBottom: 10 },
    h2: { fontSize: large ? 19 : 13, fontWeight: 700, marginBottom: 4, color: INK },
    glanceRow: {
      flexDirection: 'row',
      borderBottomWidth: 0.5,
      borderBottomColor: RULE,
      paddingVertical: layout === 'compact' ? 1 : 2,
    },
    glanceHead: { fontWeight: 700, borderBottomWidth: 1, borderBottomColor: INK },
    howTo: {
      backgroundColor: PAPER_TINT,
      padding: layout === 'compact' ? 6 : 8,
      marginVertical: layout === 'compact' ? 6 : 10,
      borderRadius: 3,
      fontSize: large ? 16 : layout === 'compact' ? 10 : 11,
    },
    closing: { marginTop: 10, paddingTop: 2, borderTopWidth: 0.75, borderTopColor: RULE },
    card: {
      borderTopWidth: 1.5,
      borderTopColor: INK,
      paddingTop: 6,
      marginBottom: large ? 18 : 10,
      width: '100%',
    },
    cardTitle: { flexDirection: 'row', alignItems: 'center', marginBottom: 6 },
    number: {
      width: large ? 28 : 20,
      height: large ? 28 : 20,
      borderRadius: large ? 14 : 10,
      backgroundColor: ACCENT,
      color: '#ffffff',
      textAlign: 'center',
      fontWeight: 700,
      fontSize: large ? 16 : 11,
      paddingTop: large ? 3 : 2,
      marginRight: 8,
    },
    name: { fontSize: large ? 20 : layout === 'compact' ? 12.5 : 14, fontWeight: 700, flex: 1 },
    cardBody: { flexDirection: 'row' },
    figure: {
      width: layout === 'compact' ? '100%' : large ? 170 : 150,
      height: layout === 'compact' ? 64 : large ? 150 : 120,
      marginRight: layout === 'compact' ? 0 : 12,
      marginBottom: 6,
      backgroundColor: PAPER_TINT,
      borderRadius: 3,
      alignItems: 'center',
      justifyContent: 'center',
      padding: 6,
    },
    // Diagrams: a column beside the text, or across the card above it where a figure lying flat needs the width (picture-size.ts).
    diagram: { flexDirection: 'column', gap: 6, marginBottom: 6, alignItems: 'center', justifyContent: 'flex-start' },
    diagramPanel: { alignItems: 'center' },
    caption: { fontSize: large ? 16 : 9, color: INK, marginTop: 2, textAlign: 'center' },
    figureImage: { width: '100%', height: '100%', objectFit: 'contain' },
    figureText: { fontSize: large ? 16 : 9, color: MUTED, textAlign: 'center' },
    // The clinic's video (VideoBlock): sizes as in video-qr.ts videoTextSizes, which the card estimate uses.
    video: { marginTop: 6, alignItems: 'flex-start' },
    videoLabel: { fontSize: large ? 16 : 9, color: INK },
    videoLink: { fontSize: large ? 16 : 10, fontWeight: 700, color: INK },
    // In compact cards the text sits under the picture (a column): flex: 1 there would collapse it to no height.
    text: { flex: 1 },
    label: { fontWeight: 700, marginTop: 4 },
    runIn: { marginTop: 3 },
    step: { flexDirection: 'row', marginBottom: 1 },
    stepNo: { width: large ? 22 : 14, fontWeight: 700 },
    stepText: { flex: 1 },
    dose: { fontWeight: 700 },
    doseLine: { fontSize: large ? 16 : 8.5, color: MUTED },
    note: { marginTop: 4, padding: 5, borderLeftWidth: 2, borderLeftColor: ACCENT },
    footer: {
      position: 'absolute',
      left: 40,
      right: 40,
      bottom: FOOTER.bottom,
      borderTopWidth: 0.75,
      borderTopColor: RULE,
      paddingTop: FOOTER.padTop,
      flexDirection: 'row',
      justifyContent: 'space-between',
    },
    // The safety line is the one sentence on every page a patient must not miss: bold, in ink, never the smallest text.
    footerText: { fontSize: FOOTER.size[layout], fontWeight: 700, color: INK, width: `${FOOTER.textShare * 100}%` },
    footerRight: { width: `${(1 - FOOTER.textShare - 0.02) * 100}%`, alignItems: 'flex-end' },
    footerName: { fontSize: FOOTER.size[layout], textAlign: 'right' },
    pageNo: { fontSize: FOOTER.size[layout], fontWeight: 700, textAlign: 'right' },
  })
}
