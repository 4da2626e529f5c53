import { Alert, Anchor, Paper, Select, Stack, Text } from '@mantine/core'
import { IconClipboardList } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { PageHeader } from '../../app/PageHeader'
import { hrefFor, useRoute } from '../../app/routes'
import type { Patient } from '../../core/patient'
import { listName } from '../../core/names'
import { useRoster } from '../../app/roster-context'
import { loadDraft, type ProgramDraft } from './draft'
import { HandoutOptionsProvider } from './HandoutOptions'
import { dayIn } from '../../app/locale-dates'
import { ProgramBuilder } from './ProgramBuilder'

/** Without a patient: choose one. With one: the builder for a new program, or the one named in the address. */
export function ProgramPage() {
  const { t, i18n } = useTranslation('program')
  const api = useApi()
  const roster = useRoster()
  const [{ param: patientId, param2: programId }, go] = useRoute()
  const [patient, setPatient] = useState<Patient | null>()

  useEffect(() => {
    if (patientId) void api.getPatient({ id: patientId }).then((r) => setPatient(r.ok ? r.value : null))
  }, [api, patientId])

  if (!patientId) {
    const options = (roster.patients ?? [])
      .filter((p) => p.status !== 'archived')
      .map((p) => ({
        value: p.id,
        label: `${listName(p)}${p.chartNumber ? ` · ${p.chartNumber}` : ''}`,
      }))
    return (
      <>
        <PageHeader title={t('page.title')} subtitle={t('page.subtitle')} />
        <Paper withBorder radius="lg" p="xl" maw={560}>
          <Stack>
            <IconClipboardList size={36} color="var(--mantine-primary-color-filled)" />
            <Text fw={600}>{t('page.whoFor')}</Text>
            <Select
              aria-label={t('page.choosePatient')}
              placeholder={t('page.searchRoster')}
              searchable
              data={options}
              onChange={(id) => id && go('program', id)}
              nothingFoundMessage={t('page.noPatient')}
            />
            <Text size="sm" c="dimmed">
              {t('page.fromPatient')}
            </Text>
          </Stack>
        </Paper>
      </>
    )
  }
  if (patient === null)
    return (
      <Alert color="orange" title={t('page.patientNotFound')}>
        {t('page.notOnRoster')} <Anchor href={hrefFor('program')}>{t('page.chooseAnother')}</Anchor>
      </Alert>
    )
  if (!patient || patient.id !== patientId) return <Text c="dimmed">{t('page.loading')}</Text>
  const program = programId ? patient.programs.find((p) => p.id === programId) : undefined
  if (programId && !program)
    return (
      <Alert color="orange" title={t('page.programNotFound')}>
        {t('page.notInHistory', { name: patient.firstName })}{' '}
        <Anchor href={hrefFor('patients', patient.id)}>{t('page.openTheirPage')}</Anchor>
      </Alert>
    )

  const saved: ProgramDraft = program
    ? {
        title: program.title,
        ...(program.goals ? { goals: program.goals } : {}),
        ...(program.therapist ? { therapist: program.therapist } : {}),
        items: program.items,
      }
    : {
        title: t('page.defaultTitle', { date: dayIn(i18n.language, new Date().toISOString()) }),
        ...(patient.therapist ? { therapist: patient.therapist } : {}),
        items: [],
      }
  const draft = loadDraft(patient.id, programId)
  // One choice of layout, paper and log for the preview and Export PDF, starting as the clinic's.
  return (
    <HandoutOptionsProvider language={patient.handoutLanguage}>
      <ProgramBuilder
        key={`${patient.id}/${programId ?? 'new'}`}
        patient={patient}
        programId={programId}
        saved={saved}
        initial={
          draft
            ? {
                title: draft.title,
                ...(draft.goals ? { goals: draft.goals } : {}),
                ...(draft.therapist ? { therapist: draft.therapist } : {}),
                items: draft.items,
              }
            : saved
        }
        restoredAt={draft?.savedAt}
        onSaved={(next, id) => (setPatient(next), go('program', next.id, id))}
        onExported={() => void api.getPatient({ id: patient.id }).then((r) => r.ok && setPatient(r.value))}
      />
    </HandoutOptionsProvider>
  )
}
