import { z } from 'zod'
import { says } from '../i18n/say'

/**
 * A record's id (patients, programs, handouts, templates): what `randomUUID` makes, or older ids of the same
 * alphabet. The pattern keeps ids safe to use in file names (handout copies are `<id>.json`).
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{6,64}$/
export const id = z.string().regex(ID_PATTERN, says('record.id'))

/** A stored picture's file name: the SHA-256 of its bytes and its type, so a name can never point outside the folder. */
export const MEDIA_NAME = /^[0-9a-f]{64}\.(png|jpg)$/
export const mediaHash = z.string().regex(MEDIA_NAME, says('record.media'))
