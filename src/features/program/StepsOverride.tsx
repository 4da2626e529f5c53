import { Button, Group, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Exercise } from '../../core/exercise'
import type { ProgramItem } from '../../core/patient'

/**
 * The steps changed for this patient, and their Spanish for Spanish handouts (started from the library's Spanish
 * steps). A Spanish handout with changed steps but no Spanish ones is refused by the export until the therapist
 * says to print them in English, so the Spanish is offered right here.
 */
export function StepsOverride({
  item,
  exercise,
  name,
  problem,
  change,
}: {
  item: ProgramItem
  exercise: Exercise | undefined
  name: string
  problem?: string | undefined
  change: (update: (item: ProgramItem) => ProgramItem) => void
}) {
  const { t } = useTranslation('program')
  const spanish = item.translations?.es?.instructionOverride
  const setSpanish = (steps: string[] | undefined) =>
    change(({ translations: _t, ...rest }) =>
      steps ? { ...rest, translations: { es: { instructionOverride: steps } } } : rest,
    )
  return (
    <>
      <Textarea
        mt="xs"
        size="xs"
        autosize
        minRows={2}
        label={t('card.steps')}
        aria-label={t('card.stepsFor', { name })}
        description={t('card.stepsHelp')}
        error={problem}
        value={item.instructionOverride!.join('\n')}
        onChange={(e) => {
          const steps = e.currentTarget.value.split('\n')
          change((i) => ({ ...i, instructionOverride: steps }))
        }}
      />
      {spanish && (
        <Textarea
          mt="xs"
          size="xs"
          autosize
          minRows={2}
          lang="es"
          label={t('card.spanishSteps')}
          aria-label={t('card.spanishStepsFor', { name })}
          value={spanish.join('\n')}
          onChange={(e) => setSpanish(e.currentTarget.value.split('\n'))}
        />
      )}
      <Group gap="xs" mt={4}>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => change(({ instructionOverride: _o, translations: _t, ...rest }) => rest)}
        >
          {t('card.useLibrarySteps')}
        </Button>
        {spanish ? (
          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setSpanish(undefined)}>
            {t('card.removeSpanish')}
          </Button>
        ) : (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setSpanish([...(exercise?.translations?.es?.steps ?? item.instructionOverride ?? [])])}
          >
            {t('card.addSpanish')}
          </Button>
        )}
      </Group>
    </>
  )
}
