/**
 * Where handouts are rendered, behind one interface: in this process (tests and `npm run handout`), in a Node
 * worker thread (the browser bridge) or in an Electron utility process (the app, electron/main/render-process.ts).
 * Rendering a handout keeps a thread busy for 30-600 ms; off the main thread, saves, thumbnails and window
 * events no longer wait behind it.
 *
 * Renders run one at a time, in the order asked. A render whose signal is aborted is settled at once with
 * RenderCancelled: if it had not started it never starts, and if it is being rendered its result is dropped.
 * A renderer that stops (crash, out of memory, killed) fails the render it was doing with a plain error and is
 * started again for the next one.
 */
import { z } from 'zod'
import type { PagesResult, RenderResult } from './render'
import type { HandoutLanguage } from '../../../src/core/languages'
import { messageLanguage, say, setMessageLanguage } from '../../../src/i18n/say'

export type { PagesResult, RenderResult }

export interface RenderOptions {
  pageBreaks?: 'measured' | 'react-pdf'
  /**
   * The language the render's warnings speak: the asking process's message language (see src/i18n/say.ts), which a
   * renderer in its own thread or process does not share. Set by the renderer from the caller's; a caller need not.
   */
  messages?: HandoutLanguage
}

export interface HandoutRenderer {
  /** The handout as one PDF (export, print). */
  render(input: unknown, options?: RenderOptions, signal?: AbortSignal): Promise<RenderResult>
  /**
   * The handout as separate one-page PDFs with their keys (the live preview: putting them together cost more than
   * rendering the page an edit changed), or as one PDF when its pages could not be rendered one by one.
   */
  renderPages(input: unknown, options?: RenderOptions, signal?: AbortSignal): Promise<PagesResult | RenderResult>
  /** Stops the renderer; renders not finished fail. */
  close(): Promise<void>
}

/** A render that was no longer wanted (a newer preview of the same program came); not an error to show. */
export class RenderCancelled extends Error {
  constructor() {
    super('The render was cancelled: a newer one was asked for.')
    this.name = 'RenderCancelled'
  }
}

/** Parent to renderer. */
export interface RenderRequest {
  type: 'render'
  id: number
  input: unknown
  options: RenderOptions
  /** 'pages': reply with the pages apart (renderPages); else with one PDF. */
  output: 'document' | 'pages'
  fontsDir: string
}

/** Renderer to parent: a render's result, or why it failed. */
export type RenderReply =
  | { type: 'done'; id: number; pdf?: Uint8Array; pages?: Uint8Array[]; warnings: string[]; pageKeys?: string[] }
  | { type: 'failed'; id: number; error: ErrorFields }

/** A failed render's error as plain data that crosses to another thread or process; `cause` only within one. */
export interface ErrorFields {
  name: string
  message: string
  /** A schema check's problems, so the caller can say the first one in words. */
  issues?: z.core.$ZodIssue[]
  cause?: unknown
}

/**
 * A renderer's stop, reported once to the runner's listener however many exit and error events the child sends;
 * `silence` before a deliberate kill, which is no news.
 */
export function exitOnce(): { exit: (what: string) => void; onExit: RenderChannel['onExit']; silence: () => void } {
  let listener: ((what: string) => void) | undefined
  let done = false
  return {
    exit: (what) => {
      if (done) return
      done = true
      listener?.(what)
    },
    onExit: (fn) => void (listener = fn),
    silence: () => void (done = true),
  }
}

/** One running renderer (a worker thread, a utility process, or this process), as the runner talks to it. */
export interface RenderChannel {
  send(request: RenderRequest): void
  /** `listener` gets each reply. */
  onReply(listener: (reply: RenderReply) => void): void
  /** `listener` is called once if the renderer stops by itself, with what happened in a few words. */
  onExit(listener: (what: string) => void): void
  kill(): void
}

interface Job {
  id: number
  input: unknown
  options: RenderOptions
  output: RenderRequest['output']
  signal?: AbortSignal
  settled: boolean
  resolve(result: PagesResult | RenderResult): void
  reject(error: unknown): void
  abort?: () => void
}

/**
 * A HandoutRenderer over channels from `spawn`: one render at a time; a channel is opened on the first render
 * (or at once if `warm`: starting a worker and loading react-pdf there costs seconds, and the spawn itself a few
 * milliseconds of this thread, better spent before the first preview) and again after one stops.
 */
