import type { TFunction } from 'i18next'
import { uiI18n } from '../../i18n/ui'

/** The program namespace's t, as useTranslation('program') gives it to a component. */
export type ProgramT = TFunction<'program'>

/**
 * The same t for code outside a component (a pop-up, a sentence built by a helper), always in the screens' current
 * language. A component passes its own, so it renders again when the language changes.
 */
export const programT: ProgramT = uiI18n.getFixedT(null, 'program')
