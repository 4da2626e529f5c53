import { say } from '../i18n/say'
import type { Exercise, Template, TemplateInput } from './exercise'
import type { ProgramItem } from './patient'

export class TemplateError extends Error {}

/** Turns a template into program items for one patient: dosage and notes copied, then theirs to edit. */
export function applyTemplate(
  template: Pick<Template, 'name' | 'items'>,
  library: ReadonlyMap<string, Exercise>,
  newId: () => string,
): ProgramItem[] {
  const missing = template.items.filter((item) => !library.has(item.exerciseId)).map((item) => item.exerciseId)
  if (missing.length) {
    throw new TemplateError(say('record.templateMissing', { name: template.name, missing: missing.join(', ') }))
  }
  return template.items.map((item) => ({
    id: newId(),
    exerciseId: item.exerciseId,
    dosage: structuredClone(item.dosage),
    ...(item.instructionOverride ? { instructionOverride: [...item.instructionOverride] } : {}),
    ...(item.translations ? { translations: structuredClone(item.translations) } : {}),
    ...(item.notes ? { notes: item.notes } : {}),
  }))
}

/** The reverse: a program's items as a template's (ids dropped). */
export function templateItemsOf(items: readonly ProgramItem[]): TemplateInput['items'] {
  return items.map(({ exerciseId, dosage, instructionOverride, translations, notes }) => ({
    exerciseId,
    dosage: structuredClone(dosage),
    ...(instructionOverride ? { instructionOverride: [...instructionOverride] } : {}),
    ...(translations ? { translations: structuredClone(translations) } : {}),
    ...(notes ? { notes } : {}),
  }))
}
