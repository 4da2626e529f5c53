/**
 * Moved to src/app/library-context.tsx (app-wide state, like the api). This file only keeps ProgramBuilder's and ExerciseForm's import working until they
 * (being split on other branches) import from there; tests/config/feature-imports.test.ts names it until then.
 */
export { LibraryProvider, useLibrary } from '../../app/library-context'
