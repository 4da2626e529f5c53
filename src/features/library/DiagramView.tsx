/**
 * Moved to src/components/DiagramView.tsx (used by the library and the builder). This file only keeps PoseEditor's import working until it
 * (being split on other branches) imports from there; tests/config/feature-imports.test.ts names it until then.
 */
export { DiagramView } from '../../components/DiagramView'
