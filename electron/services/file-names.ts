/** One part of a file name built from a person's name: no path separators, reserved characters or spaces. */
export function fileNamePart(value: string, fallback: string): string {
  return value.normalize('NFC').replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || fallback
}
