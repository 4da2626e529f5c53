import { Center, Image, Stack, Text } from '@mantine/core'
import { IconStretching } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import type { Exercise } from '../../core/exercise'
import { DiagramView } from '../../components/DiagramView'
import { vocabWord } from './words'

interface Props {
  exercise: Exercise
  height?: number
  side?: 'left' | 'right'
  /** The full view: every diagram view and the movement animation. */
  detailed?: boolean
}

/** The exercise's own photo if it has one, else its diagram, else a quiet placeholder. */
export function ExerciseFigure({ exercise, height = 120, side, detailed }: Props) {
  const { t } = useTranslation('common')
  const api = useApi()
  const file = exercise.images[0]?.file
  const [src, setSrc] = useState<string>()
  useEffect(() => {
    if (file) void api.getMedia({ file }).then((r) => r.ok && setSrc(r.value))
  }, [api, file])
  if (file && src)
    return <Image src={src} h={height} fit="contain" radius="md" alt={exercise.images[0]?.caption ?? exercise.name} />
  if (exercise.diagram)
    return (
      <DiagramView
        spec={exercise.diagram}
        name={exercise.name}
        side={side}
        height={height}
        firstViewOnly={!detailed}
        animate={detailed}
      />
    )
  return (
    <Center
      h={height}
      bg="var(--mantine-color-default-hover)"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      aria-hidden
    >
      <Stack gap={2} align="center">
        <IconStretching size={Math.min(40, height / 3)} stroke={1.3} color="var(--mantine-color-dimmed)" />
        <Text size="xs" c="dimmed">
          {vocabWord(t, 'position', exercise.position)}
        </Text>
      </Stack>
    </Center>
  )
}
