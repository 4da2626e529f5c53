import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Document, Page, Text, View } from '@react-pdf/renderer'
import { registerFonts } from '../../../electron/services/handout/document/fonts'
import { renderPdf } from '../../../electron/services/handout/react-pdf-instance'
import { layOut, layoutReport, type LaidNode } from '../../../electron/services/handout/react-pdf-layout'
import { installed, packageDir, upgradeMessage } from '../../support/installed'

const packages = [installed('@react-pdf/renderer'), installed('@react-pdf/layout', '@react-pdf/renderer')]
const changed = (what: string) =>
  upgradeMessage(packages, what, 'electron/services/handout/react-pdf-layout.ts', {
    meanwhile:
      'renderHandout falls back to react-pdf’s own page breaking (slow: seconds for a long handout) wherever the layout is not reported as expected.',
  })

const boxes = (nodes: LaidNode[] | undefined) =>
  (nodes ?? []).map((n) => ({ height: n.box?.height, marginTop: n.box?.marginTop, marginBottom: n.box?.marginBottom }))

// Blocks of known size, on pages that do not break: what the page plan measures and checks.
const blocks = (
  <>
    <View style={{ height: 30 }} />
    <View style={{ height: 50, marginTop: 5, marginBottom: 7 }} />
  </>
)

describe('react-pdf’s layout, as react-pdf-layout.ts reads it', () => {
  it('is reported to onRender as _INTERNAL__LAYOUT__DATA_, a page per child with its nodes’ boxes', async () => {
    const report = layoutReport()
    await renderPdf(
      <Document onRender={report.onRender}>
        <Page size="A4" wrap={false}>
          {blocks}
        </Page>
        <Page size="A4" wrap={false}>
          <View style={{ height: 20 }} />
        </Page>
      </Document>,
    )
    const laid = report.laid()
    expect(laid, changed('a Document’s onRender no longer gets { _INTERNAL__LAYOUT__DATA_ }')).toBeDefined()
    expect(laid!.children?.length, changed('the reported layout no longer has one child per page')).toBe(2)
    expect(
      boxes(laid!.children![0]!.children),
      changed('the reported layout’s page nodes no longer carry box.height/marginTop/marginBottom in points'),
    ).toEqual([
      { height: 30, marginTop: 0, marginBottom: 0 },
      { height: 50, marginTop: 5, marginBottom: 7 },
    ])
  })

  it('is computed without writing a PDF from pdf().container.document and @react-pdf/layout’s layoutDocument', async () => {
    const laid = await layOut(
      <Document>
        <Page size={{ width: 400 }} wrap={false}>
          {blocks}
        </Page>
      </Document>,
    ).catch((error: unknown) => {
      throw new Error(changed(`laying out pdf().container.document with layoutDocument(root, Font) failed: ${error}`))
    })
    expect(
      boxes(laid.children?.[0]?.children),
      changed('layoutDocument(pdf().container.document, Font) no longer gives the page’s nodes with their boxes'),
    ).toEqual([
      { height: 30, marginTop: 0, marginBottom: 0 },
      { height: 50, marginTop: 5, marginBottom: 7 },
    ])
  })

  it('lays text out with react-pdf’s own font store, so measured text is as tall as printed text', async () => {
    registerFonts(resolve('resources/fonts'))
    const words = 'Keep your back flat and breathe out as you lift. '.repeat(6)
    const text = async (width: number) => {
      const laid = await layOut(
        <Document>
          <Page size={{ width }} wrap={false}>
            <Text style={{ fontFamily: 'NotoLatin', fontSize: 10, lineHeight: 1.4 }}>{words}</Text>
          </Page>
        </Document>,
      )
      return laid.children?.[0]?.children?.[0]?.box?.height ?? NaN
    }
    const [wide, narrow] = [await text(2000), await text(200)]
    expect(wide, changed('a line of text laid out with the Font store is not one 14 pt line')).toBeCloseTo(14, 0)
    expect(
      narrow / wide,
      changed('text laid out with the Font store no longer wraps to the page width'),
    ).toBeGreaterThan(4)
  })

  it('comes from the same @react-pdf/layout that @react-pdf/renderer uses', () => {
    const renderers = createRequire(join(packageDir('@react-pdf/renderer'), 'package.json'))
    expect(
      createRequire(join(process.cwd(), 'package.json')).resolve('@react-pdf/layout'),
      changed(
        'the project’s @react-pdf/layout is not the copy @react-pdf/renderer uses: make package.json’s @react-pdf/layout match the version @react-pdf/renderer depends on',
      ),
    ).toBe(renderers.resolve('@react-pdf/layout'))
  })
})
