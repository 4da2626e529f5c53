import { memo } from 'react'
import { Group, MultiSelect, NumberInput, Select, SimpleGrid, Text } from '@mantine/core'
import { bandColors, dayLabels, dosageSchema, sides, weekdays, type Dosage } from '../core/dosage'
import { dosageLine } from '../core/dosage-format'

/** Where each schema error shows (a reps-range error belongs to the reps fields). */
function errorsOf(value: Dosage): Record<string, string> {
  const result = dosageSchema.safeParse(value)
  if (result.success) return {}
  const out: Record<string, string> = {}
  for (const issue of result.error.issues) out[issue.path.join('.')] ??= issue.message
  return out
}

const num = (v: number | string) => (v === '' || v === undefined ? undefined : Number(v))

/**
 * The upper end of a range after its lower end changes: a single number (both ends equal) stays single, and
 * a lower end raised past the upper one takes the upper one with it, so "10 reps" raised to 11 never reads "11–10".
 */
export function followTo(
  from: number | undefined,
  to: number | undefined,
  next: number | undefined,
): number | undefined {
  if (to === undefined || next === undefined) return to
  return from === to || next > to ? next : to
}

/**
 * Sets, reps and hold (each one number or a range), rest, duration, frequency, side and resistance,
 * with the dosage line the handout will print shown as you type. Rendered again only when its props change.
 */
export const DosageEditor = memo(function DosageEditor({
  value,
  onChange,
  label,
}: {
  value: Dosage
  onChange: (d: Dosage) => void
  label?: string | undefined
}) {
  const errors = errorsOf(value)
  const set = (patch: Partial<Dosage>) => {
    const next: Dosage = { ...value, ...patch }
    for (const key of Object.keys(next) as (keyof Dosage)[]) if (next[key] === undefined) delete next[key]
    onChange(next)
  }
  const field = (key: keyof Dosage, text: string, extra: object = {}) => (
    <NumberInput
      size="xs"
      label={text}
      aria-label={label ? `${text} (${label})` : text}
      value={(value[key] as number | undefined) ?? ''}
      min={0}
      allowDecimal={false}
      onChange={(v) => set({ [key]: num(v) } as Partial<Dosage>)}
      error={errors[key]}
      {...extra}
    />
  )
  const setReps = (min?: number, max?: number) =>
    set({ reps: min === undefined && max === undefined ? undefined : { min: min ?? max!, max: max ?? min! } })
  const aria = (text: string) => (label ? `${text} (${label})` : text)
  return (
    <div>
      <SimpleGrid cols={{ base: 3, md: 6 }} spacing="xs">
        {field('sets', 'Sets')}
        <NumberInput
          size="xs"
          label="Reps"
          aria-label={aria('Reps from')}
          value={value.reps?.min ?? ''}
          min={0}
          allowDecimal={false}
          onChange={(v) => setReps(num(v), followTo(value.reps?.min, value.reps?.max, num(v)))}
          error={errors['reps.min']}
        />
        <NumberInput
          size="xs"
          label="to"
          aria-label={aria('Reps to')}
          value={value.reps?.max ?? ''}
          min={0}
          allowDecimal={false}
          onChange={(v) => setReps(value.reps?.min, num(v))}
          error={errors['reps.max']}
        />
        <NumberInput
          size="xs"
          label="Hold (s)"
          aria-label={aria('Hold (s)')}
          value={value.holdSeconds ?? ''}
          min={0}
          allowDecimal={false}
          onChange={(v) =>
            set({ holdSeconds: num(v), holdSecondsMax: followTo(value.holdSeconds, value.holdSecondsMax, num(v)) })
          }
          error={errors['holdSeconds']}
        />
        <NumberInput
          size="xs"
          label="to (s)"
          aria-label={aria('Hold up to (s)')}
          placeholder="optional"
          value={value.holdSecondsMax ?? ''}
          min={0}
          allowDecimal={false}
          onChange={(v) => set({ holdSecondsMax: num(v) })}
          error={errors['holdSecondsMax']}
        />
        {field('restSeconds', 'Rest (s)')}
        {field('durationSeconds', 'Duration (s)')}
        {field('timesPerDay', 'Times a day')}
        {field('daysPerWeek', 'Days a week')}
        <MultiSelect
          size="xs"
          label="On these days"
          aria-label={label ? `On these days (${label})` : 'On these days'}
          placeholder={value.days?.length ? undefined : 'Any'}
          data={weekdays.map((d) => ({ value: d, label: dayLabels[d] }))}
          value={value.days ?? []}
          onChange={(days) => set({ days: days.length ? (days as Dosage['days']) : undefined })}
        />
        <Select
          size="xs"
          label="Side"
          aria-label={label ? `Side (${label})` : 'Side'}
          clearable
          value={value.side ?? null}
          data={sides.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))}
          onChange={(v) => set({ side: (v ?? undefined) as Dosage['side'] })}
        />
        <Select
          size="xs"
          label="Band"
          clearable
          value={value.resistance?.band ?? null}
          data={[...bandColors]}
          onChange={(v) =>
            set({
              resistance:
                v || value.resistance?.load ? { ...value.resistance, band: (v ?? undefined) as never } : undefined,
            })
          }
        />
        <NumberInput
          size="xs"
          label="Load"
          value={value.resistance?.load ?? ''}
          min={0}
          decimalScale={1}
          error={errors['resistance.load']}
          onChange={(v) =>
            set({
              resistance:
                num(v) || value.resistance?.band
                  ? { ...value.resistance, load: num(v), unit: value.resistance?.unit ?? 'kg' }
                  : undefined,
            })
          }
        />
        <Select
          size="xs"
          label="Unit"
          value={value.resistance?.unit ?? 'kg'}
          data={['kg', 'lb']}
          allowDeselect={false}
          onChange={(v) => value.resistance && set({ resistance: { ...value.resistance, unit: v as 'kg' | 'lb' } })}
        />
      </SimpleGrid>
      <Group gap={6} mt={6}>
        <Text size="sm" c="dimmed">
          Handout says:
        </Text>
        <Text size="sm" fw={500} data-testid="dosage-line">
          {dosageLine(value) || '—'}
        </Text>
      </Group>
    </div>
  )
})
