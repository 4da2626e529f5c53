/**
 * Patients from another system's CSV export (issue 18): the bytes decoded, the rows parsed, the columns mapped to
 * patient fields, and a dry run that says for every row what an import would do and why. Plain TypeScript: the main
 * process runs it on the file the user chose; nothing here writes anything.
 */
import { say } from '../i18n/say'
import { csvFields, csvFieldSchema, type CsvField, type CsvMapping, type DateOrder } from './csv-fields'
import { chartKey, patientInputSchema, type Patient, type PatientInput } from './patient'
import { plainIssueMessage } from './issues'

/** The largest CSV read (a clinic's whole roster is a few MB; a larger file is something else). */
export const MAX_CSV_BYTES = 20 * 1024 * 1024

import type { CsvEncoding } from './csv-fields'

export { csvFields, csvFieldSchema, type CsvField, type CsvMapping, type DateOrder }

export class CsvRefusal extends Error {}

/** The text of a CSV file: a BOM says the encoding; else UTF-8 when the bytes are valid UTF-8; else Windows-1252. */
export function decodeCsv(bytes: Uint8Array, name: string): { text: string; encoding: CsvEncoding } {
  const [a, b, c] = bytes
  let encoding: CsvEncoding
  let start = 0
  if (a === 0xef && b === 0xbb && c === 0xbf) [encoding, start] = ['utf-8', 3]
  else if (a === 0xff && b === 0xfe) [encoding, start] = ['utf-16le', 2]
  else if (a === 0xfe && b === 0xff) [encoding, start] = ['utf-16be', 2]
  else encoding = isUtf8(bytes) ? 'utf-8' : 'windows-1252'
  const body = bytes.subarray(start)
  // A text file in a one-byte encoding has no NUL bytes; binary files (spreadsheets, images, PDFs) nearly always do.
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && body.subarray(0, 65536).includes(0))
    throw new CsvRefusal(say('csv.binary', { name }))
  const text = encoding === 'windows-1252' ? windows1252(body) : new TextDecoder(encoding).decode(body)
  // Control characters other than tab and line ends (a UTF-16 file's binary twin) mean it is no text either.
  // eslint-disable-next-line no-control-regex -- looking for exactly those characters
  if (/[\0-\x08\x0e-\x1f]/.test(text.slice(0, 65536))) throw new CsvRefusal(say('csv.control', { name }))
  return { text, encoding }
}

/** Windows-1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ), which Latin-1 lacks. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/**
 * Windows-1252 by its table: some TextDecoder builds (Node's among them) decode 'windows-1252' as Latin-1, which
 * turns Excel's curly apostrophe (0x92) into an invisible control character.
 */
function windows1252(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    text += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    )
  }
  return text
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** A CSV file's rows as parsed (see electron/services/roster/csv-parse.ts, where Papa Parse reads them). */
export interface ParsedCsv {
  columns: string[]
  /** The data rows (the header row left out), each as long as `columns`. */
  rows: string[][]
  separator: ',' | ';' | '\t'
  /** The line each data row starts on in the file (1 is the header), for messages that name a row. */
  lines: number[]
}

/** Header words (lower case, accents and punctuation folded) each field is known by, in English and Spanish. */
const headerWords: Record<CsvField, string[]> = {
  firstName: ['first name', 'firstname', 'first', 'given name', 'forename', 'nombre', 'nombres', 'primer nombre'],
  lastName: ['last name', 'lastname', 'last', 'surname', 'family name', 'apellido', 'apellidos'],
  preferredName: ['preferred name', 'nickname', 'goes by', 'nombre preferido', 'apodo'],
  dateOfBirth: [
    'dob',
    'date of birth',
    'birth date',
    'birthdate',
    'birthday',
    'born',
    'fecha de nacimiento',
    'nacimiento',
    'fecha nacimiento',
    'f nacimiento',
  ],
  chartNumber: [
    'mrn',
    'chart',
    'chart #',
    'chart number',
    'chart no',
    'medical record number',
    'patient id',
    'record number',
    'historia',
    'historia clinica',
    'n historia',
    'numero de historia',
    'expediente',
    'numero de expediente',
  ],
  phone: ['phone', 'telephone', 'phone number', 'mobile', 'cell', 'telefono', 'movil', 'celular'],
  email: ['email', 'e mail', 'email address', 'correo', 'correo electronico'],
  condition: ['condition', 'diagnosis', 'dx', 'problem', 'diagnostico', 'condicion', 'afeccion'],
  referringProvider: [
    'referring provider',
    'referred by',
    'referring physician',
    'referral',
    'medico remitente',
    'remitido por',
  ],
  therapist: ['therapist', 'clinician', 'provider', 'terapeuta', 'fisioterapeuta'],
  notes: ['notes', 'note', 'comments', 'notas', 'comentarios', 'observaciones'],
  memberId: [
    'member id',
    'member number',
    'insurance id',
    'subscriber id',
    'policy number',
    'numero de afiliado',
    'afiliado',
    'numero de poliza',
  ],
  precautions: ['precautions', 'contraindications', 'precauciones', 'contraindicaciones'],
}

