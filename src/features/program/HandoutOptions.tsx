import { SegmentedControl, Stack, Switch, Text } from '@mantine/core'
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuietApi } from '../../app/api-context'
import { handoutLayouts, paperSizes, type HandoutLayout, type PaperSize } from '../../core/handout-options'
import { defaultSettings, type Settings } from '../../core/settings'
import { asHandoutLanguage, handoutLanguages, languageNames, type HandoutLanguage } from '../../core/languages'
import { layoutNames, paperNames } from './handout-option-names'

/** How the handout is drawn: the same three choices in the preview and in Export PDF. */
export interface HandoutOptions {
  layout: HandoutLayout
  paper: PaperSize
  /** Add the tick-box log pages at the end. */
  log: boolean
  /** The handout's language: the patient's, unless changed for this handout. */
  language: HandoutLanguage
}

/** How many days the log covers when it is on. */
export const LOG_DAYS = 14

/** The options as previewHandout, exportHandout and printHandout take them. */
export const handoutArg = ({ layout, paper, log, language }: HandoutOptions) => ({
  layout,
  paper,
  logDays: log ? LOG_DAYS : 0,
  language,
})

/** The clinic's usual choices, from Settings: its layout and paper, with the log on, in the patient's language. */
export const clinicOptions = (
  settings: Pick<Settings, 'clinic' | 'paperSize'>,
  language: HandoutLanguage = 'en',
): HandoutOptions => ({
  layout: settings.clinic.layout,
  paper: settings.paperSize,
  log: true,
  language,
})

type OptionsState = [HandoutOptions | undefined, (options: HandoutOptions) => void]

/**
 * Options that start as the clinic's (undefined until Settings has answered, so nothing is drawn on the wrong
 * paper first). When Settings cannot be read, the app's defaults are used: Settings itself says what went wrong.
 */
function useClinicOptions(enabled: boolean, language?: HandoutLanguage): OptionsState {
  const api = useQuietApi()
  const [options, setOptions] = useState<HandoutOptions>()
  useEffect(() => {
    if (!enabled) return
    let live = true
    const settle = (settings: Settings) => live && setOptions((chosen) => chosen ?? clinicOptions(settings, language))
    api.getSettings().then(
      (result) => settle(result.ok ? result.value : defaultSettings),
      () => settle(defaultSettings),
    )
    return () => void (live = false)
  }, [api, enabled, language])
  // One array per change, so what reads it through the context re-renders only when the options change.
  return useMemo(() => [options, setOptions], [options])
}

const Shared = createContext<OptionsState | undefined>(undefined)

/** Gives the preview and Export PDF under it one set of options, so what is previewed is what is exported. */
export function HandoutOptionsProvider({ children, language }: { children: ReactNode; language?: HandoutLanguage }) {
  return <Shared.Provider value={useClinicOptions(true, language)}>{children}</Shared.Provider>
}

/** The options shared under a {@link HandoutOptionsProvider}, or this component's own outside one. */
export function useHandoutOptions(): OptionsState {
  const shared = useContext(Shared)
  const own = useClinicOptions(!shared)
  return shared ?? own
}

/**
 * Layout, paper and log: the one control for choosing how a handout is drawn, in the preview and in Export PDF.
 * `titled` shows a heading over each choice (the export pop-up has room; the preview does not).
 */
export function HandoutOptionsControl({
  value,
  onChange,
  titled = false,
}: {
  value: HandoutOptions
  onChange: (options: HandoutOptions) => void
  titled?: boolean
}) {
  const { t } = useTranslation('program')
  const layouts = layoutNames(t)
  const papers = paperNames(t)
  const heading = (text: string) =>
    titled && (
      <Text size="sm" fw={600}>
        {text}
      </Text>
    )
  return (
    <Stack gap={titled ? 'sm' : 6}>
      {heading(t('options.layoutHeading'))}
      {/* Three names do not fit side by side in the preview's narrow panel ("Large print", "Grande"): one per row there. */}
      <SegmentedControl
        size="xs"
        orientation={titled ? 'horizontal' : 'vertical'}
        fullWidth={!titled}
        aria-label={t('options.layout')}
        value={value.layout}
        onChange={(layout) => onChange({ ...value, layout: layout as HandoutLayout })}
        data={handoutLayouts.map((layout) => ({ value: layout, label: layouts[layout] }))}
      />
      {heading(t('options.paper'))}
      <SegmentedControl
        size="xs"
        aria-label={t('options.paper')}
        value={value.paper}
        onChange={(paper) => onChange({ ...value, paper: paper as PaperSize })}
        data={paperSizes.map((paper) => ({ value: paper, label: papers[paper] }))}
      />
      {heading(t('options.language'))}
      <SegmentedControl
        size="xs"
        aria-label={t('options.language')}
        value={value.language}
        onChange={(language) => onChange({ ...value, language: asHandoutLanguage(language) })}
        data={handoutLanguages.map((language) => ({ value: language, label: languageNames[language] }))}
      />
      <Switch
        size={titled ? 'sm' : 'xs'}
        label={t('options.log', { days: LOG_DAYS })}
        checked={value.log}
        onChange={(e) => onChange({ ...value, log: e.currentTarget.checked })}
      />
    </Stack>
  )
}
