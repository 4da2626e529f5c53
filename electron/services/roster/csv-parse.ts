/**
 * Rows and columns of decoded CSV text, read by Papa Parse (kept here, in main: its types need Node's, which the
 * renderer's typecheck refuses).
 */
import Papa from 'papaparse'
import { CsvRefusal, type ParsedCsv } from '../../../src/core/csv-import'

const looksLikeData = (cell: string) =>
  /^\d{1,4}([./-]\d{1,2}){1,2}([./-]\d{1,4})?$/.test(cell) || /^[\d\s()+.-]+$/.test(cell) || /@/.test(cell)

/** Rows and columns of decoded CSV text; separators `,` `;` and tab are told apart by Papa Parse's guess. */
export function parseCsv(text: string, name: string): ParsedCsv {
  const result = Papa.parse<string[]>(text, {
    delimitersToGuess: [',', ';', '\t'],
    skipEmptyLines: 'greedy',
  })
  const separator = (result.meta.delimiter === ';' || result.meta.delimiter === '\t' ? result.meta.delimiter : ',') as
    ',' | ';' | '\t'
  const all = result.data
  const header = all[0]?.map((cell) => cell.trim()) ?? []
  if (header.length === 0 || header.every((cell) => cell === ''))
    throw new CsvRefusal(`${name} is empty: it has no header row naming the columns. Nothing was imported.`)
  const dataLike = header.find((cell) => cell !== '' && looksLikeData(cell))
  if (dataLike !== undefined)
    throw new CsvRefusal(
      `${name} has no header row: its first row holds data (“${dataLike}”) where column names such as “First name” or “Date of birth” should be. Add a header row and try again. Nothing was imported.`,
    )
  // Line numbers: Papa Parse gives none, so newlines are counted in the quoted text of each row as parsed.
  const lines: number[] = []
  let line = 1 + newlinesIn(all[0]!)
  const rows: string[][] = []
  for (const raw of all.slice(1)) {
    line += 1
    lines.push(line)
    line += newlinesIn(raw)
    rows.push(header.map((_, i) => unguarded((raw[i] ?? '').trim())))
  }
  return { columns: header, rows, separator, lines }
}

/** A cell Homeplan's own export guarded against formulas ('=SUM…) reads as it was written. */
const unguarded = (cell: string) => cell.replace(/^'(?=[=+\-@])/, '')

const newlinesIn = (row: string[]) => row.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0)
