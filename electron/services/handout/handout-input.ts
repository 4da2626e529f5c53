/**
 * What a handout prints, resolved from a patient, a program, the library and the clinic's settings, in the
 * handout's language: the patient's own (or the one chosen for this handout), English when none is set.
 */
import { handoutItemOf, type HandoutInput } from '../../../src/core/handout-model'
import type { Exercise } from '../../../src/core/exercise'
import type { HandoutLanguage } from '../../../src/core/languages'
import type { Patient, Program, ProgramItem } from '../../../src/core/patient'
import { AppFailure } from '../../../src/core/result'
import { i18nFor } from '../../../src/i18n'
import { messageLanguage, say } from '../../../src/i18n/say'
import { loadUnitOf, namesInFilesOf, type Settings } from '../../../src/core/settings'
import { withLoadUnit } from '../../../src/core/dosage-format'
import { pictureProblem } from '../library/image-check'
import type { Library } from '../library/service'

export interface HandoutChoices {
  layout: HandoutInput['layout']
  paper: HandoutInput['paper']
  logDays: number
  date: string
  /** For this handout only; the patient's handout language otherwise. */
  language?: HandoutLanguage
  /**
   * Print in English what has no words in the handout's language (a custom exercise, steps changed for the patient,
   * the clinic's closing message). Without it an export names what is missing and prints nothing; the preview shows
   * it in English with a warning.
   */
  allowEnglish?: boolean
  /** The live preview: never refuses for missing words, says so in a warning instead. */
  preview?: boolean
}

/**
 * A stored picture as a data: URL, read through the media store's checks (an ordinary file, not a link,
 * its bytes still matching its name) and decoded completely; undefined with a warning for the handout's
 * result if it cannot be used.
 */
async function storedPicture(
  library: Library,
  file: string | undefined,
  warn: () => void,
): Promise<string | undefined> {
  if (!file) return undefined
  try {
    const bytes = await library.media.stored(file)
    // Decoded as react-pdf would: one it cannot draw would otherwise vanish from the page without a word.
    if (pictureProblem(bytes)) throw new Error('not drawable')
    return `data:image/${file.endsWith('.png') ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`
  } catch {
    warn()
    return undefined
  }
}

/** The exercise and the program's item with the words of `language` put in, or what is missing in it. */
function inLanguage(
  exercise: Exercise,
  item: ProgramItem,
  language: HandoutLanguage,
): { exercise: Exercise; item: ProgramItem; missing: string[] } {
  if (language === 'en') return { exercise, item, missing: [] }
  const words = exercise.translations?.[language]
  const steps = item.translations?.[language]?.instructionOverride
  const missing = [
    ...(words ? [] : [say('handout.missing.exercise', { name: exercise.name })]),
    ...(item.instructionOverride?.length && !steps?.length
      ? [say('handout.missing.steps', { name: exercise.name })]
      : []),
  ]
  const translated: Exercise = words
    ? {
        ...exercise,
        name: words.name,
        plainTitle: words.plainTitle,
        steps: words.steps,
        cues: words.cues,
        cautions: words.cautions,
        // A custom exercise's Spanish has no frame labels: its frames print unlabelled rather than in English.
        ...(exercise.diagram?.labels
          ? { diagram: { ...exercise.diagram, labels: words.labels ?? exercise.diagram.labels.map(() => '') } }
          : {}),
      }
    : exercise
  return { exercise: translated, item: steps?.length ? { ...item, instructionOverride: steps } : item, missing }
}

/**
 * A handout language as messages name it: the name the screens give it (common:vocab.language), written in lower
 * case inside a Spanish sentence ("versión en español"), as Spanish writes language names.
 */
function languageName(language: HandoutLanguage): string {
  const speaking = messageLanguage()
  const name = i18nFor(speaking).t(`common:vocab.language.${language}`)
  return speaking === 'en' ? name : name.toLocaleLowerCase(speaking)
}

