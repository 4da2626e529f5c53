import { Alert, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { specPoses } from '../../diagrams/figure'
import { resolvePose } from '../../diagrams/placement'
import type { DiagramSpec } from '../../diagrams/spec'
import { DiagramView } from '../../components/DiagramView'
import { editPose, frameWord, type PoseEdit } from './pose-edit'
import { PoseAngles } from './PoseAngles'
import { PoseCanvas } from './PoseCanvas'
import { PoseProps } from './PoseProps'
import { PoseSettings } from './PoseSettings'
import { FRAME_KEYS } from './words'

export { newDiagram, withLabel } from './pose-edit'

/** The pose editor: base position, views, start and end keyframes in clinician terms, moving joints and props. */
export function PoseEditor({
  value: spec,
  onChange,
  name,
}: {
  value: DiagramSpec
  onChange: (spec: DiagramSpec) => void
  name: string
}) {
  const { t } = useTranslation('library')
  const [frame, setFrame] = useState(1)
  const pose = resolvePose(spec.base, spec.keyframes[frame] ?? {})
  const notes = useMemo(() => specPoses(spec).notes, [spec])
  const edit = (e: PoseEdit) => onChange(editPose(spec, e))

  return (
    <Paper withBorder p="sm" radius="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ flex: 1 }}>
              <PoseCanvas
                spec={spec}
                frame={frame}
                height={190}
                onChange={(keyframe) => edit({ type: 'keyframe', frame, keyframe })}
              />
              <Text size="xs" c="dimmed" ta="center">
                {t('pose.dragHint', { frame: t(FRAME_KEYS[frameWord(frame)]) })}
              </Text>
            </Stack>
          </Group>
          <DiagramView spec={spec} name={name || t('form.new')} height={120} animate />
          {notes.length > 0 && (
            <Alert color="yellow" icon={<IconAlertTriangle size={16} />} title={t('pose.outOfRange')}>
              {notes.map((n) => (
                <Text key={n} size="xs">
                  {n}
                </Text>
              ))}
            </Alert>
          )}
          <PoseSettings spec={spec} onEdit={edit} />
          <PoseProps spec={spec} onEdit={edit} />
        </Stack>
        <PoseAngles spec={spec} frame={frame} onFrame={setFrame} pose={pose} onEdit={edit} />
      </SimpleGrid>
    </Paper>
  )
}
