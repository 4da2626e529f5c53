import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import type { Patient } from '../../core/patient'
import { useLibrary } from '../../app/library-context'
import { useRoster } from '../../app/roster-context'
import { clearDraft, type ProgramDraft } from './draft'
import { openedAt, programToSave } from './program-items'
import { firstProblem } from './program-problems'

/**
 * Saving the draft to the patient's history: checked here first so the message names the exercise and the field
 * shows it, rather than a schema path; on success the local draft is cleared, the roster refreshed and `onSaved`
 * told which program it became. A refused save (the api shows why) keeps the draft as it is.
 */
export function useSaveProgram(
  patient: Patient,
  programId: string | undefined,
  onSaved: (patient: Patient, programId: string) => void,
) {
  const { t } = useTranslation('program')
  const api = useApi()
  const { byId } = useLibrary()
  const roster = useRoster()
  return async (draft: ProgramDraft) => {
    const problem = firstProblem(draft, (id) => byId.get(id)?.name, t)
    if (problem) return notifications.show({ color: 'red', message: t('save.notSaved', { problem }) })
    const result = await api.saveProgram({
      patientId: patient.id,
      ...openedAt(patient, programId),
      program: programToSave(draft),
    })
    if (!result.ok) return
    const savedProgram = programId
      ? result.value.programs.find((p) => p.id === programId)!
      : result.value.programs.at(-1)!
    clearDraft(patient.id, programId)
    notifications.show({
      color: 'teal',
      message: t('save.saved', { title: savedProgram.title, firstName: patient.firstName, lastName: patient.lastName }),
    })
    await roster.refresh()
    onSaved(result.value, savedProgram.id)
  }
}
