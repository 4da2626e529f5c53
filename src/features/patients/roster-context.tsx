/**
 * Moved to src/app/roster-context.tsx (app-wide state, like the api). This file only keeps ProgramBuilder's import working until it
 * (being split on other branches) imports from there; tests/config/feature-imports.test.ts names it until then.
 */
export { RosterProvider, useRoster } from '../../app/roster-context'
