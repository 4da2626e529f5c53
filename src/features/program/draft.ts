import type { ProgramItem } from '../../core/patient'
import { draftKey } from '../../app/draft-keys'

/** The part of a program the builder edits. */
export interface ProgramDraft {
  title: string
  goals?: string
  /** Who prescribes it (printed with their credentials). */
  therapist?: string
  items: ProgramItem[]
}

/**
 * Unsaved builder work is kept in this window's local storage (on this computer, in the app's own
 * profile) after every change, so closing the window or navigating away never loses it silently.
 */
const key = draftKey

export function loadDraft(
  patientId: string,
  programId: string | undefined,
): (ProgramDraft & { savedAt: string }) | undefined {
  try {
    const raw = window.localStorage.getItem(key(patientId, programId))
    return raw ? (JSON.parse(raw) as ProgramDraft & { savedAt: string }) : undefined
  } catch {
    return undefined
  }
}

export function saveDraft(patientId: string, programId: string | undefined, draft: ProgramDraft): void {
  window.localStorage.setItem(
    key(patientId, programId),
    JSON.stringify({ ...draft, savedAt: new Date().toISOString() }),
  )
}

export function clearDraft(patientId: string, programId: string | undefined): void {
  window.localStorage.removeItem(key(patientId, programId))
}

export const sameDraft = (a: ProgramDraft, b: ProgramDraft) =>
  a.title === b.title &&
  (a.goals ?? '') === (b.goals ?? '') &&
  (a.therapist ?? '') === (b.therapist ?? '') &&
  JSON.stringify(a.items) === JSON.stringify(b.items)
