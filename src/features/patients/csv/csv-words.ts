import type { TFunction } from 'i18next'
import type { CsvField, DateOrder, RosterCsvColumn } from '../../../core/csv-fields'
import type { RowPlan, SkipReason } from '../../../core/csv-import'

/** Catalogue keys of the CSV screens (static, so the catalogue test finds each one). */
export const fieldKey = {
  firstName: 'csv.field.firstName',
  lastName: 'csv.field.lastName',
  preferredName: 'csv.field.preferredName',
  dateOfBirth: 'csv.field.dateOfBirth',
  chartNumber: 'csv.field.chartNumber',
  phone: 'csv.field.phone',
  email: 'csv.field.email',
  condition: 'csv.field.condition',
  referringProvider: 'csv.field.referringProvider',
  therapist: 'csv.field.therapist',
  notes: 'csv.field.notes',
  memberId: 'csv.field.memberId',
  precautions: 'csv.field.precautions',
  status: 'csv.field.status',
  programs: 'csv.field.programs',
  lastProgram: 'csv.field.lastProgram',
} as const satisfies Record<RosterCsvColumn, string>

export const dateOrderKey = {
  ymd: 'csv.dates.ymd',
  mdy: 'csv.dates.mdy',
  dmy: 'csv.dates.dmy',
} as const satisfies Record<DateOrder, string>

const dateProblemKey = {
  format: 'csv.reason.dateFormat',
  'two-digit-year': 'csv.reason.dateTwoDigitYear',
  'not-a-date': 'csv.reason.dateNotReal',
  order: 'csv.reason.dateOrder',
} as const

/** Why a row is skipped, in the screen's language, naming the field and the value. */
export function reasonText(t: TFunction<'patients'>, reason: SkipReason): string {
  const field = 'field' in reason ? t(fieldKey[reason.field as CsvField]) : ''
  switch (reason.code) {
    case 'missing':
      return t('csv.reason.missing', { field })
    case 'invalid':
      return reason.field === 'dateOfBirth'
        ? t('csv.reason.dobRange', { value: reason.value })
        : t('csv.reason.invalid', { field, value: reason.value })
    case 'date':
      return t(dateProblemKey[reason.problem], { value: reason.value })
    case 'same-chart-in-file':
      return t('csv.reason.sameChartInFile', { value: reason.value, other: reason.otherLine })
    case 'same-person-in-file':
      return t('csv.reason.samePersonInFile', { other: reason.otherLine })
    case 'chart-taken':
      return t('csv.reason.chartTaken', { value: reason.value, holder: reason.holder })
    case 'unchanged':
      return t('csv.reason.unchanged', { holder: reason.holder })
  }
}

/** One dry-run row as the report lists it: "Row 4 · Ana Ruiz: chart number H-2 belongs to …". */
export function rowText(t: TFunction<'patients'>, row: RowPlan): string {
  const what =
    row.action === 'create'
      ? t('csv.dryRun.willCreate')
      : row.action === 'update'
        ? t('csv.dryRun.willUpdate', { fields: (row.changes ?? []).map((f) => t(fieldKey[f])).join(', ') })
        : reasonText(t, row.reason!)
  return t('csv.dryRun.row', { line: row.line, name: row.name, what })
}
