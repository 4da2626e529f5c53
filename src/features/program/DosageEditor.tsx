/**
 * Moved to src/components/DosageEditor.tsx (used by the library and the builder). This file only keeps ExerciseForm's import working until it
 * (being split on other branches) imports from there; tests/config/feature-imports.test.ts names it until then.
 */
export { DosageEditor } from '../../components/DosageEditor'
