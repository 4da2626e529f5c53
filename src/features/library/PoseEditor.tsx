import {
  ActionIcon,
  Alert,
  Button,
  Chip,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { axialAngleWords, jointWords, limbAngleWords } from '../../diagrams/angle-words'
import { specPoses } from '../../diagrams/figure'
import { BASE_POSE, resolvePose } from '../../diagrams/placement'
import { LIMITS } from '../../diagrams/skeleton'
import {
  axialAngleNames,
  basePositions,
  detailParts,
  LABEL_MAX,
  jointNames,
  propKinds,
  pushDirections,
  views,
  type AxialAngleName,
  type BasePosition,
  type DetailPart,
  type DiagramSpec,
  type Keyframe,
  type LimbAngleName,
  type Prop,
  type View,
} from '../../diagrams/spec'
import { chooseViews } from '../../diagrams/visibility'
import type { Exercise } from '../../core/exercise'
import { DiagramView } from './DiagramView'
import { PoseCanvas } from './PoseCanvas'

const BASE_FOR_POSITION: Record<Exercise['position'], BasePosition> = {
  standing: 'standing',
  sitting: 'sitting',
  supine: 'supine',
  prone: 'prone',
  'side-lying': 'side-lying-left',
  kneeling: 'half-kneeling',
  quadruped: 'quadruped',
}
const BASE_WORDS: Record<BasePosition, string> = {
  standing: 'Standing',
  sitting: 'Sitting on a chair',
  supine: 'Lying on the back',
  prone: 'Lying on the front',
  'side-lying-left': 'Lying on the left side',
  'side-lying-right': 'Lying on the right side',
  'half-kneeling': 'Half-kneeling (left foot forward)',
  'tall-kneeling': 'Kneeling upright',
  quadruped: 'On hands and knees',
}
const LEG = [
  'hipFlexion',
  'hipAbduction',
  'hipExternalRotation',
  'kneeFlexion',
  'ankleDorsiflexion',
  'ankleInversion',
  'toeFlexion',
] as const
const ARM = [
  'scapulaElevation',
  'scapulaRetraction',
  'shoulderFlexion',
  'shoulderAbduction',
  'shoulderExternalRotation',
  'elbowFlexion',
  'forearmPronation',
  'wristExtension',
  'fingerFlexion',
  'fingerSpread',
] as const
const GROUPS = {
  'Trunk & neck': { axial: axialAngleNames as readonly AxialAngleName[] },
  'Right leg': { side: 'right', limb: LEG },
  'Left leg': { side: 'left', limb: LEG },
  'Right arm': { side: 'right', limb: ARM },
  'Left arm': { side: 'left', limb: ARM },
} as const satisfies Record<
  string,
  { axial?: readonly AxialAngleName[]; side?: 'left' | 'right'; limb?: readonly LimbAngleName[] }
>
type GroupName = keyof typeof GROUPS

/** A new diagram for an exercise in this position: start and end both in the base pose, views chosen from the movement. */
export function newDiagram(position: Exercise['position']): DiagramSpec {
  return { base: BASE_FOR_POSITION[position], keyframes: [{}, {}], moving: [], props: [] }
}

const PROP_NEEDS_JOINT = new Set<Prop['kind']>([
  'wall',
  'table',
  'step',
  'ball',
  'pillow',
  'towel',
  'foam roll',
  'weight',
  'band',
  'push',
  'marble',
  'cup',
])

interface AngleProps {
  label: string
  range: [number, number]
  value: number
  onChange: (v: number) => void
}

/** A slider within the usual range, and a box that takes any number (out-of-range values are drawn clamped, with a note). */
function AngleControl({ label, range, value, onChange }: AngleProps) {
  return (
    <Stack gap={2}>
      <Text size="sm">{label}</Text>
      <Group gap="xs" wrap="nowrap">
        <Slider
          style={{ flex: 1 }}
          min={range[0]}
          max={range[1]}
          step={5}
          value={Math.min(range[1], Math.max(range[0], value))}
          onChange={onChange}
          label={(v) => `${v}°`}
          aria-label={label}
        />
        <NumberInput
          w={78}
          size="xs"
          min={-180}
          max={180}
          value={value}
          suffix="°"
          aria-label={`${label} (number)`}
          onChange={(v) => typeof v === 'number' && onChange(v)}
        />
      </Group>
    </Stack>
  )
}

/** The spec with `text` under pose `frame`; no labels at all once every one is empty. */
export function withLabel(spec: DiagramSpec, frame: number, text: string): DiagramSpec {
  const labels = spec.keyframes.map((_, i) => (i === frame ? text : (spec.labels?.[i] ?? '')))
  const { labels: _old, ...rest } = spec
  return labels.some((l) => l.trim()) ? { ...rest, labels } : rest
}

/** The pose editor: base position, views, start and end keyframes in clinician terms, moving joints and props. */
export function PoseEditor({
  value,
  onChange: report,
  name,
}: {
  value: DiagramSpec
  onChange: (spec: DiagramSpec) => void
  name: string
}) {
  // Declared supports were checked against the built-in drawing; once the diagram is edited they no longer hold.
  const onChange = (next: DiagramSpec) => {
    const { supports: _checked, ...rest } = next
    report(rest)
  }
  const [frame, setFrame] = useState(1)
  const [group, setGroup] = useState<GroupName>('Right leg')
  const [newProp, setNewProp] = useState<{ kind: Prop['kind'] | null; at: string | null; toward?: string | null }>({
    kind: null,
    at: null,
  })
  const spec = value
  const pose = resolvePose(spec.base, spec.keyframes[frame] ?? {})
  const notes = useMemo(() => specPoses(spec).notes, [spec])
  const frameLabel = frame === 0 ? 'start' : 'end'

  const setKeyframe = (next: Keyframe) =>
    onChange({ ...spec, keyframes: spec.keyframes.map((k, i) => (i === frame ? next : k)) })
  const setAxial = (key: AxialAngleName, v: number) => setKeyframe({ ...spec.keyframes[frame], [key]: v })
  const setLimb = (side: 'left' | 'right', key: LimbAngleName, v: number) => {
    const k = spec.keyframes[frame] ?? {}
    setKeyframe({ ...k, [side]: { ...k[side], [key]: v } })
  }
  const g = GROUPS[group] as {
    axial?: readonly AxialAngleName[]
    side?: 'left' | 'right'
    limb?: readonly LimbAngleName[]
  }
  const jointOptions = jointNames.map((j) => ({ value: j, label: jointWords(j) }))

  return (
    <Paper withBorder p="sm" radius="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={2} style={{ flex: 1 }}>
              <PoseCanvas spec={spec} frame={frame} height={190} onChange={setKeyframe} />
              <Text size="xs" c="dimmed" ta="center">
                The {frameLabel} pose: drag a dot, or use the sliders
              </Text>
            </Stack>
          </Group>
          <DiagramView spec={spec} name={name || 'New exercise'} height={120} animate />
          {notes.length > 0 && (
            <Alert color="yellow" icon={<IconAlertTriangle size={16} />} title="Drawn within the usual range">
              {notes.map((n) => (
                <Text key={n} size="xs">
                  {n}
                </Text>
              ))}
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <Select
              label="Figure position"
              data={basePositions.map((b) => ({ value: b, label: BASE_WORDS[b] }))}
              value={spec.base}
              allowDeselect={false}
              onChange={(b) => b && onChange({ ...spec, base: b as BasePosition })}
            />
            <MultiSelect
              label="Views (up to 2)"
              description="Leave empty to use the views that show the movement best"
              placeholder={`Automatic: ${chooseViews(spec).join(', ')}`}
              data={views.map((v) => ({ value: v, label: v }))}
              value={spec.views ?? []}
              maxValues={2}
              onChange={(v) => {
                const { views: _v, ...rest } = spec
                onChange(v.length ? { ...rest, views: v as View[] } : rest)
              }}
            />
            <Select
              label="Drawn for side"
              description="Handouts mirror it for the other side"
              data={[
                { value: 'none', label: 'Both / not one-sided' },
                { value: 'right', label: 'Right' },
                { value: 'left', label: 'Left' },
              ]}
              value={spec.side ?? 'none'}
              allowDeselect={false}
              onChange={(s) => {
                const { side: _s, ...rest } = spec
                onChange(s === 'left' || s === 'right' ? { ...rest, side: s } : rest)
              }}
            />
            <MultiSelect
              label="Arrow follows (up to 2)"
              data={jointOptions}
              value={spec.moving}
              maxValues={2}
              searchable
              onChange={(m) => onChange({ ...spec, moving: m as DiagramSpec['moving'] })}
            />
            <Select
              label="Zoomed detail"
              description="A close-up of a small part, start and end"
              data={[{ value: 'none', label: 'None' }, ...detailParts.map((d) => ({ value: d, label: d }))]}
              value={spec.detail?.part ?? 'none'}
              allowDeselect={false}
              onChange={(d) => {
                const { detail: _d, ...rest } = spec
                onChange(d && d !== 'none' ? { ...rest, detail: { part: d as DetailPart } } : rest)
              }}
            />
            <Select
              label="Drawn as"
              description="Numbered frames suit whole-body moves; an outline can suit a small arc of one limb"
              data={[
                { value: 'frames', label: 'Start and end frames' },
                { value: 'overlay', label: 'Start as an outline under the end' },
              ]}
              value={spec.display ?? 'frames'}
              allowDeselect={false}
              onChange={(d) => {
                const { display: _d, ...rest } = spec
                onChange(d === 'overlay' ? { ...rest, display: 'overlay' } : rest)
              }}
            />
            <Select
              label="Camera height"
              description="For side and front views: from above shows a lying body's arms and legs spread out"
              data={[
                { value: 'auto', label: 'Automatic' },
                { value: '0', label: 'Level' },
                { value: '25', label: 'A little above' },
                { value: '45', label: 'Well above' },
                { value: '60', label: 'High above' },
              ]}
              value={spec.elevation === undefined ? 'auto' : String(spec.elevation)}
              allowDeselect={false}
              onChange={(e) => {
                const { elevation: _e, ...rest } = spec
                onChange(e && e !== 'auto' ? { ...rest, elevation: Number(e) } : rest)
              }}
            />
          </SimpleGrid>
          <Text fw={600} size="sm" mt={4}>
            Props
          </Text>
          {spec.props.map((p, i) => (
            <Group key={i} gap="xs">
              <Text size="sm">
                {p.kind}
                {'at' in p && p.at ? ` at ${jointWords(p.at)}` : ''}
                {'from' in p ? ` from ${jointWords(p.from)}` : ''}
                {'toward' in p ? `, toward ${p.toward}` : ''}
              </Text>
              <Tooltip label="Remove this prop">
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${p.kind}`}
                  onClick={() => onChange({ ...spec, props: spec.props.filter((_, j) => j !== i) })}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Group gap="xs" align="flex-end">
            <Select
              size="xs"
              w={120}
              label="Add a prop"
              placeholder="Kind"
              data={[...propKinds]}
              value={newProp.kind}
              onChange={(k) => setNewProp((p) => ({ ...p, kind: k as Prop['kind'] | null }))}
            />
            <Select
              size="xs"
              w={150}
              label="Placed at"
              placeholder={newProp.kind && PROP_NEEDS_JOINT.has(newProp.kind) ? 'Body part' : 'Not needed'}
              data={jointOptions}
              searchable
              clearable
              value={newProp.at}
              onChange={(at) => setNewProp((p) => ({ ...p, at }))}
            />
            {newProp.kind === 'push' && (
              <Select
                size="xs"
                w={110}
                label="Pushes toward"
                data={[...pushDirections]}
                allowDeselect={false}
                value={newProp.toward ?? 'front'}
                onChange={(toward) => setNewProp((p) => ({ ...p, toward }))}
              />
            )}
            <Button
              size="xs"
              variant="light"
              disabled={spec.props.length >= 6 || !newProp.kind || (PROP_NEEDS_JOINT.has(newProp.kind) && !newProp.at)}
              onClick={() => {
                const { kind, at, toward } = newProp
                if (!kind) return
                const prop = (
                  kind === 'stick'
                    ? { kind, from: 'leftHand', to: 'rightHand' }
                    : kind === 'band'
                      ? { kind, from: at }
                      : kind === 'mat'
                        ? { kind }
                        : kind === 'push'
                          ? { kind, at, toward: toward ?? 'front' }
                          : kind === 'chair'
                            ? at
                              ? { kind, at }
                              : { kind }
                            : { kind, at }
                ) as Prop
                onChange({ ...spec, props: [...spec.props, prop] })
                setNewProp({ kind: null, at: null })
              }}
            >
              Add
            </Button>
          </Group>
        </Stack>
        <Stack gap="xs">
          <Group justify="space-between">
            <SegmentedControl
              value={String(frame)}
              onChange={(v) => setFrame(Number(v))}
              data={[
                { value: '0', label: 'Start pose' },
                { value: '1', label: 'End pose' },
              ]}
              aria-label="Which pose to edit"
            />
            <Group gap={4}>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setKeyframe(structuredClone(spec.keyframes[frame === 0 ? 1 : 0] ?? {}))}
              >
                Copy the {frame === 0 ? 'end' : 'start'} pose
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setKeyframe({})}>
                Reset the {frameLabel} pose
              </Button>
            </Group>
          </Group>
          <TextInput
            label={`Words under the ${frameLabel} picture`}
            description="What the drawing cannot show for sure, e.g. palm down"
            maxLength={LABEL_MAX}
            value={spec.labels?.[frame] ?? ''}
            onChange={(e) => onChange(withLabel(spec, frame, e.currentTarget.value))}
          />
          <Chip.Group value={group} onChange={(v) => setGroup(v as GroupName)}>
            <Group gap={6} role="radiogroup" aria-label="Body part">
              {Object.keys(GROUPS).map((g) => (
                <Chip key={g} value={g} size="xs" variant="outline">
                  {g}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {g.axial?.map((key) => (
            <AngleControl
              key={key}
              label={axialAngleWords(key, pose[key])}
              range={LIMITS[key]}
              value={pose[key]}
              onChange={(v) => setAxial(key, v)}
            />
          ))}
          {g.side &&
            g.limb?.map((key) => (
              <AngleControl
                key={key}
                label={limbAngleWords(g.side!, key, pose[g.side!][key])}
                range={LIMITS[key]}
                value={pose[g.side!][key]}
                onChange={(v) => setLimb(g.side!, key, v)}
              />
            ))}
          <Text size="xs" c="dimmed">
            Angles are from the {BASE_WORDS[spec.base].toLowerCase()} position
            {JSON.stringify(BASE_POSE[spec.base]) === JSON.stringify(BASE_POSE.standing)
              ? ''
              : ' (which already bends some joints)'}
            ; you are editing the {frameLabel} pose.
          </Text>
        </Stack>
      </SimpleGrid>
    </Paper>
  )
}
