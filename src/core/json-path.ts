/** A schema issue's path as people read it in a JSON file: `program.items[2].dosage.holdSeconds`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '')
}

/**
 * Why JSON.parse refused `text`, as "line 3" at most: V8's own message quotes the text around the problem
 * ('Unexpected token … "astName": Garcia}"'), which must not reach a notice or the log when the text is patient data.
 */
export function jsonSyntaxLine(text: string, error: unknown): number | undefined {
  const at = /\bposition (\d+)/.exec(error instanceof Error ? error.message : '')
  return at ? text.slice(0, Number(at[1])).split('\n').length : undefined
}