export function createChannelRenderer(
  spawn: () => RenderChannel,
  fontsDir: string,
  options: { what?: string; warm?: boolean } = {},
): HandoutRenderer {
  const what = () => options.what ?? say('renderer.name')
  const queue: Job[] = []
  let current: Job | undefined
  let channel: RenderChannel | undefined
  let closed = false
  let nextId = 1

  const settle = (job: Job, outcome: { result: PagesResult | RenderResult } | { error: unknown }) => {
    if (job.settled) return
    job.settled = true
    if (job.abort) job.signal?.removeEventListener('abort', job.abort)
    if ('result' in outcome) job.resolve(outcome.result)
    else job.reject(outcome.error)
  }

  const open = (): RenderChannel => {
    const opened = spawn()
    opened.onReply((reply) => {
      const job = current
      // A reply for another render (one already given up on) has nothing waiting for it.
      if (channel !== opened || !job || reply.id !== job.id) return
      current = undefined
      if (reply.type === 'done') settle(job, resultOf(reply, job.output))
      else settle(job, { error: errorFrom(reply.error) })
      pump()
    })
    opened.onExit((how) => {
      if (channel !== opened) return
      channel = undefined
      const job = current
      current = undefined
      if (job)
        settle(job, {
          error: new Error(say('renderer.stopped', { what: what(), how })),
        })
      pump()
    })
    return opened
  }

  const pump = () => {
    if (current || closed) return
    let job = queue.shift()
    while (job?.settled) job = queue.shift()
    if (!job) return
    current = job
    try {
      channel ??= open()
      channel.send({ type: 'render', id: job.id, input: job.input, options: job.options, output: job.output, fontsDir })
    } catch (error) {
      // Not sent (an input that cannot be copied to another thread, a renderer that cannot start): this render
      // fails, the next ones are still tried.
      current = undefined
      settle(job, { error })
      pump()
    }
  }

  if (options.warm) channel = open()
  const enqueue = (input: unknown, options: RenderOptions, output: RenderRequest['output'], signal?: AbortSignal) =>
    new Promise<PagesResult | RenderResult>((resolve, reject) => {
      if (closed) return reject(new Error(say('renderer.closed', { what: what() })))
      if (signal?.aborted) return reject(new RenderCancelled())
      const job: Job = {
        id: nextId++,
        input,
        options: { ...options, messages: options.messages ?? messageLanguage() },
        output,
        signal,
        settled: false,
        resolve,
        reject,
      }
      if (signal) {
        job.abort = () => {
          // Not started: it never starts. Being rendered: the renderer finishes it and its reply is ignored.
          const at = queue.indexOf(job)
          if (at >= 0) queue.splice(at, 1)
          settle(job, { error: new RenderCancelled() })
        }
        signal.addEventListener('abort', job.abort, { once: true })
      }
      queue.push(job)
      pump()
    })
  return {
    // resultOf gives a document for a 'document' request, or an error.
    render: (input, options = {}, signal) => enqueue(input, options, 'document', signal) as Promise<RenderResult>,
    renderPages: (input, options = {}, signal) => enqueue(input, options, 'pages', signal),
    close: async () => {
      closed = true
      const left = [...(current ? [current] : []), ...queue.splice(0)]
      current = undefined
      for (const job of left) settle(job, { error: new Error(say('renderer.closedBefore', { what: what() })) })
      const running = channel
      channel = undefined
      running?.kill()
    },
  }
}

/** What a renderer does with one request, given render.tsx's module: the same in every thread and process. */
export function renderFor(
  request: RenderRequest,
  render: Pick<typeof import('./render'), 'renderHandout' | 'renderHandoutPages'>,
): Promise<PagesResult | RenderResult> {
  if (request.options.messages) setMessageLanguage(request.options.messages)
  return request.output === 'pages'
    ? render.renderHandoutPages(request.input, request.fontsDir, request.options)
    : render.renderHandout(request.input, request.fontsDir, request.options)
}

/** A finished render as the reply that carries it (plain Uint8Arrays, which cross threads and processes as bytes). */
export function doneReply(id: number, result: PagesResult | RenderResult): RenderReply {
  const plain = (bytes: Uint8Array) => new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const { warnings, pageKeys } = result
  return 'pages' in result
    ? { type: 'done', id, pages: result.pages.map(plain), warnings, pageKeys }
    : { type: 'done', id, pdf: plain(result.pdf), warnings, ...(pageKeys ? { pageKeys } : {}) }
}

/** A 'done' reply as the result the caller asked for; a reply without what was asked is a failed render. */
function resultOf(
  reply: Extract<RenderReply, { type: 'done' }>,
  output: RenderRequest['output'],
): { result: PagesResult | RenderResult } | { error: Error } {
  const { warnings, pageKeys } = reply
  if (reply.pdf)
    return {
      result: {
        pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength),
        warnings,
        ...(pageKeys ? { pageKeys } : {}),
      },
    }
  if (output === 'pages' && reply.pages && pageKeys?.length === reply.pages.length)
    return { result: { pages: reply.pages, pageKeys, warnings } }
  return { error: new Error(say('renderer.noHandout')) }
}

/** Renders in this process (tests, `npm run handout`): render.tsx is loaded on the first render, not before. */
export function inProcessChannel(): RenderChannel {
  let reply: (r: RenderReply) => void = () => {}
  return {
    send: (request) => {
      void import('./render')
        .then((render) => renderFor(request, render))
        .then(
          (result) => reply(doneReply(request.id, result)),
          (error: unknown) => reply({ type: 'failed', id: request.id, error: { ...errorFields(error), cause: error } }),
        )
    },
    onReply: (listener) => void (reply = listener),
    onExit: () => {},
    kill: () => {},
  }
}

export const createInProcessRenderer = (fontsDir: string): HandoutRenderer =>
  createChannelRenderer(inProcessChannel, fontsDir)

/** What a failed render's error says, as plain data that crosses to another thread or process. */
export function errorFields(error: unknown): ErrorFields {
  if (error instanceof z.core.$ZodError) return { name: error.name, message: error.message, issues: error.issues }
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) }
}

/** The error again on this side: the very one where it never left this process, else one that says the same. */
function errorFrom(fields: ErrorFields): unknown {
  if (fields.cause !== undefined) return fields.cause
  if (fields.issues) return new z.ZodError(fields.issues)
  return Object.assign(new Error(fields.message), { name: fields.name })
}
