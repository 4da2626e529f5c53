import { Alert, Badge, Button, Grid, Group, Paper, Text, Title } from '@mantine/core'
import { useHotkeys, useMediaQuery } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconAlertCircle, IconClock } from '@tabler/icons-react'
import { arrayMove } from '@dnd-kit/sortable'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Exercise, Template } from '../../core/exercise'
import type { Patient } from '../../core/patient'
import { lastHandoutFor } from '../../core/program-changes'
import { ADHERENCE_WARNING_AFTER, programMinutes } from '../../core/program-time'
import { applyTemplate, TemplateError } from '../../core/template'
import { useLibrary } from '../../app/library-context'
import { useRoster } from '../../app/roster-context'
import { focusCard } from './card-focus'
import { ChangesNotice } from './ChangesNotice'
import { ChartBanner } from './ChartBanner'
import type { ProgramDraft } from './draft'
import { ExercisePicker } from './ExercisePicker'
import { HandoutPreview } from './HandoutPreview'
import { momentIn } from '../../app/locale-dates'
import { newItemId } from './program-items'
import { problemsOf } from './program-problems'
import { ProgramDnd } from './ProgramDnd'
import { ProgramHeader } from './ProgramHeader'
import { ProgramItemList } from './ProgramItemList'
import { showRemoved } from './removed-notice'
import { useProgramDraft } from './use-program-draft'
import { useSaveProgram } from './use-save-program'
import { useNameInLanguage } from '../../app/use-name-in-language'

const shortcut = (name: string) => document.querySelector<HTMLElement>(`[data-shortcut="${name}"]`)
const clickShortcut = (name: string) => shortcut(name)?.click()
const focusShortcut = (name: string) => shortcut(name)?.focus()
const sticky = { position: 'sticky', top: 8, alignSelf: 'flex-start' } as const

interface Props {
  patient: Patient
  programId: string | undefined
  saved: ProgramDraft
  initial: ProgramDraft
  restoredAt?: string
  onSaved: (patient: Patient, programId: string) => void
  /** After an export: the patient's history has a new handout to compare with. */
  onExported?: () => void
}

/** The builder: pick exercises on the left, set this patient's dosage on the right, save to their history. */
export function ProgramBuilder({ patient, programId, saved, initial, restoredAt, onSaved, onExported }: Props) {
  const { t, i18n } = useTranslation('program')
  const { byId } = useLibrary()
  const roster = useRoster()
  const { draft, setDraft, dirty, setItems, changeItem, add, remove } = useProgramDraft({
    patientId: patient.id,
    programId,
    initial,
    saved,
  })
  const save = useSaveProgram(patient, programId, onSaved)
  const [notice, setNotice] = useState(restoredAt)

  const exerciseOf = useCallback((id: string) => byId.get(id), [byId])
  const nameIn = useNameInLanguage()
  const exerciseName = useCallback(
    (id: string) => {
      const exercise = byId.get(id)
      return exercise && nameIn(exercise)
    },
    [byId, nameIn],
  )
  const addLast = useCallback((exercise: Exercise) => void add(exercise), [add])
  const addAndDose = useCallback((exercise: Exercise) => focusCard(add(exercise)), [add])
  // In any field too: Ctrl/Cmd+S saves, +E opens Export PDF, +F goes back to the exercise search.
  useHotkeys(
    [
      // As the Save button: a saved program with no change is not saved again (no new revision for nothing).
      ['mod+S', () => (dirty || !programId) && void save(draft)],
      ['mod+E', () => clickShortcut('export')],
      ['mod+F', () => focusShortcut('find-exercise')],
    ],
    [],
  )
  const removeWithUndo = useCallback(
    (id: string) => {
      const removed = remove(id)
      if (removed) showRemoved(removed, byId.get(removed.item.exerciseId)?.name ?? removed.item.exerciseId, t)
    },
    [byId, remove, t],
  )
  const applyChosen = (template: Pick<Template, 'name' | 'items'>) => {
    try {
      const items = applyTemplate(template, byId, newItemId)
      setItems((current) => [...current, ...items])
      notifications.show({
        color: 'teal',
        message: t('builder.templateAdded', { count: items.length, name: template.name, patient: patient.firstName }),
      })
    } catch (error) {
      if (error instanceof TemplateError) notifications.show({ color: 'red', message: error.message })
      else throw error
    }
  }

  // The library and the preview stay in view while a long program scrolls, where they sit beside it.
  const md = useMediaQuery('(min-width: 62em)')
  const lg = useMediaQuery('(min-width: 75em)')
  const beside = md ? sticky : undefined
  const besideWide = lg ? sticky : undefined
  const problems = useMemo(() => problemsOf(draft), [draft])
  const minutes = programMinutes(draft.items.map((i) => i.dosage))
  return (
    <ProgramDnd items={draft.items} exerciseOf={exerciseOf} onAdd={add} setItems={setItems}>
      <ChartBanner patient={patient} />
      <ProgramHeader
        patient={patient}
        programId={programId}
        draft={draft}
        onDraft={setDraft}
        problems={problems}
        dirty={dirty}
        onTemplate={applyChosen}
        onExported={() => (void roster.refresh(), onExported?.())}
        onSave={() => void save(draft)}
      />
      <ChangesNotice printed={lastHandoutFor(patient.handouts, programId)} items={draft.items} nameOf={exerciseName} />
      {notice && (
        <Alert color="blue" mb="md" withCloseButton onClose={() => setNotice(undefined)} title={t('builder.keptTitle')}>
          {t('builder.keptFrom', { when: momentIn(i18n.language, notice) })}
          <Button size="compact-xs" variant="subtle" onClick={() => (setDraft(saved), setNotice(undefined))}>
            {t('builder.discard')}
          </Button>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }} style={beside}>
          <Paper withBorder radius="lg" p="sm">
            <Title order={3} size="h5" mb="xs">
              {t('builder.library')}
            </Title>
            <ExercisePicker onAdd={addLast} onAddByKey={addAndDose} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 6 }}>
          <Group mb="xs" gap="sm">
            {/* No estimate for an empty program: "About 1 min" would be a time for nothing. */}
            {draft.items.length > 0 && (
              <Badge variant="light" size="lg" leftSection={<IconClock size={14} />}>
                {t('builder.minutes', { minutes })}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {t('builder.exercises', { count: draft.items.length })}
            </Text>
            {dirty && (
              <Text size="sm" c="orange">
                {t('builder.unsaved')}
              </Text>
            )}
          </Group>
          {draft.items.length > ADHERENCE_WARNING_AFTER && (
            <Alert color="yellow" icon={<IconAlertCircle />} mb="sm">
              {t('builder.tooMany', { items: draft.items.length, max: ADHERENCE_WARNING_AFTER })}
            </Alert>
          )}
          <ProgramItemList
            items={draft.items}
            exerciseOf={exerciseOf}
            problems={problems}
            onChange={changeItem}
            onRemove={removeWithUndo}
            onMove={(from, to) => setItems((current) => arrayMove(current, from, to))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }} style={besideWide}>
          <HandoutPreview patientId={patient.id} draft={draft} nameOf={exerciseName} />
        </Grid.Col>
      </Grid>
    </ProgramDnd>
  )
}
