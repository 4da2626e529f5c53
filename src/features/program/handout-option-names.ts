import type { HandoutLayout, PaperSize } from '../../core/handout-options'
import type { ProgramT } from './program-t'

/** Each layout's and paper's name on screen (core's layoutLabels and paperLabels, in the screens' language). */
export const layoutNames = (t: ProgramT): Record<HandoutLayout, string> => ({
  detailed: t('options.detailed'),
  compact: t('options.compact'),
  large: t('options.large'),
})
export const paperNames = (t: ProgramT): Record<PaperSize, string> => ({
  letter: t('options.letter'),
  a4: t('options.a4'),
})
