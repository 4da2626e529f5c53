import { Button, Chip, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { axialAngleWords, limbAngleWords } from '../../diagrams/angle-words'
import type { Pose } from '../../diagrams/skeleton'
import { LIMITS } from '../../diagrams/skeleton'
import { LABEL_MAX, type DiagramSpec } from '../../diagrams/spec'
import { AngleControl } from './AngleControl'
import {
  baseBendsJoints,
  BODY_PART_KEYS,
  BODY_PARTS,
  bodyParts,
  frameWord,
  type BodyPart,
  type BodyPartAngles,
  type PoseEdit,
} from './pose-edit'
import { BASE_KEYS, FRAME_KEYS } from './words'

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
  const { t, i18n } = useTranslation('library')
  const frameLabel = t(FRAME_KEYS[frameWord(frame)])
  const base = t(BASE_KEYS[spec.base]).toLocaleLowerCase(i18n.language)
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <SegmentedControl
          value={String(frame)}
          onChange={(v) => onFrame(Number(v))}
          data={[
            { value: '0', label: t('angles.start') },
            { value: '1', label: t('angles.end') },
          ]}
          aria-label={t('angles.which')}
        />
        <Group gap={4}>
          <Button size="compact-xs" variant="subtle" onClick={() => onEdit({ type: 'copy-other-pose', frame })}>
            {t('angles.copy', { frame: t(FRAME_KEYS[frameWord(frame === 0 ? 1 : 0)]) })}
          </Button>
          <Button size="compact-xs" variant="subtle" onClick={() => onEdit({ type: 'reset-pose', frame })}>
            {t('angles.reset', { frame: frameLabel })}
          </Button>
        </Group>
      </Group>
      <TextInput
        label={t('angles.words', { frame: frameLabel })}
        description={t('angles.wordsHint')}
        maxLength={LABEL_MAX}
        value={spec.labels?.[frame] ?? ''}
        onChange={(e) => onEdit({ type: 'label', frame, text: e.currentTarget.value })}
      />
      <Chip.Group value={part} onChange={(v) => setPart(v as BodyPart)}>
        <Group gap={6} role="radiogroup" aria-label={t('angles.bodyPart')}>
          {bodyParts.map((g) => (
            <Chip key={g} value={g} size="xs" variant="outline">
              {t(BODY_PART_KEYS[g])}
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
        {t(baseBendsJoints(spec.base) ? 'angles.fromBent' : 'angles.from', { base, frame: frameLabel })}
      </Text>
    </Stack>
  )
}
