import { Group, NumberInput, Slider, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface Props {
  label: string
  range: [number, number]
  value: number
  onChange: (v: number) => void
}

/** A slider within the usual range, and a box that takes any number (out-of-range values are drawn clamped, with a note). */
export function AngleControl({ label, range, value, onChange }: Props) {
  const { t } = useTranslation('library')
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
          aria-label={t('angles.number', { label })}
          onChange={(v) => typeof v === 'number' && onChange(v)}
        />
      </Group>
    </Stack>
  )
}
