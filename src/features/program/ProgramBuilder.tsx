import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core'
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { notifications } from '@mantine/notifications'
import { IconAlertCircle, IconClock, IconDeviceFloppy } from '@tabler/icons-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import type { Exercise, Template } from '../../core/exercise'
import type { Patient, ProgramItem } from '../../core/patient'
import { lastHandoutFor } from '../../core/program-changes'
import { ADHERENCE_WARNING_AFTER, programMinutes } from '../../core/program-time'
import { applyTemplate, TemplateError } from '../../core/template'
import { useLibrary } from '../library/library-context'
import { useRoster } from '../patients/roster-context'
import { ChangesNotice } from './ChangesNotice'
import { clearDraft, saveDraft, sameDraft, type ProgramDraft } from './draft'
import { ExercisePicker } from './ExercisePicker'
import { ExportControls } from './ExportControls'
import { HandoutPreview } from './HandoutPreview'
import { ProgramItemCard } from './ProgramItemCard'
import { firstProblem, problemsOf, problemUnder } from './program-problems'
import { TemplateControls } from './TemplateControls'

const newItemId = () => `item-${crypto.randomUUID()}`

/** Kept the same between renders: new options each render made every card render again (dnd-kit's context changed). */
const pointerOptions = { activationConstraint: { distance: 4 } }
const keyboardOptions = { coordinateGetter: sortableKeyboardCoordinates }

const screenReaderInstructions = {
  draggable:
    'To move this exercise, press Space. Use the up and down arrow keys to change its place, Space again to drop it, or Escape to cancel.',
}

