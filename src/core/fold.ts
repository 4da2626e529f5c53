/** Letters that Unicode does not decompose into a base letter plus an accent. */
const SPECIAL: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th' }

/**
 * Lower case without accents, so "lukasiewicz" finds Łukasiewicz, "nguyen" finds Nguyễn and "sole" finds
 * "Sóleo". Used for every search and for ids made from names.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßæœıþ]/g, (c) => SPECIAL[c] ?? c)
}
