import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useApi } from '../../app/api-context'
import {
  bodyRegions,
  difficulties,
  equipmentKinds,
  exerciseInputSchema,
  exerciseTypes,
  positions,
  type Exercise,
  type ExerciseInput,
} from '../../core/exercise'
import { DosageEditor } from '../program/DosageEditor'
import { useLibrary } from './library-context'
import { newDiagram, PoseEditor } from './PoseEditor'

const options = (values: readonly string[]) =>
  values.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) }))
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** Create or edit one of your own exercises. Steps, tips and cautions are one per line. */
export function ExerciseForm({
  exercise,
  onClose,
  onSaved,
}: {
  exercise?: Exercise
  onClose: () => void
  onSaved: (e: Exercise) => void
}) {
  const api = useApi()
  const { refresh } = useLibrary()
  const [draft, setDraft] = useState<ExerciseInput>(() => {
    if (exercise) {
      const { id: _id, source: _source, videoUrl: _videoUrl, ...fields } = exercise
      return fields
    }
    return {
      name: '',
      aliases: [],
      regions: [],
      position: 'standing',
      type: 'strengthening',
      equipment: ['none'],
      difficulty: 'easy',
      steps: [],
      cues: [],
      cautions: [],
      defaultDosage: {},
      progressions: [],
      regressions: [],
      images: [],
    }
  })
  const [texts, setTexts] = useState({
    aliases: draft.aliases.join(', '),
    steps: draft.steps.join('\n'),
    cues: draft.cues.join('\n'),
    cautions: draft.cautions.join('\n'),
  })
  const [error, setError] = useState<{ field?: string; message: string }>()
  const set = <K extends keyof ExerciseInput>(key: K, value: ExerciseInput[K]) =>
    setDraft((d) => ({ ...d, [key]: value }))
  // Read the value at once: React clears currentTarget before a state updater runs.
  const text = (key: keyof typeof texts) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setTexts((t) => ({ ...t, [key]: value }))
  }
  const err = (field: string) => (error?.field === field ? error.message : undefined)

  const save = async () => {
    const input = {
      ...draft,
      aliases: texts.aliases
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      steps: lines(texts.steps),
      cues: lines(texts.cues),
      cautions: lines(texts.cautions),
    }
    const checked = exerciseInputSchema.safeParse(input)
    if (!checked.success) {
      const issue = checked.error.issues[0]!
      return setError({ field: String(issue.path[0]), message: issue.message })
    }
    const result = exercise
      ? await api.updateExercise({ id: exercise.id, exercise: checked.data })
      : await api.createExercise(checked.data)
    if (!result.ok) return setError({ field: result.error.field?.split('.').pop(), message: result.error.message })
    await refresh()
    onSaved(result.value)
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        <Text fw={700} size="lg">
          {exercise ? `Edit ${exercise.name}` : 'New exercise'}
        </Text>
      }
    >
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput
            label="Name"
            required
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={err('name')}
            data-autofocus
          />
          <TextInput label="Other names (comma-separated)" value={texts.aliases} onChange={text('aliases')} />
        </SimpleGrid>
        <TextInput
          label="Title for patients"
          description="What it is in plain words, printed before the name, e.g. “Lying on your side: knee lifts”"
          value={draft.plainTitle ?? ''}
          onChange={(e) => set('plainTitle', e.currentTarget.value || undefined)}
          error={err('plainTitle')}
          maxLength={80}
        />
        <SimpleGrid cols={4}>
          <MultiSelect
            label="Body regions"
            data={options(bodyRegions)}
            value={draft.regions}
            onChange={(v) => set('regions', v as ExerciseInput['regions'])}
            error={err('regions')}
          />
          <Select
            label="Position"
            data={options(positions)}
            value={draft.position}
            onChange={(v) => v && set('position', v as ExerciseInput['position'])}
            allowDeselect={false}
          />
          <Select
            label="Type"
            data={options(exerciseTypes)}
            value={draft.type}
            onChange={(v) => v && set('type', v as ExerciseInput['type'])}
            allowDeselect={false}
          />
          <Select
            label="Difficulty"
            data={options(difficulties)}
            value={draft.difficulty}
            onChange={(v) => v && set('difficulty', v as ExerciseInput['difficulty'])}
            allowDeselect={false}
          />
        </SimpleGrid>
        <MultiSelect
          label="Equipment"
          data={options(equipmentKinds)}
          value={draft.equipment}
          onChange={(v) => set('equipment', v as ExerciseInput['equipment'])}
          error={err('equipment')}
        />
        <Textarea
          label="Steps, one per line"
          description="Short, one action per step, in the words you would say to the patient."
          autosize
          minRows={4}
          value={texts.steps}
          onChange={text('steps')}
          error={err('steps')}
        />
        <SimpleGrid cols={2}>
          <Textarea label="Tips, one per line" autosize minRows={2} value={texts.cues} onChange={text('cues')} />
          <Textarea
            label="Cautions, one per line"
            autosize
            minRows={2}
            value={texts.cautions}
            onChange={text('cautions')}
          />
        </SimpleGrid>
        <Group justify="space-between">
          <Text fw={600} size="sm">
            Diagram
          </Text>
          {draft.diagram ? (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => {
                const { diagram: _d, ...rest } = draft
                setDraft(rest)
              }}
            >
              Remove the diagram
            </Button>
          ) : (
            <Button size="compact-sm" variant="light" onClick={() => set('diagram', newDiagram(draft.position))}>
              Add a diagram
            </Button>
          )}
        </Group>
        {draft.diagram ? (
          <PoseEditor value={draft.diagram} name={draft.name} onChange={(d) => set('diagram', d)} />
        ) : (
          <Text size="xs" c="dimmed">
            Pose a figure for the handout, or attach a photo after saving. Without either, the handout prints the
            starting position in words.
          </Text>
        )}
        <Text fw={600} size="sm">
          Usual dosage
        </Text>
        <DosageEditor value={draft.defaultDosage} onChange={(d) => set('defaultDosage', d)} />
        {error && !['name', 'regions', 'equipment', 'steps'].includes(error.field ?? '') && (
          <Text c="red" size="sm">
            {error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void save()}>{exercise ? 'Save changes' : 'Add exercise'}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
