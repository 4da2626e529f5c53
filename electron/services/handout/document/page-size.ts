/** react-pdf's page sizes in points (width, height). */
export const PAGE_SIZE = { LETTER: [612, 792], A4: [595.28, 841.89] } as const
