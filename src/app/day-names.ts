import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Weekday } from '../core/dosage'

/**
 * A day's short name in the screen's language, as a label: "Mon", "Lun". The same words as the handout's day lists
 * (common:vocab.day), which write Spanish days in lower case mid-sentence; a label starts with a capital.
 */
export function useDayNames(): (day: Weekday) => string {
  const { t } = useTranslation('common')
  return useCallback(
    (day: Weekday) => {
      const name = t(`vocab.day.${day}`)
      return name[0]!.toUpperCase() + name.slice(1)
    },
    [t],
  )
}
