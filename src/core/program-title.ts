/** The longest program title (see programInputSchema). */
export const PROGRAM_TITLE_MAX = 120

/**
 * The title of a copy: "Hip program (2)", or the next number not yet among `taken` ("Hip program (3)"); a copy of
 * "Hip program (2)" counts on from "Hip program". A long title is shortened so the number still fits.
 */
export function copyTitle(title: string, taken: readonly string[]): string {
  const base = title.replace(/ \(\d+\)$/, '').trim() || title
  const used = new Set(taken.map((t) => t.trim().toLowerCase()))
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`
    const candidate = `${base.slice(0, PROGRAM_TITLE_MAX - suffix.length).trimEnd()}${suffix}`
    if (!used.has(candidate.toLowerCase())) return candidate
  }
}
