/** A schema issue's path as people read it in a JSON file: `program.items[2].dosage.holdSeconds`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '')
}
