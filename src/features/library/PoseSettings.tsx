import { MultiSelect, Select, SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
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
import { jointOptions, type PoseEdit } from './pose-edit'
import { BASE_KEYS, DETAIL_KEYS, VIEW_KEYS } from './words'

interface Props {
  spec: DiagramSpec
  onEdit: (edit: PoseEdit) => void
}

/** How the diagram is set up and drawn: figure position, views, side, arrows, close-up, frames or outline, camera. */
export function PoseSettings({ spec, onEdit }: Props) {
  const { t } = useTranslation('library')
  return (
    <SimpleGrid cols={2}>
      <Select
        label={t('settings.figurePosition')}
        data={basePositions.map((b) => ({ value: b, label: t(BASE_KEYS[b]) }))}
        value={spec.base}
        allowDeselect={false}
        onChange={(b) => b && onEdit({ type: 'base', base: b as BasePosition })}
      />
      <MultiSelect
        label={t('settings.views')}
        description={t('settings.viewsHint')}
        placeholder={t('settings.automaticViews', {
          views: chooseViews(spec)
            .map((v) => t(VIEW_KEYS[v]))
            .join(', '),
        })}
        data={views.map((v) => ({ value: v, label: t(VIEW_KEYS[v]) }))}
        value={spec.views ?? []}
        maxValues={2}
        onChange={(v) => onEdit({ type: 'views', views: v as View[] })}
      />
      <Select
        label={t('settings.side')}
        description={t('settings.sideHint')}
        data={[
          { value: 'none', label: t('settings.sideNone') },
          { value: 'right', label: t('settings.right') },
          { value: 'left', label: t('settings.left') },
        ]}
        value={spec.side ?? 'none'}
        allowDeselect={false}
        onChange={(s) => onEdit({ type: 'side', side: s === 'left' || s === 'right' ? s : 'none' })}
      />
      <MultiSelect
        label={t('settings.arrow')}
        data={jointOptions(t)}
        value={spec.moving}
        maxValues={2}
        searchable
        onChange={(m) => onEdit({ type: 'moving', moving: m as DiagramSpec['moving'] })}
      />
      <Select
        label={t('settings.detail')}
        description={t('settings.detailHint')}
        data={[
          { value: 'none', label: t('settings.detailNone') },
          ...detailParts.map((d) => ({ value: d, label: t(DETAIL_KEYS[d]) })),
        ]}
        value={spec.detail?.part ?? 'none'}
        allowDeselect={false}
        onChange={(d) => onEdit({ type: 'detail', part: d ? (d as DetailPart | 'none') : 'none' })}
      />
      <Select
        label={t('settings.display')}
        description={t('settings.displayHint')}
        data={[
          { value: 'frames', label: t('settings.frames') },
          { value: 'overlay', label: t('settings.overlay') },
        ]}
        value={spec.display ?? 'frames'}
        allowDeselect={false}
        onChange={(d) => onEdit({ type: 'display', display: d === 'overlay' ? 'overlay' : 'frames' })}
      />
      <Select
        label={t('settings.camera')}
        description={t('settings.cameraHint')}
        data={[
          { value: 'auto', label: t('settings.cameraAuto') },
          { value: '0', label: t('settings.cameraLevel') },
          { value: '25', label: t('settings.cameraLittle') },
          { value: '45', label: t('settings.cameraWell') },
          { value: '60', label: t('settings.cameraHigh') },
        ]}
        value={spec.elevation === undefined ? 'auto' : String(spec.elevation)}
        allowDeselect={false}
        onChange={(e) => onEdit({ type: 'elevation', elevation: e && e !== 'auto' ? Number(e) : 'auto' })}
      />
    </SimpleGrid>
  )
}
