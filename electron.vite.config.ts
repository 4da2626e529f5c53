import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { META_CONTENT_SECURITY_POLICY } from './electron/main/security'

/** Writes the Content-Security-Policy meta tag into index.html from electron/main/security.ts (written once there). */
export const cspMeta = (): Plugin => ({
  name: 'homeplan-csp-meta',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
})

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The handout renderer runs in its own process (electron/main/render-process.ts): its own entry, out/main/handout-worker.js.
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'handout-worker': resolve('electron/services/handout/render-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else
      // into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src',
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; minified it parses faster at every start (sizes in git log).
      minify: 'esbuild',
      rollupOptions: { input: { index: resolve('src/index.html') } },
    },
    plugins: [cspMeta(), react()],
  },
})
