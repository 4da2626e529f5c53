import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ['tests/support/temp-root.ts'],
    // A handout render takes 1-3 s on a quiet 2-core machine; 5 s (the default) failed them whenever the machine was
    // busy. Behaviour is asserted, never speed (that is what `npm run bench` is for).
    testTimeout: 30000,
    hookTimeout: 30000,
    // One worker per core. Vitest's default leaves one core free, which on a 2-core machine is a single worker:
    // 306 s for the suite there, 196 s with two (most files wait on rendering or child processes, not the CPU).
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/{core,services,main,bridge,scripts,diagrams,config,i18n}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/close-services.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/close-services.ts', 'tests/renderer/setup.ts'],
        },
      },
    ],
  },
})
