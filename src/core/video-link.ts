import { z } from 'zod'

/** Longest video link kept: a longer one makes a QR code too dense to scan from a printed page. */
export const VIDEO_URL_MAX = 300

export const VIDEO_URL_MESSAGES = {
  empty: 'Type the video’s web address, or use Remove to take the link off.',
  tooLong: `A video link can be at most ${VIDEO_URL_MAX} characters: use the short link your video site offers.`,
  scheme: 'Use a web address starting with https:// or http://',
  spaces: 'A web address has no spaces in it: copy the link from your browser’s address bar.',
  invalid: 'This is not a complete web address (for example https://yourclinic.com/videos/clamshells).',
  login: 'Leave the user name and password out of the link: patients’ phones would show them.',
} as const

/** Why a (trimmed) link cannot be printed, or undefined if it can. */
export function videoUrlProblem(url: string): string | undefined {
  if (!url) return VIDEO_URL_MESSAGES.empty
  if (url.length > VIDEO_URL_MAX) return VIDEO_URL_MESSAGES.tooLong
  if (!/^https?:\/\//i.test(url)) return VIDEO_URL_MESSAGES.scheme
  if (/\s/.test(url)) return VIDEO_URL_MESSAGES.spaces
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return VIDEO_URL_MESSAGES.invalid
  }
  if (!parsed.hostname || (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost'))
    return VIDEO_URL_MESSAGES.invalid
  if (parsed.username || parsed.password) return VIDEO_URL_MESSAGES.login
  return undefined
}

/**
 * A clinic's video for an exercise (library.json `videoLinks`, a handout item's `video`): an http(s) web address
 * of at most VIDEO_URL_MAX characters, surrounding spaces trimmed. Printed on the handout as a QR code and as text.
 */
export const videoUrlSchema = z
  .string()
  .trim()
  .superRefine((url, ctx) => {
    const problem = videoUrlProblem(url)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })

/** The link as a patient types it: without "https://" (browsers add it) and without a lone trailing slash. */
export const shortLink = (url: string) => url.replace(/^https:\/\//i, '').replace(/^([^/]+)\/$/, '$1')
