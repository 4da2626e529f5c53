/**
 * A size in plain words: "512 bytes", "4.2 KB", "38.5 MB", "1.2 GB" (1 KB = 1,024 bytes, as file managers count).
 * One decimal from KB up, so a small file never reads "0 KB".
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}
