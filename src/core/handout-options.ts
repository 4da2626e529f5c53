import { z } from 'zod'

/** How a handout is laid out: one card per exercise with a big picture, two to a row, or large print. */
export const handoutLayouts = ['detailed', 'compact', 'large'] as const
export const handoutLayoutSchema = z.enum(handoutLayouts)
export type HandoutLayout = z.infer<typeof handoutLayoutSchema>

export const paperSizes = ['letter', 'a4'] as const
export const paperSizeSchema = z.enum(paperSizes)
export type PaperSize = z.infer<typeof paperSizeSchema>

/**
 * How a patient is named where a handout shows up outside Homeplan (the suggested file name, the print job, the PDF's
 * Title that viewers and recent-file lists show): `initials` ("MG_Home-program_2026-12-03.pdf"), or `full` name.
 */
export const namesInFilesSchema = z.enum(['initials', 'full'])
export type NamesInFiles = z.infer<typeof namesInFilesSchema>

/** The names the controls show, in the order they are offered. */
export const layoutLabels: Record<HandoutLayout, string> = {
  detailed: 'Detailed',
  compact: 'Compact',
  large: 'Large print',
}
export const paperLabels: Record<PaperSize, string> = { letter: 'US Letter', a4: 'A4' }

/** A layout as a sentence says it: "large print", "compact". */
export const layoutWords = (layout: HandoutLayout): string => layoutLabels[layout].toLowerCase()
