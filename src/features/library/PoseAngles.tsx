import { Button, Chip, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { axialAngleWords, limbAngleWords } from '../../diagrams/angle-words'
import type { Pose } from '../../diagrams/skeleton'
import { LIMITS } from '../../diagrams/skeleton'
import { LABEL_MAX, type DiagramSpec } from '../../diagrams/spec'
import { AngleControl } from './AngleControl'
import {
  BASE_WORDS,
  baseBendsJoints,
  BODY_PARTS,
  bodyParts,
  frameWord,
  type BodyPart,
  type BodyPartAngles,
  type PoseEdit,
} from './pose-edit'

interface Props {
  spec: DiagramSpec
  /** The pose being edited: 0 the start, 1 the end. */
  frame: number
  onFrame: (frame: number) => void
  /** That pose with the base position's angles filled in, as drawn. */
  pose: Pose
  onEdit: (edit: PoseEdit) => void
}

/** The pose being edited, in clinician terms: which pose, the words under it, and the angles of one body part. */
export function PoseAngles({ spec, frame, onFrame, pose, onEdit }: Props) {
  const [part, setPart] = useState<BodyPart>('Right leg')
  const angles: BodyPartAngles = BODY_PARTS[part]
  const frameLabel = frameWord(frame)
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <SegmentedControl
          value={String(frame)}
          onChange={(v) => onFrame(Number(v))}
          data={[
            { value: '0', label: 'Start pose' },
            { value: '1', label: 'End pose' },
          ]}
          aria-label="Which pose to edit"
        />
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => onEdit({ type: 'copy-other-pose', frame })}>
            Copy the {frameWord(frame === 0 ? 1 : 0)} pose
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => onEdit({ type: 'reset-pose', frame })}>
            Reset the {frameLabel} pose
          </Button>
        </Group>
      </Group>
      <TextInput
        label={`Words under the ${frameLabel} picture`}
        description="What the drawing cannot show for sure, e.g. palm down"
        maxLength={LABEL_MAX}
        value={spec.labels?.[frame] ?? ''}
        onChange={(e) => onEdit({ type: 'label', frame, text: e.currentTarget.value })}
      />
      <Chip.Group value={part} onChange={(v) => setPart(v as BodyPart)}>
        <Group gap={6} role="radiogroup" aria-label="Body part">
          {bodyParts.map((g) => (
            <Chip key={g} value={g} size="xs" variant="outline">
              {g}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {angles.axial?.map((angle) => (
        <AngleControl
          key={angle}
          label={axialAngleWords(angle, pose[angle])}
          range={LIMITS[angle]}
          value={pose[angle]}
          onChange={(value) => onEdit({ type: 'axial', frame, angle, value })}
        />
      ))}
      {angles.side &&
        angles.limb?.map((angle) => (
          <AngleControl
            key={angle}
            label={limbAngleWords(angles.side!, angle, pose[angles.side!][angle])}
            range={LIMITS[angle]}
            value={pose[angles.side!][angle]}
            onChange={(value) => onEdit({ type: 'limb', frame, side: angles.side!, angle, value })}
          />
        ))}
      <Text size="xs" c="dimmed">
        Angles are from the {BASE_WORDS[spec.base].toLowerCase()} position
        {baseBendsJoints(spec.base) ? ' (which already bends some joints)' : ''}; you are editing the {frameLabel} pose.
      </Text>
    </Stack>
  )
}
