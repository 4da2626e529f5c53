/** The six exercises of the clinic's hip sheet (../shared/seeds), in its order: the reference program. */
export const seedExerciseIds = [
  'clamshells',
  'reverse-clamshells',
  'hip-flexor-stretch',
  'side-lying-hip-abduction',
  'prone-hip-extension',
  'bridges',
] as const