/** A header as compared with the known words: lower case, no accents, `#` kept, other punctuation as spaces. */
export const headerKey = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()

const byWord = new Map<string, CsvField>(
  Object.entries(headerWords).flatMap(([field, words]) => words.map((w) => [headerKey(w), field as CsvField])),
)

/**
 * The mapping offered first: a column named as it was in the last import keeps the field chosen then (`saved`),
 * else a header known in English or Spanish gets its field. A field is given to one column only.
 */
export function guessMapping(columns: readonly string[], saved: Record<string, string> = {}): CsvMapping {
  const taken = new Set<string>()
  return columns.map((column) => {
    const key = headerKey(column)
    const remembered = saved[key]
    const field =
      remembered !== undefined && (remembered === '' || csvFieldSchema.safeParse(remembered).success)
        ? (remembered as CsvField | '')
        : (byWord.get(key) ?? byWord.get(key.replace(/ #$/, '')) ?? '')
    if (field === '' || taken.has(field)) return ''
    taken.add(field)
    return field
  })
}

/** The mapping as kept in settings for next time: header key -> field ('' for a column left out). */
export function mappingToSave(columns: readonly string[], mapping: CsvMapping): Record<string, CsvField | ''> {
  const saved: Record<string, CsvField | ''> = {}
  columns.forEach((column, i) => {
    const key = headerKey(column)
    if (key) saved[key] = mapping[i] ?? ''
  })
  return saved
}

const DATE = /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})$/

/**
 * How a date column is to be read, from its values: ISO dates are year first; a day over 12 in the first place
 * (25/03/1956) makes it day first, in the second (03/25/1956) month first; dots are day first. `ambiguous` when
 * nothing in the column tells (03/04/1956 and no day over 12 anywhere): the user then chooses.
 */
export function detectDateOrder(values: readonly string[]): DateOrder | 'ambiguous' | null {
  let slashes = false
  let firstOver12 = false
  let secondOver12 = false
  let seen = false
  let dots = false
  let iso = false
  for (const value of values) {
    const m = DATE.exec(value)
    if (!m) continue
    seen = true
    if (m[1]!.length === 4) {
      iso = true
      continue
    }
    if (m[2] === '.') dots = true
    else slashes = true
    if (Number(m[1]) > 12) firstOver12 = true
    if (Number(m[3]) > 12) secondOver12 = true
  }
  if (!seen) return null
  if (!slashes && !dots && iso) return 'ymd'
  if (firstOver12 && !secondOver12) return 'dmy'
  if (secondOver12 && !firstOver12) return 'mdy'
  if (dots && !slashes) return 'dmy'
  return 'ambiguous'
}

export type DateProblem = 'format' | 'two-digit-year' | 'not-a-date' | 'order'

/** A date as written in the file, read in `order`; a problem names what is wrong with it. */
export function readDate(value: string, order: DateOrder | null): { iso: string } | { problem: DateProblem } {
  const m = DATE.exec(value)
  if (!m) return { problem: 'format' }
  const [a, , b, c] = [m[1]!, m[2]!, m[3]!, m[4]!]
  let year: string, month: string, day: string
  if (a.length === 4) [year, month, day] = [a, b, c]
  else if (!order || order === 'ymd') return { problem: order ? 'format' : 'order' }
  else if (order === 'mdy') [month, day, year] = [a, b, c]
  else [day, month, year] = [a, b, c]
  if (year.length === 2) return { problem: 'two-digit-year' }
  if (year.length !== 4 || day.length > 2 || month.length > 2) return { problem: 'format' }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  const date = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso)) return { problem: 'not-a-date' }
  return { iso }
}

