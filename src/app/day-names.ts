import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Weekday } from '../core/dosage'

/** The catalogue's short name of each day (core's dayLabels are the handout's English words). */
const dayKeys = {
  mon: 'days.mon',
  tue: 'days.tue',
  wed: 'days.wed',
  thu: 'days.thu',
  fri: 'days.fri',
  sat: 'days.sat',
  sun: 'days.sun',
} as const satisfies Record<Weekday, string>

/** A day's short name in the screen's language: "Mon", "Lun". */
export function useDayNames(): (day: Weekday) => string {
  const { t } = useTranslation('app')
  return useCallback((day: Weekday) => t(dayKeys[day]), [t])
}
