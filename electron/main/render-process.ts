/**
 * The handout renderer in an Electron utility process (the app): the same worker entry and messages as the
 * worker thread the browser bridge uses (electron/services/handout/render-worker.ts, built to
 * out/main/handout-worker.js), so a render never holds the main process. Glue only: the runner in
 * electron/services/handout/renderer.ts does the queueing, cancelling and restarting.
 */
import { utilityProcess } from 'electron'
import { say } from '../../src/i18n/say'
import {
  createChannelRenderer,
  exitOnce,
  type HandoutRenderer,
  type RenderChannel,
  type RenderReply,
} from '../services/handout/renderer'

/** A utility process running the renderer, as a RenderChannel. */
export function utilityChannel(modulePath: string): RenderChannel {
  const child = utilityProcess.fork(modulePath, [], {
    serviceName: 'Homeplan handout renderer',
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  })
  const { exit, onExit, silence } = exitOnce()
  child.on('exit', (code) => exit(say('renderer.exited', { code })))
  child.on('error', (type, location) => exit(`${type} at ${location}`))
  return {
    send: (request) => child.postMessage(request),
    onReply: (listener) => void child.on('message', (reply: RenderReply) => listener(reply)),
    onExit,
    kill: () => {
      silence()
      child.kill()
    },
  }
}

/**
 * The app's renderer. Started at the first render, not at launch: loading react-pdf there takes a second of CPU
 * that the window needs more while it opens.
 */
export const createUtilityRenderer = (modulePath: string, fontsDir: string): HandoutRenderer =>
  createChannelRenderer(() => utilityChannel(modulePath), fontsDir)