export type RowAction = 'create' | 'update' | 'skip'

/** Why a row is skipped, as a code the screen words in the user's language (with the field and value named). */
export type SkipReason =
  | { code: 'missing'; field: CsvField }
  | { code: 'invalid'; field: CsvField; value: string; message: string }
  | { code: 'date'; field: 'dateOfBirth'; value: string; problem: DateProblem }
  | { code: 'same-chart-in-file'; field: 'chartNumber'; value: string; otherLine: number }
  | { code: 'same-person-in-file'; otherLine: number }
  | { code: 'chart-taken'; field: 'chartNumber'; value: string; holder: string }
  | { code: 'unchanged'; holder: string }

export interface RowPlan {
  /** The line the row starts on in the file (the header is line 1). */
  line: number
  action: RowAction
  name: string
  /** The patient updated (`update`), or the one the row matched (`unchanged`). */
  patientId?: string
  reason?: SkipReason
  /** The fields an update changes. */
  changes?: CsvField[]
}

export interface CsvPlan {
  dateOrder: DateOrder | 'ambiguous' | null
  created: number
  updated: number
  skipped: number
  rows: RowPlan[]
}

/** What the dry run and the import need to know about a patient already on the roster. */
export type KnownPatient = Pick<Patient, 'id' | 'firstName' | 'lastName' | 'dateOfBirth' | 'chartNumber'>

const personKey = (first: string, last: string, dob: string | undefined) =>
  dob ? `${headerKey(first)}|${headerKey(last)}|${dob}` : ''

/** A refusal before any row is looked at: no first and last name column mapped. */
export function mappingProblem(mapping: CsvMapping): string | undefined {
  const missing = (['firstName', 'lastName'] as const).filter((f) => !mapping.includes(f))
  if (missing.length === 0) return undefined
  return missing.length === 2
    ? say('csv.needBoth')
    : missing[0] === 'firstName'
      ? say('csv.needFirst')
      : say('csv.needLast')
}

/**
 * The dry run: for each row, create (a new patient), update (a patient matched by chart number, else by first and
 * last name and date of birth) or skip, with the reason. `patientOf` builds the record an update or create would save;
 * the import applies exactly this plan.
 */
