import { EventEmitter } from 'node:events'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sourceWorkerEntry } from '../../electron/services/handout/worker-renderer'
import { pdfText } from '../support/pdf'

/**
 * Electron's utilityProcess, played by a worker thread that runs the real renderer entry: the same messages
 * go both ways (postMessage / 'message'), and a process that dies says so with 'exit' and its code.
 */
const h = vi.hoisted(() => ({
  forks: [] as {
    modulePath: string
    options: Record<string, unknown>
    child: { kill(): boolean; die(): Promise<void> }
  }[],
}))

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (modulePath: string, _args: string[], options: Record<string, unknown>) => {
      const entry = sourceWorkerEntry()
      const worker = new Worker(entry.file, { execArgv: entry.execArgv, env: options['env'] as NodeJS.ProcessEnv })
      const child = Object.assign(new EventEmitter(), {
        postMessage: (message: unknown) => worker.postMessage(message),
        kill: () => (void worker.terminate(), true),
        die: async () => void (await worker.terminate()),
      })
      worker.on('message', (message) => child.emit('message', message))
      worker.on('exit', (code) => child.emit('exit', code))
      h.forks.push({ modulePath, options, child })
      return child
    },
  },
}))

const { createUtilityRenderer } = await import('../../electron/main/render-process')

const fonts = resolve('resources/fonts')
const example = async () => JSON.parse(await readFile('docs/handout-example.json', 'utf8')) as object
const renderers: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(renderers.splice(0).map((r) => r.close()))
  h.forks.length = 0
})

describe('the handout renderer in a utility process', () => {
  it('forks the built worker entry with React in production mode, only once a handout is asked for, and renders it there', async () => {
    const renderer = createUtilityRenderer('/app/out/main/handout-worker.js', fonts)
    renderers.push(renderer)
    expect(h.forks).toHaveLength(0)
    const { pdf, warnings } = await renderer.render(await example())
    expect(h.forks).toHaveLength(1)
    expect(h.forks[0]!.modulePath).toBe('/app/out/main/handout-worker.js')
    expect(h.forks[0]!.options).toMatchObject({
      serviceName: 'Homeplan handout renderer',
      env: { NODE_ENV: 'production' },
    })
    expect(warnings).toEqual([])
    expect((await pdfText(pdf)).all).toContain('Riverside Physical Therapy')
  })

  it('says plainly when the process dies mid-render, forks a new one for the next render, and stops it on close', async () => {
    const renderer = createUtilityRenderer('/app/out/main/handout-worker.js', fonts)
    const input = await example()
    const dying = renderer.render(input)
    await new Promise((r) => setTimeout(r, 50))
    await h.forks[0]!.child.die()
    await expect(dying).rejects.toThrow(
      /The handout renderer stopped while rendering this handout \(it stopped with exit code \d+\)/,
    )
    expect((await renderer.render(input)).pdf.length).toBeGreaterThan(1000)
    expect(h.forks).toHaveLength(2)
    const kill = vi.spyOn(h.forks[1]!.child, 'kill')
    await renderer.close()
    expect(kill).toHaveBeenCalledOnce()
  })
})
