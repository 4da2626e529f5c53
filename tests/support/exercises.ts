import type { ExerciseInput } from '../../src/core/exercise'

/**
 * A therapist's own exercise as createExercise takes it: step-ups, standing, with a step. Tests change what they
 * are about (`exerciseInput({ steps: [...] })`).
 */
export function exerciseInput(overrides: Partial<ExerciseInput> = {}): ExerciseInput {
  return {
    name: 'Step-ups',
    aliases: [],
    regions: ['knee'],
    position: 'standing',
    type: 'strengthening',
    equipment: ['step'],
    difficulty: 'moderate',
    steps: ['Step up onto a low step.', 'Step down slowly.'],
    cues: [],
    cautions: [],
    defaultDosage: {},
    progressions: [],
    regressions: [],
    images: [],
    ...overrides,
  }
}
