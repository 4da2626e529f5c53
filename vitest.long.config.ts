/**
 * The long runs, kept out of `npm test` so it stays quick: the model-based roster test for minutes with a
 * fresh seed, and the crash test with 200 kills. `npm run test:long`; CI runs it after `npm test`.
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['tests/support/temp-root.ts'],
    setupFiles: ['tests/support/close-services.ts'],
    environment: 'node',
    include: ['tests/services/roster/{model,crash}.test.ts'],
    env: { HOMEPLAN_LONG: '1' },
  },
})
