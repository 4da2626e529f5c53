import type { ReactElement } from 'react'
import { pdf, type DocumentProps } from '@react-pdf/renderer'

/** react-pdf renderers not rendering at the moment; one is enough unless renders overlap. */
const idle: ReturnType<typeof pdf>[] = []

/**
 * react-pdf's renderToBuffer, but on a renderer kept for the next render: renderToBuffer sets up a new React
 * root for every document and React keeps every root it has seen, with the document in it (about 1 MB a
 * handout), which a live preview re-rendering on every edit kept adding to. The document is let go after
 * rendering, so each render starts from nothing, as with renderToBuffer.
 */
export async function renderPdf(document: ReactElement<DocumentProps>): Promise<Buffer> {
  return withInstance(document, async (instance) => {
    const chunks: Buffer[] = []
    for await (const chunk of await instance.toBuffer()) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  })
}

/** `use` given a react-pdf renderer holding `document`, which is let go afterwards (see renderPdf). */
export async function withInstance<T>(
  document: ReactElement<DocumentProps>,
  use: (instance: ReturnType<typeof pdf>) => Promise<T>,
): Promise<T> {
  const instance = idle.pop() ?? pdf()
  try {
    instance.updateContainer(document)
    return await use(instance)
  } finally {
    try {
      instance.updateContainer(null as unknown as ReactElement)
      idle.push(instance)
    } catch {
      // Not reusable then: the next render makes a new one.
    }
  }
}
