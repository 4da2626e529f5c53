import { ActionIcon, Button, Group, Select, Text, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
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

interface Props {
  spec: DiagramSpec
  onEdit: (edit: PoseEdit) => void
}

/** The diagram's props, each with a remove button, and a row to add one (kind, where, and for a push, which way). */
export function PoseProps({ spec, onEdit }: Props) {
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
        Props
      </Text>
      {spec.props.map((p, i) => (
        <Group key={i} gap="xs">
          <Text size="sm">{propWords(p)}</Text>
          <Tooltip label="Remove this prop">
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={`Remove ${p.kind}`}
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
          label="Add a prop"
          placeholder="Kind"
          data={[...propKinds]}
          value={draft.kind}
          onChange={(k) => setDraft((p) => ({ ...p, kind: k as Prop['kind'] | null }))}
        />
        <Select
          size="xs"
          w={150}
          label="Placed at"
          placeholder={propNeedsJoint(draft.kind) ? 'Body part' : 'Not needed'}
          data={jointOptions}
          searchable
          clearable
          value={draft.at}
          onChange={(at) => setDraft((p) => ({ ...p, at }))}
        />
        {draft.kind === 'push' && (
          <Select
            size="xs"
            w={110}
            label="Pushes toward"
            data={[...pushDirections]}
            allowDeselect={false}
            value={draft.toward ?? 'front'}
            onChange={(toward) => setDraft((p) => ({ ...p, toward }))}
          />
        )}
        <Button size="xs" variant="light" disabled={!canAddProp(spec, draft)} onClick={add}>
          Add
        </Button>
      </Group>
    </>
  )
}
