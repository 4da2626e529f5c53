import { Alert, Badge, Button, Group, List, Progress, ScrollArea, SegmentedControl, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { dateOrders, type DateOrder } from '../../../core/csv-fields'
import type { CsvPlan } from '../../../core/csv-import'
import { dateOrderKey, rowText } from './csv-words'

/** As many rows as the report lists; the counts above cover them all. */
const LISTED = 200

/** Step 3: what the import would do, row by row, before anything is written; then the import itself. */
export function CsvDryRunStep({
  plan,
  dateOrder,
  onDateOrder,
  onBack,
  onImport,
  importing,
}: {
  plan: CsvPlan
  dateOrder: DateOrder | undefined
  onDateOrder: (order: DateOrder) => void
  onBack: () => void
  onImport: () => void
  importing: boolean
}) {
  const { t } = useTranslation('patients')
  // Created rows need no explanation; what is updated or skipped is listed with the reason.
  const listed = plan.rows.filter((r) => r.action !== 'create')
  return (
    <Stack gap="sm">
      {plan.dateOrder === 'ambiguous' && (
        <Alert color={dateOrder ? 'blue' : 'yellow'} title={t('csv.dates.title')}>
          <Text size="sm" mb="xs">
            {t('csv.dates.ambiguous')}
          </Text>
          <SegmentedControl
            aria-label={t('csv.dates.title')}
            value={dateOrder ?? ''}
            onChange={(value) => onDateOrder(value as DateOrder)}
            data={dateOrders.filter((o) => o !== 'ymd').map((o) => ({ value: o, label: t(dateOrderKey[o]) }))}
          />
        </Alert>
      )}
      <Group gap="xs" role="status">
        <Badge color="teal" variant="light">
          {t('csv.dryRun.created', { count: plan.created })}
        </Badge>
        <Badge color="blue" variant="light">
          {t('csv.dryRun.updated', { count: plan.updated })}
        </Badge>
        <Badge color="gray" variant="light">
          {t('csv.dryRun.skipped', { count: plan.skipped })}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t('csv.dryRun.nothingYet')}
      </Text>
      {listed.length > 0 && (
        <ScrollArea.Autosize mah={260}>
          <List size="sm" spacing={4} aria-label={t('csv.dryRun.reasons')}>
            {listed.slice(0, LISTED).map((row) => (
              <List.Item key={row.line}>{rowText(t, row)}</List.Item>
            ))}
          </List>
          {listed.length > LISTED && (
            <Text size="sm" c="dimmed">
              {t('csv.dryRun.more', { count: listed.length - LISTED })}
            </Text>
          )}
        </ScrollArea.Autosize>
      )}
      {importing && (
        <Stack gap={4}>
          <Text size="sm">{t('csv.dryRun.importing', { count: plan.created + plan.updated })}</Text>
          <Progress value={100} animated striped aria-label={t('csv.dryRun.progress')} />
        </Stack>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} disabled={importing}>
          {t('csv.dryRun.back')}
        </Button>
        <Button onClick={onImport} loading={importing} disabled={plan.created + plan.updated === 0}>
          {t('csv.dryRun.import', { count: plan.created + plan.updated })}
        </Button>
      </Group>
    </Stack>
  )
}
