import { z } from 'zod'
import { say } from '../i18n/say'

/** Longest video link kept: a longer one makes a QR code too dense to scan from a printed page. */
export const VIDEO_URL_MAX = 300

/** Why a (trimmed) link cannot be printed, or undefined if it can. */
export function videoUrlProblem(url: string): string | undefined {
  if (!url) return say('video.empty')
  if (url.length > VIDEO_URL_MAX) return say('video.tooLong', { max: VIDEO_URL_MAX })
  if (!/^https?:\/\//i.test(url)) return say('video.scheme')
  if (/\s/.test(url)) return say('video.spaces')
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return say('video.invalid')
  }
  if (!parsed.hostname || (!parsed.hostname.includes('.') && parsed.hostname !== 'localhost'))
    return say('video.invalid')
  if (parsed.username || parsed.password) return say('video.login')
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