export function planCsv(
  parsed: Pick<ParsedCsv, 'rows' | 'lines'>,
  mapping: CsvMapping,
  existing: readonly KnownPatient[],
  options: {
    dateOrder?: DateOrder
    today: () => string
    /** The whole record of a matched patient, to tell what an update would change (a summary lacks the phone, …). */
    details?: (id: string) => Partial<Record<CsvField, string>> | undefined
  },
): CsvPlan & { inputs: (PatientInput | undefined)[] } {
  const dobColumn = mapping.indexOf('dateOfBirth')
  const detected = dobColumn < 0 ? null : detectDateOrder(parsed.rows.map((r) => r[dobColumn] ?? ''))
  const order = options.dateOrder ?? (detected === 'ambiguous' ? null : detected)
  const schema = patientInputSchema(options.today)
  const byChart = new Map(existing.filter((p) => p.chartNumber).map((p) => [chartKey(p.chartNumber), p]))
  const byPerson = new Map(
    existing.filter((p) => p.dateOfBirth).map((p) => [personKey(p.firstName, p.lastName, p.dateOfBirth), p]),
  )
  const chartLines = new Map<string, number>()
  const personLines = new Map<string, { line: number; chart: string }>()
  const rows: RowPlan[] = []
  const inputs: (PatientInput | undefined)[] = []
  const counts = { created: 0, updated: 0, skipped: 0 }
  parsed.rows.forEach((cells, i) => {
    const line = parsed.lines[i] ?? i + 2
    const values: Partial<Record<CsvField, string>> = {}
    mapping.forEach((field, column) => {
      if (field && cells[column]) values[field] = cells[column]
    })
    const name = [values.firstName, values.lastName].filter(Boolean).join(' ') || `(row ${line})`
    const skip = (reason: SkipReason, patientId?: string) => {
      rows.push({ line, action: 'skip', name, reason, patientId })
      inputs.push(undefined)
      counts.skipped += 1
    }
    let dob: string | undefined
    if (values.dateOfBirth) {
      const read = readDate(values.dateOfBirth, order)
      if ('problem' in read)
        return skip({ code: 'date', field: 'dateOfBirth', value: values.dateOfBirth, problem: read.problem })
      dob = read.iso
    }
    const raw = {
      firstName: values.firstName ?? '',
      lastName: values.lastName ?? '',
      preferredName: values.preferredName,
      dateOfBirth: dob,
      chartNumber: values.chartNumber,
      phone: values.phone,
      email: values.email,
      condition: values.condition,
      referringProvider: values.referringProvider,
      therapist: values.therapist,
      notes: values.notes,
      memberId: values.memberId,
      precautions: values.precautions,
    }
    if (!raw.firstName) return skip({ code: 'missing', field: 'firstName' })
    if (!raw.lastName) return skip({ code: 'missing', field: 'lastName' })
    const checked = schema.safeParse({
      ...raw,
      status: 'active',
      patientType: 'existing',
      appointment: { days: [], timesOfDay: [], coverage: null },
    })
    if (!checked.success) {
      const issue = checked.error.issues[0]!
      const field = String(issue.path[0]) as CsvField
      return skip({
        code: 'invalid',
        field,
        value: String(raw[field as keyof typeof raw] ?? ''),
        message: plainIssueMessage(issue),
      })
    }
    const input = Object.fromEntries(Object.entries(checked.data).filter(([, v]) => v !== undefined)) as PatientInput
    const chart = chartKey(input.chartNumber)
    if (chart) {
      const earlier = chartLines.get(chart)
      if (earlier !== undefined)
        return skip({ code: 'same-chart-in-file', field: 'chartNumber', value: input.chartNumber!, otherLine: earlier })
    }
    const person = personKey(input.firstName, input.lastName, input.dateOfBirth)
    // Two rows with the same name and birth date are one person, unless both carry chart numbers (then different).
    const earlier = person ? personLines.get(person) : undefined
    if (earlier && (!chart || !earlier.chart)) return skip({ code: 'same-person-in-file', otherLine: earlier.line })
    const byChartNumber = chart ? byChart.get(chart) : undefined
    // Name and birth date find a patient only when the chart numbers do not say it is someone else.
    const namesake = person ? byPerson.get(person) : undefined
    const byNameAndBirth =
      namesake && (!chart || !namesake.chartNumber || chartKey(namesake.chartNumber) === chart) ? namesake : undefined
    // A chart number names a patient only when the row could be that patient (same last name or birth date).
    const holder = byChartNumber
    if (
      holder &&
      ((byNameAndBirth && byNameAndBirth.id !== holder.id) ||
        (!byNameAndBirth &&
          headerKey(holder.lastName) !== headerKey(input.lastName) &&
          holder.dateOfBirth !== input.dateOfBirth))
    )
      return skip({
        code: 'chart-taken',
        field: 'chartNumber',
        value: input.chartNumber!,
        holder: `${holder.firstName} ${holder.lastName}`,
      })
    const match = byChartNumber ?? byNameAndBirth
    if (chart) chartLines.set(chart, line)
    if (person && !earlier) personLines.set(person, { line, chart })
    if (!match) {
      rows.push({ line, action: 'create', name })
      inputs.push(input)
      counts.created += 1
      return
    }
    const current = (options.details?.(match.id) ?? match) as Partial<Record<CsvField, string>>
    // A name spelt in other capitals or without accents is the same name: the roster's spelling is kept.
    const same = (f: CsvField) =>
      f === 'firstName' || f === 'lastName'
        ? headerKey(input[f]) === headerKey(current[f] ?? '')
        : f === 'chartNumber'
          ? chartKey(input[f]) === chartKey(current[f])
          : input[f] === current[f]
    const changes = csvFields.filter((f) => input[f] !== undefined && !same(f))
    if (changes.length === 0)
      return skip({ code: 'unchanged', holder: `${match.firstName} ${match.lastName}` }, match.id)
    rows.push({ line, action: 'update', name, patientId: match.id, changes })
    inputs.push(input)
    counts.updated += 1
  })
  return { dateOrder: detected, ...counts, rows, inputs }
}

/** The first rows as the mapping step previews them. */
export const PREVIEW_ROWS = 5
