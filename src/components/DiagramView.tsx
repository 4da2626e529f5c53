import { ActionIcon, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { figureFor } from '../diagrams/figure'
import { panelFor } from '../diagrams/panel'
import { FigureSvg } from '../diagrams/FigureSvg'
import type { DetailPart, DiagramSpec, View } from '../diagrams/spec'
import { resolvedViews } from '../diagrams/visibility'

interface Props {
  spec: DiagramSpec
  name: string
  /** The prescribed side: a diagram drawn for the other side is mirrored. */
  side?: 'left' | 'right'
  height: number
  /** Only the first view (thumbnails). */
  firstViewOnly?: boolean
  /** Offer the start-to-end animation. */
  animate?: boolean
}

const viewKey = {
  side: 'diagram.views.side',
  front: 'diagram.views.front',
  top: 'diagram.views.top',
  'three-quarter': 'diagram.views.three-quarter',
} as const satisfies Record<View, string>
const sideKey = { left: 'diagram.sides.left', right: 'diagram.sides.right' } as const
/** "with a close-up of the hand": a whole phrase per part, as languages put articles differently. */
const closeUpKey = {
  hand: 'diagram.closeUps.hand',
  wrist: 'diagram.closeUps.wrist',
  forearm: 'diagram.closeUps.forearm',
  ankle: 'diagram.closeUps.ankle',
  foot: 'diagram.closeUps.foot',
  neck: 'diagram.closeUps.neck',
  'shoulder blades': 'diagram.closeUps.shoulder blades',
  knee: 'diagram.closeUps.knee',
  'lower back': 'diagram.closeUps.lower back',
} as const satisfies Record<DetailPart, string>

/** An exercise diagram on screen: the numbered start and end frames, or the movement played back and forth. */
export function DiagramView({ spec, name, side, height, firstViewOnly, animate }: Props) {
  const views = firstViewOnly ? resolvedViews(spec).slice(0, 1) : resolvedViews(spec)
  const [playing, setPlaying] = useState(false)
  const { t } = useTranslation('app')
  const [at, setAt] = useState(0)
  useEffect(() => {
    if (!playing) return
    const started = performance.now()
    let frame = 0
    const tick = (now: number) => {
      // Two seconds each way, eased, like a patient doing the movement slowly.
      const phase = ((now - started) / 2000) % 2
      const x = phase < 1 ? phase : 2 - phase
      setAt((1 - Math.cos(Math.PI * x)) / 2)
      frame = requestAnimationFrame(tick)
    }
    frame = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(frame)
  }, [playing])
  // Thumbnails drop the empty canvas around the figure so it fills the space it has.
  const stills = useMemo(
    () => views.map((view) => ({ view, figure: panelFor(spec, view, { side }) })),
    [spec, side, views],
  )
  return (
    <Stack gap={4}>
      {/* Thumbnails sit on one paper-white panel, so trimmed figures of any shape line up (in dark mode too). */}
      <Group
        gap="xs"
        justify="center"
        wrap="nowrap"
        style={firstViewOnly ? { background: 'white', borderRadius: 6 } : undefined}
      >
        {stills.map(({ view, figure }) => (
          <FigureSvg
            key={view}
            figure={playing ? figureFor(spec, view, { side, at }) : figure}
            title={[
              name,
              t(viewKey[view]),
              side && t(sideKey[side]),
              spec.detail && view === views[0] && t(closeUpKey[spec.detail.part]),
            ]
              .filter(Boolean)
              .join(', ')}
            style={{ height, maxWidth: '100%', background: firstViewOnly ? undefined : 'white', borderRadius: 6 }}
          />
        ))}
      </Group>
      {animate && (
        <Group gap={6} justify="center">
          <Tooltip label={playing ? t('diagram.showStill') : t('diagram.play')}>
            <ActionIcon
              variant="light"
              aria-label={playing ? t('diagram.stop') : t('diagram.play')}
              onClick={() => setPlaying((p) => !p)}
            >
              {playing ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
            </ActionIcon>
          </Tooltip>
          <Text size="xs" c="dimmed">
            {playing ? t('diagram.moving') : t('diagram.legend')}
          </Text>
        </Group>
      )}
    </Stack>
  )
}
