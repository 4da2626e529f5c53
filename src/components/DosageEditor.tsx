import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { Group, MultiSelect, NumberInput, Select, SimpleGrid, Text } from '@mantine/core'
import { useDayNames } from '../app/day-names'
import { bandColors, dosageSchema, sides, weekdays, type Dosage } from '../core/dosage'
import { dosageLine, withLoadUnit } from '../core/dosage-format'
import { useDoseWords } from '../app/use-dose-words'
import { useLoadUnit } from '../app/use-load-unit'

/** Where each schema error shows (a reps-range error belongs to the reps fields). */
function errorsOf(value: Dosage): Record<string, string> {
  const result = dosageSchema.safeParse(value)
  if (result.success) return {}
  const out: Record<string, string> = {}
  for (const issue of result.error.issues) out[issue.path.join('.')] ??= issue.message
  return out
}

const sideKey = {
  left: 'dosage.sides.left',
  right: 'dosage.sides.right',
  both: 'dosage.sides.both',
  alternating: 'dosage.sides.alternating',
} as const satisfies Record<(typeof sides)[number], string>
const bandKey = {
  yellow: 'dosage.bands.yellow',
  red: 'dosage.bands.red',
  green: 'dosage.bands.green',
  blue: 'dosage.bands.blue',
  black: 'dosage.bands.black',
  silver: 'dosage.bands.silver',
  gold: 'dosage.bands.gold',
} as const satisfies Record<(typeof bandColors)[number], string>

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
  const { t } = useTranslation('app')
  const doseWords = useDoseWords()
  const dayName = useDayNames()
  const loadUnit = useLoadUnit()
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
      {/* As many columns as fit at a width that shows every choice in full ("Alternating", "Alternando"). */}
      <SimpleGrid minColWidth={132} spacing="xs">
        {field('sets', t('dosage.sets'))}
        <NumberInput
          size="xs"
          label={t('dosage.reps')}
          aria-label={aria(t('dosage.repsFrom'))}
          value={value.reps?.min ?? ''}
          min={0}
          allowDecimal={false}
          onChange={(v) => setReps(num(v), followTo(value.reps?.min, value.reps?.max, num(v)))}
          error={errors['reps.min']}
        />
        <NumberInput
          size="xs"
          label={t('dosage.to')}
          aria-label={aria(t('dosage.repsTo'))}
          value={value.reps?.max ?? ''}
          min={0}
          allowDecimal={false}
          onChange={(v) => setReps(value.reps?.min, num(v))}
          error={errors['reps.max']}
        />
        <NumberInput
          size="xs"
          label={t('dosage.hold')}
          aria-label={aria(t('dosage.hold'))}
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
          label={t('dosage.holdTo')}
          aria-label={aria(t('dosage.holdUpTo'))}
          placeholder={t('dosage.optional')}
          value={value.holdSecondsMax ?? ''}
          min={0}
          allowDecimal={false}
          onChange={(v) => set({ holdSecondsMax: num(v) })}
          error={errors['holdSecondsMax']}
        />
        {field('restSeconds', t('dosage.rest'))}
        {field('durationSeconds', t('dosage.duration'))}
        {field('timesPerDay', t('dosage.timesPerDay'))}
        {field('daysPerWeek', t('dosage.daysPerWeek'))}
        <MultiSelect
          size="xs"
          label={t('dosage.days')}
          aria-label={aria(t('dosage.days'))}
          placeholder={value.days?.length ? undefined : t('dosage.anyDay')}
          data={weekdays.map((d) => ({ value: d, label: dayName(d) }))}
          value={value.days ?? []}
          onChange={(days) => set({ days: days.length ? (days as Dosage['days']) : undefined })}
        />
        <Select
          size="xs"
          label={t('dosage.side')}
          aria-label={aria(t('dosage.side'))}
          clearable
          value={value.side ?? null}
          data={sides.map((s) => ({ value: s, label: t(sideKey[s]) }))}
          onChange={(v) => set({ side: (v ?? undefined) as Dosage['side'] })}
        />
        <Select
          size="xs"
          label={t('dosage.band')}
          clearable
          value={value.resistance?.band ?? null}
          data={bandColors.map((b) => ({ value: b, label: t(bandKey[b]) }))}
          onChange={(v) =>
            set({
              resistance:
                v || value.resistance?.load ? { ...value.resistance, band: (v ?? undefined) as never } : undefined,
            })
          }
        />
        <NumberInput
          size="xs"
          label={t('dosage.load')}
          value={value.resistance?.load ?? ''}
          min={0}
          decimalScale={1}
          error={errors['resistance.load']}
          onChange={(v) =>
            set({
              resistance:
                num(v) || value.resistance?.band
                  ? { ...value.resistance, load: num(v), unit: value.resistance?.unit ?? loadUnit }
                  : undefined,
            })
          }
        />
        <Select
          size="xs"
          label={t('dosage.unit')}
          value={value.resistance?.unit ?? loadUnit}
          data={['kg', 'lb']}
          allowDeselect={false}
          onChange={(v) => value.resistance && set({ resistance: { ...value.resistance, unit: v as 'kg' | 'lb' } })}
        />
      </SimpleGrid>
      <Group gap={6} mt={6}>
        <Text size="sm" c="dimmed">
          {t('dosage.handoutSays')}
        </Text>
        <Text size="sm" fw={500} data-testid="dosage-line">
          {dosageLine(withLoadUnit(value, loadUnit), doseWords) || '—'}
        </Text>
      </Group>
    </div>
  )
})