function DropZone({ children }: { children: React.ReactNode }) {
  const { setNodeRef, isOver } = useDroppable({ id: 'program' })
  return (
    <Stack
      ref={setNodeRef}
      gap="sm"
      mih={160}
      p={4}
      style={{ borderRadius: 12, outline: isOver ? '2px dashed var(--mantine-primary-color-filled)' : undefined }}
    >
      {children}
    </Stack>
  )
}

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
  const api = useApi()
  const { byId } = useLibrary()
  const roster = useRoster()
  const [draft, setDraft] = useState<ProgramDraft>(initial)
  const [notice, setNotice] = useState(restoredAt)
  const [settingsTherapists, setSettingsTherapists] = useState<string[]>([])
  useEffect(
    () => void api.getSettings().then((r) => r.ok && setSettingsTherapists(r.value.therapists.map((t) => t.name))),
    [api],
  )
  const dirty = !sameDraft(draft, saved)
  const sensors = useSensors(useSensor(PointerSensor, pointerOptions), useSensor(KeyboardSensor, keyboardOptions))
  // The draft as last rendered, for callbacks that stay the same function (so the cards given them do not render again).
  const latest = useRef(draft)
  useEffect(() => void (latest.current = draft))

  // Every change is kept as a draft at once; leaving the window with unsaved work asks first.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) return void (first.current = false)
    if (dirty) saveDraft(patient.id, programId, draft)
    else clearDraft(patient.id, programId)
  }, [draft, dirty, patient.id, programId])
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const setItems = useCallback(
    (update: (items: ProgramItem[]) => ProgramItem[]) => setDraft((d) => ({ ...d, items: update(d.items) })),
    [],
  )
  const changeItem = useCallback(
    (id: string, change: (item: ProgramItem) => ProgramItem) =>
      setItems((items) => items.map((i) => (i.id === id ? change(i) : i))),
    [setItems],
  )
  const add = useCallback(
    (exercise: Exercise, at?: number) =>
      setItems((items) => {
        const item: ProgramItem = {
          id: newItemId(),
          exerciseId: exercise.id,
          dosage: structuredClone(exercise.defaultDosage),
        }
        const next = [...items]
        next.splice(at ?? items.length, 0, item)
        return next
      }),
    [setItems],
  )
  const remove = useCallback(
    (id: string) => {
      const index = latest.current.items.findIndex((i) => i.id === id)
      const item = latest.current.items[index]
      if (!item) return
      setItems((items) => items.filter((i) => i.id !== item.id))
      const notice = `removed-${item.id}`
      notifications.show({
        id: notice,
        message: (
          <Group justify="space-between">
            <Text size="sm">Removed {byId.get(item.exerciseId)?.name ?? item.exerciseId}.</Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => (
                setItems((items) => [...items.slice(0, index), item, ...items.slice(index)]),
                notifications.hide(notice)
              )}
            >
              Undo
            </Button>
          </Group>
        ),
        autoClose: 8000,
      })
    },
    [byId, setItems],
  )
  const applyChosen = (template: Pick<Template, 'name' | 'items'>) => {
    try {
      const items = applyTemplate(template, byId, newItemId)
      setItems((current) => [...current, ...items])
      notifications.show({
        color: 'teal',
        message: `Added the ${items.length} exercises of “${template.name}”. Adjust them for ${patient.firstName} as needed.`,
      })
    } catch (error) {
      if (error instanceof TemplateError) notifications.show({ color: 'red', message: error.message })
      else throw error
    }
  }
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over) return
    const fromLibrary = active.data.current?.['exerciseId'] as string | undefined
    if (fromLibrary) {
      const exercise = byId.get(fromLibrary)
      const at = draft.items.findIndex((i) => i.id === over.id)
      if (exercise) add(exercise, at < 0 ? undefined : at)
      return
    }
    if (active.id !== over.id) {
      setItems((items) =>
        arrayMove(
          items,
          items.findIndex((i) => i.id === active.id),
          items.findIndex((i) => i.id === over.id),
        ),
      )
    }
  }

  const save = async () => {
    // Checked here first so the message names the exercise and the field shows it, rather than a schema path.
    const problem = firstProblem(draft, (id) => byId.get(id)?.name)
    if (problem) return notifications.show({ color: 'red', message: `Not saved yet. ${problem}` })
    const items = draft.items.map((item) => {
      const steps = item.instructionOverride?.map((s) => s.trim()).filter(Boolean)
      const { instructionOverride: _o, ...rest } = item
      return steps?.length ? { ...rest, instructionOverride: steps } : rest
    })
    const extra = {
      ...(draft.goals?.trim() ? { goals: draft.goals } : {}),
      ...(draft.therapist ? { therapist: draft.therapist } : {}),
    }
    // A saved program names the revision it was opened at: if another window saved it since, the save is refused
    // and this draft stays as it is (kept locally) so nothing typed here is lost.
    const revision = patient.programs.find((p) => p.id === programId)?.revision
    const opened = programId && revision !== undefined ? { programId, revision } : {}
    const result = await api.saveProgram({
      patientId: patient.id,
      ...opened,
      program: { title: draft.title, status: 'current', ...extra, items },
    })
    if (!result.ok) return
    const savedProgram = programId
      ? result.value.programs.find((p) => p.id === programId)!
      : result.value.programs.at(-1)!
    clearDraft(patient.id, programId)
    notifications.show({
      color: 'teal',
      message: `Saved “${savedProgram.title}” to ${patient.firstName} ${patient.lastName}’s history.`,
    })
    await roster.refresh()
    onSaved(result.value, savedProgram.id)
  }

  // Screen readers hear exercise names and positions, not internal ids.
  const nameOf = (id: string | number) => {
    const item = draft.items.find((i) => i.id === id)
    const exerciseId = item?.exerciseId ?? String(id).replace(/^library:/, '')
    return byId.get(exerciseId)?.name ?? 'the exercise'
  }
  const position = (id: string | number | undefined) =>
    `position ${draft.items.findIndex((i) => i.id === id) + 1} of ${draft.items.length}`
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${nameOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over ? `${nameOf(active.id)} is over ${position(over.id)}.` : `${nameOf(active.id)} is not over the program.`,
    onDragEnd: ({ active, over }) =>
      over ? `${nameOf(active.id)} was dropped at ${position(over.id)}.` : `${nameOf(active.id)} was put back.`,
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  }
  const problems = useMemo(() => problemsOf(draft), [draft])
  const minutes = programMinutes(draft.items.map((i) => i.dosage))
  const therapists = settingsTherapists
  const exerciseName = useCallback((id: string) => byId.get(id)?.name, [byId])
  const addLast = useCallback((exercise: Exercise) => add(exercise), [add])
  // The same array while the same items are in the same order: a new one made every card render again.
  const idList = draft.items.map((i) => i.id).join('\n')
  const ids = useMemo(() => (idList ? idList.split('\n') : []), [idList])
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions }}
    >
      <Group justify="space-between" mb="md" align="flex-end">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            Program for{' '}
            <Anchor href={hrefFor('patients', patient.id)} size="sm">
              {patient.firstName} {patient.lastName}
            </Anchor>
          </Text>
          <TextInput
            aria-label="Program title"
            error={problems.get('title')}
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
            size="md"
            w={420}
            styles={{ input: { fontWeight: 650 } }}
          />
          <Group gap="xs" mt={4}>
            <TextInput
              size="xs"
              w={300}
              aria-label="Goals"
              error={problems.get('goals')}
              placeholder="Goals for the patient (optional), e.g. walk to the shops without pain"
              value={draft.goals ?? ''}
              onChange={(e) => setDraft({ ...draft, goals: e.currentTarget.value || undefined })}
            />
            <Select
              size="xs"
              w={200}
              aria-label="Prescribing therapist"
              placeholder="Prescribing therapist"
              clearable
              data={[...new Set([...therapists, ...(draft.therapist ? [draft.therapist] : [])])]}
              value={draft.therapist ?? null}
              onChange={(v) => setDraft({ ...draft, therapist: v ?? undefined })}
            />
          </Group>
        </Stack>
        <Group gap="xs">
          <TemplateControls items={draft.items} onApply={applyChosen} />
          <ExportControls
            patientId={patient.id}
            programId={programId}
            onExported={() => (void roster.refresh(), onExported?.())}
            blocked={
              !programId || dirty
                ? 'Save the program first: the handout prints the saved version.'
                : draft.items.length === 0
                  ? 'Add at least one exercise.'
                  : undefined
            }
          />
          <Button
            leftSection={<IconDeviceFloppy size={18} />}
            onClick={() => void save()}
            disabled={!dirty && !!programId}
          >
            {dirty || !programId ? 'Save program' : 'Saved'}
          </Button>
        </Group>
      </Group>
      <ChangesNotice printed={lastHandoutFor(patient.handouts, programId)} items={draft.items} nameOf={exerciseName} />
      {notice && (
        <Alert
          color="blue"
          mb="md"
          withCloseButton
          onClose={() => setNotice(undefined)}
          title="Your unsaved changes were kept"
        >
          They are from {new Date(notice).toLocaleString()}. Save the program to keep them, or
          <Button size="compact-xs" variant="subtle" onClick={() => (setDraft(saved), setNotice(undefined))}>
            discard them
          </Button>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <Paper withBorder radius="lg" p="sm">
            <Title order={3} size="h5" mb="xs">
              Exercise library
            </Title>
            <ExercisePicker onAdd={addLast} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 6 }}>
          <Group mb="xs" gap="sm">
            <Badge variant="light" size="lg" leftSection={<IconClock size={14} />}>
              About {minutes} min a session
            </Badge>
            <Text size="sm" c="dimmed">
              {draft.items.length} {draft.items.length === 1 ? 'exercise' : 'exercises'}
            </Text>
            {dirty && (
              <Text size="sm" c="orange">
                Unsaved changes (kept as a draft)
              </Text>
            )}
          </Group>
          {draft.items.length > ADHERENCE_WARNING_AFTER && (
            <Alert color="yellow" icon={<IconAlertCircle />} mb="sm">
              {draft.items.length} exercises is a lot to do at home. Patients tend to keep up better with a shorter
              program; consider the most important {ADHERENCE_WARNING_AFTER} or fewer.
            </Alert>
          )}
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <DropZone>
              {draft.items.length === 0 && (
                <Paper withBorder radius="lg" p="xl" ta="center" c="dimmed" style={{ borderStyle: 'dashed' }}>
                  Add exercises from the library: type a name and press Enter, click Add, or drag one here.
                </Paper>
              )}
              {draft.items.map((item, index) => (
                <ProgramItemCard
                  key={item.id}
                  item={item}
                  index={index}
                  exercise={byId.get(item.exerciseId)}
                  stepsProblem={problemUnder(problems, `items.${index}.instructionOverride`)}
                  notesProblem={problemUnder(problems, `items.${index}.notes`)}
                  onChange={changeItem}
                  onRemove={remove}
                />
              ))}
            </DropZone>
          </SortableContext>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <HandoutPreview patientId={patient.id} draft={draft} nameOf={exerciseName} />
        </Grid.Col>
      </Grid>
    </DndContext>
  )
}
