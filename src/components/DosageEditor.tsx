import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import { Group, MultiSelect, NumberInput, Select, SimpleGrid, Text } from '@mantine/core'
import { useDayNames } from '../app/day-names'
import { bandColors, sides, weekdays, type Dosage } from '../core/dosage'
import { bandKey, errorsOf, followTo, num, sideKey } from './dosage-fields'
import { dosageLine, withLoadUnit } from '../core/dosage-format'
import { useDoseWords } from '../app/use-dose-words'
import { useLoadUnit } from '../app/use-load-unit'

/**
 * Sets, reps and hold (each one number or a range), rest, duration, frequency, side and resistance,
 * with the dosage line the handout will print shown as you type. Rendered again only when its props change.
 * `part`: every field in a grid (the library's default dosage), or the builder's compact row (`main`: sets, reps,
 * hold, times a day, side and the handout's sentence, one line where it fits) and the rest (`more`).
 */
export const DosageEditor = memo(function DosageEditor({
  value,
  onChange,
  label,
  part = 'all',
}: {
  value: Dosage
  onChange: (d: Dosage) => void
  label?: string | undefined
  part?: 'all' | 'main' | 'more'
}) {
  const { t } = useTranslation('app')
  const doseWords = useDoseWords()
  const dayName = useDayNames()
  const loadUnit = useLoadUnit()
  const errors = errorsOf(value)
  const row = part === 'main'
  const set = (patch: Partial<Dosage>) => {
    const next: Dosage = { ...value, ...patch }
    for (const key of Object.keys(next) as (keyof Dosage)[]) if (next[key] === undefined) delete next[key]
    onChange(next)
  }
  const aria = (text: string) => (label ? `${text} (${label})` : text)
  /** A whole-number field; in the compact row narrow and without steppers, so the row stays one line. */
  const number = (
    text: string,
    ariaText: string,
    shown: number | undefined,
    onValue: (v?: number) => void,
    extra: { error?: string | undefined; placeholder?: string } = {},
  ) => (
    <NumberInput
      size="xs"
      label={text}
      aria-label={aria(ariaText)}
      value={shown ?? ''}
      min={0}
      allowDecimal={false}
      onChange={(v) => onValue(num(v))}
      {...extra}
      // In the row a field only turns red: its message goes under the row, where it has the width to be read.
      {...(row ? { w: 58, hideControls: true, error: Boolean(extra.error) } : {})}
    />
  )
  const field = (key: 'sets' | 'restSeconds' | 'durationSeconds' | 'timesPerDay' | 'daysPerWeek', text: string) =>
    number(text, text, value[key], (v) => set({ [key]: v }), { error: errors[key] })
  const setReps = (min?: number, max?: number) =>
    set({ reps: min === undefined && max === undefined ? undefined : { min: min ?? max!, max: max ?? min! } })
  const sets = field('sets', t('dosage.sets'))
  const repsFrom = number(
    t('dosage.reps'),
    t('dosage.repsFrom'),
    value.reps?.min,
    (v) => setReps(v, followTo(value.reps?.min, value.reps?.max, v)),
    { error: errors['reps.min'] },
  )
  const repsTo = number(t('dosage.to'), t('dosage.repsTo'), value.reps?.max, (v) => setReps(value.reps?.min, v), {
    error: errors['reps.max'],
  })
  const hold = number(
    t('dosage.hold'),
    t('dosage.hold'),
    value.holdSeconds,
    (v) => set({ holdSeconds: v, holdSecondsMax: followTo(value.holdSeconds, value.holdSecondsMax, v) }),
    { error: errors['holdSeconds'] },
  )
  const holdTo = number(
    t('dosage.holdTo'),
    t('dosage.holdUpTo'),
    value.holdSecondsMax,
    (v) => set({ holdSecondsMax: v }),
    {
      placeholder: t('dosage.optional'),
      error: errors['holdSecondsMax'],
    },
  )
  const days = (
    <MultiSelect
      size="xs"
      label={t('dosage.days')}
      aria-label={aria(t('dosage.days'))}
      placeholder={value.days?.length ? undefined : t('dosage.anyDay')}
      data={weekdays.map((d) => ({ value: d, label: dayName(d) }))}
      value={value.days ?? []}
      onChange={(chosen) => set({ days: chosen.length ? (chosen as Dosage['days']) : undefined })}
    />
  )
  const side = (
    <Select
      size="xs"
      label={t('dosage.side')}
      aria-label={aria(t('dosage.side'))}
      clearable
      w={row ? 124 : undefined}
      value={value.side ?? null}
      data={sides.map((s) => ({ value: s, label: t(sideKey[s]) }))}
      onChange={(v) => set({ side: (v ?? undefined) as Dosage['side'] })}
    />
  )
  const resistance = (
    <>
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
    </>
  )
  // Made only where it shows: the sentence is the one costly part of a render.
  const sentence = () => (
    <Group gap={6} mt={6}>
      <Text size="sm" c="dimmed">
        {t('dosage.handoutSays')}
      </Text>
      <Text size="sm" fw={500} data-testid="dosage-line">
        {dosageLine(withLoadUnit(value, loadUnit), doseWords) || '—'}
      </Text>
    </Group>
  )
  const timesPerDay = field('timesPerDay', t('dosage.timesPerDay'))
  if (row)
    return (
      <div>
        <Group gap={6} align="flex-end">
          {sets}
          {repsFrom}
          {repsTo}
          {hold}
          {timesPerDay}
          {side}
        </Group>
        {[errors.sets, errors['reps.min'], errors['reps.max'], errors.holdSeconds, errors.timesPerDay]
          .filter(Boolean)
          .map((message) => (
            <Text key={message} size="xs" c="red" mt={4}>
              {message}
            </Text>
          ))}
        {sentence()}
      </div>
    )
  const rest = field('restSeconds', t('dosage.rest'))
  const duration = field('durationSeconds', t('dosage.duration'))
  const daysPerWeek = field('daysPerWeek', t('dosage.daysPerWeek'))
  return (
    <div>
      {/* As many columns as fit at a width that shows every choice in full ("Alternating", "Alternando"). */}
      <SimpleGrid minColWidth={132} spacing="xs">
        {part === 'all' && (
          <>
            {sets}
            {repsFrom}
            {repsTo}
            {hold}
          </>
        )}
        {holdTo}
        {rest}
        {duration}
        {part === 'all' && timesPerDay}
        {daysPerWeek}
        {days}
        {part === 'all' && side}
        {resistance}
      </SimpleGrid>
      {part === 'all' && sentence()}
    </div>
  )
})
