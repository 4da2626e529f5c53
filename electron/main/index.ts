/// <reference types="electron-vite/node" />
import { launch } from './entry'

// Awaited at the top level: Electron emits `ready` only once the entry has finished, so the app can still set its
// paths before it (https://www.electronjs.org/docs/latest/tutorial/esm). import.meta.env.PROD is true only in the
// build (`electron-vite build`), not in `electron-vite dev` or tests.
await launch(process.env, import.meta.env.PROD, () => import('./app'))
