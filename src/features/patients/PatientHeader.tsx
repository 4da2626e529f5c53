import { Badge, Button, Group, Menu, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import {
  IconArchive,
  IconArrowBackUp,
  IconChevronDown,
  IconDownload,
  IconEdit,
  IconFileSpreadsheet,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { hrefFor } from '../../app/routes'
import { fullName } from '../../core/names'
import type { Patient } from '../../core/patient'
import { statusColor, statusKey } from './format'

interface Props {
  patient: Patient
  onEdit: () => void
  onArchive: (archived: boolean) => void
  onDelete: () => void
}

/** The patient's name and status, and what can be done with the whole record. */
export function PatientHeader({ patient, onEdit, onArchive, onDelete }: Props) {
  const api = useApi()
  const { t } = useTranslation('patients')
  const id = patient.id
  const archived = patient.status === 'archived'
  // Arriving on a patient's page (after adding them, or from the roster), the next step is one key away.
  const next = useRef<HTMLAnchorElement>(null)
  useEffect(() => next.current?.focus(), [id])
  const exportPatient = () =>
    void api
      .exportPatient({ id })
      .then(
        (r) =>
          r.ok &&
          r.value.saved &&
          notifications.show({ color: 'teal', message: t('header.exported', { path: r.value.path }) }),
      )

  const exportHistory = () =>
    void api
      .exportProgramHistoryCsv({ id })
      .then(
        (r) =>
          r.ok &&
          r.value.saved &&
          notifications.show({ color: 'teal', message: t('csv.history.saved', { path: r.value.path }) }),
      )

  return (
    <Group justify="space-between" align="flex-start" mt="xs" mb="lg">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2}>{fullName(patient)}</Title>
          {patient.preferredName && (
            <Text c="dimmed">{t('header.preferredName', { name: patient.preferredName })}</Text>
          )}
        </Group>
        <Group gap="xs">
          <Badge variant="light" color={statusColor[patient.status]}>
            {t(statusKey[patient.status])}
          </Badge>
          <Badge variant="outline" color="gray">
            {patient.patientType === 'new' ? t('header.newPatient') : t('header.existingPatient')}
          </Badge>
        </Group>
      </Stack>
      <Group gap="sm">
        <Button
          ref={next}
          leftSection={<IconPlus size={18} />}
          disabled={archived}
          component="a"
          href={hrefFor('program', id)}
        >
          {t('header.newProgram')}
        </Button>
        <Button variant="default" leftSection={<IconEdit size={18} />} onClick={onEdit}>
          {t('header.edit')}
        </Button>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" rightSection={<IconChevronDown size={16} />}>
              {t('header.more')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconDownload size={16} />} onClick={exportPatient}>
              {t('header.export')}
            </Menu.Item>
            <Menu.Item
              leftSection={<IconFileSpreadsheet size={16} />}
              onClick={exportHistory}
              disabled={patient.programs.length === 0}
            >
              {t('csv.history.export')}
            </Menu.Item>
            <Menu.Item
              leftSection={archived ? <IconArrowBackUp size={16} /> : <IconArchive size={16} />}
              onClick={() => onArchive(!archived)}
            >
              {archived ? t('header.restore') : t('header.archive')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
              {t('header.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  )
}
