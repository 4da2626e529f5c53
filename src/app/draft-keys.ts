/**
 * Where the builder keeps unsaved work in this window's local storage (see features/program/draft.ts): one key per
 * patient and program. Shared here because deleting a patient (features/patients) must delete their drafts too.
 */
export const draftKey = (patientId: string, programId: string | undefined) =>
  `homeplan.draft.${patientId}.${programId ?? 'new'}`

/** Every draft of one patient's programs: a deleted patient's work must not stay behind on this computer. */
export function clearDraftsOf(patientId: string): void {
  const prefix = `homeplan.draft.${patientId}.`
  const keys: string[] = []
  for (let i = 0; i < window.localStorage.length; i++) {
    const k = window.localStorage.key(i)
    if (k?.startsWith(prefix)) keys.push(k)
  }
  for (const k of keys) window.localStorage.removeItem(k)
}
