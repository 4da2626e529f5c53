import { Button, Group, Popover, SegmentedControl, Stack, Switch, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useApi } from '../../app/api-context'

type Layout = 'detailed' | 'compact' | 'large'
type Paper = 'letter' | 'a4'

/** "Export PDF": layout, paper and log page, then the system save dialog; the export joins the patient's history. */
export function ExportControls({
  patientId,
  programId,
  blocked,
  onExported,
}: {
  patientId: string
  programId?: string
  blocked?: string
  onExported: () => void
}) {
  const api = useApi()
  const [layout, setLayout] = useState<Layout>('detailed')
  const [paper, setPaper] = useState<Paper>('letter')
  const [log, setLog] = useState(true)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    void api.getSettings().then((r) => {
      if (!r.ok) return
      setLayout(r.value.clinic.layout)
      setPaper(r.value.paperSize)
    })
  }, [api])

  const run = async () => {
    if (!programId) return
    setBusy(true)
    const result = await api.exportHandout({ patientId, programId, layout, paper, logDays: log ? 14 : 0 })
    setBusy(false)
    if (!result.ok || !result.value.saved) return
    notifications.show({ color: 'teal', title: 'Handout saved', message: result.value.path })
    for (const warning of result.value.warnings)
      notifications.show({ color: 'yellow', message: warning, autoClose: 12000 })
    onExported()
  }

  return (
    <Popover position="bottom-end" width={300} withArrow shadow="md">
      <Popover.Target>
        <Button variant="default" leftSection={<IconFileTypePdf size={18} />}>
          Export PDF…
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            Layout
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Handout layout"
            value={layout}
            onChange={(v) => setLayout(v as Layout)}
            data={[
              { value: 'detailed', label: 'Detailed' },
              { value: 'compact', label: 'Compact' },
              { value: 'large', label: 'Large print' },
            ]}
          />
          <Text size="sm" fw={600}>
            Paper
          </Text>
          <SegmentedControl
            size="xs"
            aria-label="Paper"
            value={paper}
            onChange={(v) => setPaper(v as Paper)}
            data={[
              { value: 'letter', label: 'US Letter' },
              { value: 'a4', label: 'A4' },
            ]}
          />
          <Switch
            size="sm"
            label="Add a 14-day tick-box log"
            checked={log}
            onChange={(e) => setLog(e.currentTarget.checked)}
          />
          {blocked && (
            <Text size="xs" c="orange">
              {blocked}
            </Text>
          )}
          <Group grow gap="xs">
            <Button onClick={() => void run()} loading={busy} disabled={!!blocked || !programId}>
              Save as PDF…
            </Button>
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              disabled={!!blocked || !programId}
              onClick={() =>
                programId && void api.printHandout({ patientId, programId, layout, paper, logDays: log ? 14 : 0 })
              }
            >
              Print…
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
