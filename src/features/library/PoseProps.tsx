import { ActionIcon, Button, Group, Select, Text, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { propKinds, pushDirections, type DiagramSpec, type Prop } from '../../diagrams/spec'
import {
  canAddProp,
  jointOptions,
  NO_PROP,
  propNeedsJoint,
  propOf,
  propWords,
  type PoseEdit,
  type PropDraft,
} from './pose-edit'
import { DIRECTION_KEYS, PROP_KEYS } from './words'

interface Props {
  spec: DiagramSpec
  onEdit: (edit: PoseEdit) => void
}

/** The diagram's props, each with a remove button, and a row to add one (kind, where, and for a push, which way). */
export function PoseProps({ spec, onEdit }: Props) {
  const { t } = useTranslation('library')
  const [draft, setDraft] = useState<PropDraft>(NO_PROP)
  const add = () => {
    const prop = propOf(draft)
    if (!prop) return
    onEdit({ type: 'add-prop', prop })
    setDraft(NO_PROP)
  }
  return (
    <>
      <Text fw={600} size="sm" mt={4}>
        {t('props.title')}
      </Text>
      {spec.props.map((p, i) => (
        <Group key={i} gap="xs">
          <Text size="sm">{propWords(p, t)}</Text>
          <Tooltip label={t('props.remove')}>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={t('props.removeNamed', { kind: t(PROP_KEYS[p.kind]) })}
              onClick={() => onEdit({ type: 'remove-prop', index: i })}
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
          label={t('props.add')}
          placeholder={t('props.kindPlaceholder')}
          data={propKinds.map((k) => ({ value: k, label: t(PROP_KEYS[k]) }))}
          value={draft.kind}
          onChange={(k) => setDraft((p) => ({ ...p, kind: k as Prop['kind'] | null }))}
        />
        <Select
          size="xs"
          w={150}
          label={t('props.at')}
          placeholder={propNeedsJoint(draft.kind) ? t('props.bodyPart') : t('props.notNeeded')}
          data={jointOptions(t)}
          searchable
          clearable
          value={draft.at}
          onChange={(at) => setDraft((p) => ({ ...p, at }))}
        />
        {draft.kind === 'push' && (
          <Select
            size="xs"
            w={110}
            label={t('props.toward')}
            data={pushDirections.map((d) => ({ value: d, label: t(DIRECTION_KEYS[d]) }))}
            allowDeselect={false}
            value={draft.toward ?? 'front'}
            onChange={(toward) => setDraft((p) => ({ ...p, toward }))}
          />
        )}
        <Button size="xs" variant="light" disabled={!canAddProp(spec, draft)} onClick={add}>
          {t('props.addButton')}
        </Button>
      </Group>
    </>
  )
}
