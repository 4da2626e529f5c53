/**
 * The handout renderer's own thread or process: a Node worker thread (electron/services/handout/worker-renderer.ts)
 * or an Electron utility process (electron/main/render-process.ts). It renders one handout per request and
 * replies with the PDF bytes; see RenderRequest and RenderReply in ./renderer.
 */
import { parentPort } from 'node:worker_threads'
import { doneReply, errorFields, renderFor, type RenderReply, type RenderRequest } from './renderer'

// React's production build: set before react and react-pdf are first imported (below, dynamically), since they
// choose their build when loaded. Measured 10-19% faster than the development build.
process.env['NODE_ENV'] = 'production'

interface Port {
  post(reply: RenderReply): void
  onRequest(listener: (request: RenderRequest) => void): void
}

/** Electron's utility process has process.parentPort; a worker thread has worker_threads' parentPort. */
function port(): Port {
  const utility = (
    process as unknown as {
      parentPort?: {
        postMessage(message: unknown): void
        on(event: 'message', listener: (event: { data: unknown }) => void): void
      }
    }
  ).parentPort
  if (utility)
    return {
      post: (reply) => utility.postMessage(reply),
      onRequest: (listener) => void utility.on('message', (event) => listener(event.data as RenderRequest)),
    }
  const thread = parentPort
  if (thread)
    return { post: (reply) => thread.postMessage(reply), onRequest: (listener) => void thread.on('message', listener) }
  throw new Error('The handout renderer runs as a worker thread or an Electron utility process, not on its own.')
}

const channel = port()
const rendering = import('./render')

channel.onRequest((request) => {
  if (request.type !== 'render') return
  void rendering
    .then((render) => renderFor(request, render))
    .then(
      (result) => channel.post(doneReply(request.id, result)),
      (error: unknown) => channel.post({ type: 'failed', id: request.id, error: errorFields(error) }),
    )
})
