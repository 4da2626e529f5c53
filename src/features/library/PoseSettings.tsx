import { MultiSelect, Select, SimpleGrid } from '@mantine/core'
import {
  basePositions,
  detailParts,
  views,
  type BasePosition,
  type DetailPart,
  type DiagramSpec,
  type View,
} from '../../diagrams/spec'
import { chooseViews } from '../../diagrams/visibility'
import { BASE_WORDS, jointOptions, type PoseEdit } from './pose-edit'

interface Props {
  spec: DiagramSpec
  onEdit: (edit: PoseEdit) => void
}

/** How the diagram is set up and drawn: figure position, views, side, arrows, close-up, frames or outline, camera. */
export function PoseSettings({ spec, onEdit }: Props) {
  return (
    <SimpleGrid cols={2}>
      <Select
        label="Figure position"
        data={basePositions.map((b) => ({ value: b, label: BASE_WORDS[b] }))}
        value={spec.base}
        allowDeselect={false}
        onChange={(b) => b && onEdit({ type: 'base', base: b as BasePosition })}
      />
      <MultiSelect
        label="Views (up to 2)"
        description="Leave empty to use the views that show the movement best"
        placeholder={`Automatic: ${chooseViews(spec).join(', ')}`}
        data={views.map((v) => ({ value: v, label: v }))}
        value={spec.views ?? []}
        maxValues={2}
        onChange={(v) => onEdit({ type: 'views', views: v as View[] })}
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
        onChange={(s) => onEdit({ type: 'side', side: s === 'left' || s === 'right' ? s : 'none' })}
      />
      <MultiSelect
        label="Arrow follows (up to 2)"
        data={jointOptions}
        value={spec.moving}
        maxValues={2}
        searchable
        onChange={(m) => onEdit({ type: 'moving', moving: m as DiagramSpec['moving'] })}
      />
      <Select
        label="Zoomed detail"
        description="A close-up of a small part, start and end"
        data={[{ value: 'none', label: 'None' }, ...detailParts.map((d) => ({ value: d, label: d }))]}
        value={spec.detail?.part ?? 'none'}
        allowDeselect={false}
        onChange={(d) => onEdit({ type: 'detail', part: d ? (d as DetailPart | 'none') : 'none' })}
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
        onChange={(d) => onEdit({ type: 'display', display: d === 'overlay' ? 'overlay' : 'frames' })}
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
        onChange={(e) => onEdit({ type: 'elevation', elevation: e && e !== 'auto' ? Number(e) : 'auto' })}
      />
    </SimpleGrid>
  )
}
