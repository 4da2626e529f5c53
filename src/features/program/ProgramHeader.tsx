import { Anchor, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import type { Template } from '../../core/exercise'
import type { Patient } from '../../core/patient'
import type { ProgramDraft } from './draft'
import { WeeksSince } from './ChartBanner'
import { ExportControls } from './ExportControls'
import { exportBlocked } from './program-items'
import { TemplateControls } from './TemplateControls'

interface Props {
  patient: Patient
  programId: string | undefined
  draft: ProgramDraft
  onDraft: (draft: ProgramDraft) => void
  /** The draft's problems by place (see program-problems.ts). */
  problems: Map<string, string>
  dirty: boolean
  onTemplate: (template: Pick<Template, 'name' | 'items'>) => void
  onExported: () => void
  onSave: () => void
}

/** The program's title, goals and therapist, and what can be done with it: add a template, export, save. */
export function ProgramHeader({ patient, programId, draft, onDraft, problems, dirty, ...actions }: Props) {
  const { t } = useTranslation('program')
  const api = useApi()
  const [therapists, setTherapists] = useState<string[]>([])
  useEffect(
    () => void api.getSettings().then((r) => r.ok && setTherapists(r.value.therapists.map((t) => t.name))),
    [api],
  )
  return (
    <Group justify="space-between" mb="md" align="flex-end">
      <Stack gap={2}>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('header.programFor')}{' '}
            <Anchor href={hrefFor('patients', patient.id)} size="sm">
              {patient.firstName} {patient.lastName}
            </Anchor>
          </Text>
          <WeeksSince patient={patient} />
        </Group>
        {/* Text areas that grow, so a long title or goal shows in full (a title stays one line: Enter is refused). */}
        <Textarea
          aria-label={t('header.title')}
          error={problems.get('title')}
          value={draft.title}
          onChange={(e) => onDraft({ ...draft, title: e.currentTarget.value.replace(/\s*[\r\n]+\s*/g, ' ') })}
          onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          autosize
          minRows={1}
          size="md"
          w={420}
          styles={{ input: { fontWeight: 650 } }}
        />
        <Group gap="xs" mt={4} align="flex-start">
          <Textarea
            size="xs"
            w={300}
            autosize
            minRows={1}
            maxRows={4}
            aria-label={t('header.goals')}
            error={problems.get('goals')}
            placeholder={t('header.goalsPlaceholder')}
            value={draft.goals ?? ''}
            onChange={(e) => onDraft({ ...draft, goals: e.currentTarget.value || undefined })}
          />
          <Select
            size="xs"
            w={200}
            aria-label={t('header.therapist')}
            placeholder={t('header.therapist')}
            clearable
            data={[...new Set([...therapists, ...(draft.therapist ? [draft.therapist] : [])])]}
            value={draft.therapist ?? null}
            onChange={(v) => onDraft({ ...draft, therapist: v ?? undefined })}
          />
        </Group>
      </Stack>
      <Group gap="xs">
        <TemplateControls items={draft.items} onApply={actions.onTemplate} />
        <ExportControls
          patientId={patient.id}
          programId={programId}
          onExported={actions.onExported}
          blocked={exportBlocked(programId, dirty, draft.items.length, t)}
        />
        <Button leftSection={<IconDeviceFloppy size={18} />} onClick={actions.onSave} disabled={!dirty && !!programId}>
          {dirty || !programId ? t('header.save') : t('header.saved')}
        </Button>
      </Group>
    </Group>
  )
}