/**
 * Resolves a saved program into everything the handout prints, plus warnings for pictures that could not be
 * used (left out; the handout prints without them) and for words printed in English in another language's handout.
 */
export async function handoutFor(
  patient: Patient,
  program: Program,
  deps: { library: Library },
  settings: Settings,
  options: HandoutChoices,
): Promise<{ input: HandoutInput; warnings: string[] }> {
  if (!settings.clinic.name) {
    throw new AppFailure('invalid_argument', say('handout.noClinicName'), 'clinic')
  }
  if (program.items.length === 0) throw new AppFailure('invalid_argument', say('handout.noExercises'), 'programId')
  const language = options.language ?? patient.handoutLanguage ?? 'en'
  const warnings: string[] = []
  const missing: string[] = []
  const loadUnit = loadUnitOf(settings)
  const items = await Promise.all(
    program.items.map(async (programItem) => {
      const found = await deps.library.find(programItem.exerciseId)
      if (!found)
        throw new AppFailure(
          'invalid_argument',
          say('handout.notInLibrary', { id: programItem.exerciseId }),
          'programId',
        )
      const image = await storedPicture(deps.library, found.images[0]?.file, () =>
        warnings.push(
          found.diagram
            ? say('handout.photoUnreadableDiagram', { name: found.name })
            : say('handout.photoUnreadable', { name: found.name }),
        ),
      )
      const { exercise, item, missing: lacking } = inLanguage(found, programItem, language)
      missing.push(...lacking)
      const printed = handoutItemOf(exercise, item, image)
      // A load saved without a unit prints in the clinic's (pounds for a US clinic), never a guessed kilogram.
      return { ...printed, dosage: withLoadUnit(printed.dosage, loadUnit) }
    }),
  )
  const { logo: logoFile, layout: _layout, translations, ...clinicWords } = settings.clinic
  const clinicInLanguage = language === 'en' ? undefined : translations?.[language]
  const closingMessage = language === 'en' ? clinicWords.closingMessage : clinicInLanguage?.closingMessage
  if (language !== 'en' && clinicWords.closingMessage && !closingMessage)
    missing.push(say('handout.missing.closingMessage'))
  if (missing.length) {
    const words = { list: missing.join(', '), language: languageName(language), count: missing.length }
    const what = say('handout.missing.what', words)
    if (!options.allowEnglish && !options.preview)
      throw new AppFailure(
        'invalid_argument',
        say('handout.missing.refused', { ...words, what: `${what[0]!.toUpperCase()}${what.slice(1)}` }),
        'allowEnglish',
      )
    warnings.push(say('handout.missing.printedInEnglish', { what }))
  }
  const therapistName = program.therapist ?? patient.therapist
  const known =
    settings.therapists.find((t) => therapistName && t.name === therapistName) ??
    (therapistName ? undefined : settings.therapists[0])
  const therapist = known ?? (therapistName ? { name: therapistName } : undefined)
  const logo = await storedPicture(deps.library, logoFile, () => warnings.push(say('handout.logoUnreadable')))
  const clinic = {
    ...clinicWords,
    ...(clinicInLanguage?.name ? { name: clinicInLanguage.name } : {}),
    // Without its words in the language (printed in English when allowed), the English message stays.
    ...(closingMessage ? { closingMessage } : {}),
  }
  const input: HandoutInput = {
    clinic: { ...clinic, ...(logo ? { logo } : {}) },
    ...(therapist ? { therapist } : {}),
    patient: {
      firstName: patient.firstName,
      lastName: patient.lastName,
      ...(patient.preferredName ? { preferredName: patient.preferredName } : {}),
    },
    date: options.date,
    program: { title: program.title, ...(program.goals ? { goals: program.goals } : {}), items },
    layout: options.layout,
    paper: options.paper,
    language,
    logDays: options.logDays,
    namesInFiles: namesInFilesOf(settings),
    shorthand: settings.clinicianShorthand === true,
  }
  return { input, warnings }
}
