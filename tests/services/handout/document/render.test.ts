import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { create } from 'fontkit'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { renderHandout } from '../../../../electron/services/handout/render'
import { dosageLine } from '../../../../src/core/dosage-format'
import { handoutInputSchema, handoutItemOf, type HandoutInput } from '../../../../src/core/handout-model'
import { dosagePlain } from '../../../../src/core/dosage-words'
import { makeJpeg, makePng } from '../../../support/images'
import { makeStyles } from '../../../../electron/services/handout/document/styles'
import { overlappingText, pdfText, type PdfText } from '../../../support/pdf'

const fonts = resolve('resources/fonts')
const example = (): HandoutInput =>
  handoutInputSchema.parse(JSON.parse(readFileSync('docs/handout-example.json', 'utf8')))
const render = async (input: unknown) => (await renderHandout(input, fonts)).pdf
/** pdf text runs are split where lines wrap; compare with all whitespace (and stray control codes) removed. */
const squash = (s: string) => s.replace(/[\s\p{Cc}]+/gu, '')

describe('the handout PDF', () => {
  let text: PdfText
  beforeAll(async () => {
    text = await pdfText(await render(example()))
  })

  it('names the patient, date, therapist with credentials and clinic', () => {
    expect(text.pages[0]!.text).toContain('Your home exercise program')
    expect(squash(text.pages[0]!.text)).toContain(squash('For Anna Łukasiewicz'))
    expect(text.pages[0]!.text).toContain('November 26, 2026')
    expect(squash(text.pages[0]!.text)).toContain(squash('Your therapist: Jessica Jones, PT, DPT'))
    expect(text.pages[0]!.text).toContain('Riverside Physical Therapy')
  })

  it('prints every exercise with its steps and its dose in words, and the clinician shorthand only when asked', async () => {
    for (const item of example().program.items) {
      expect(text.all).toContain(item.name)
      expect(squash(text.all)).toContain(squash(dosagePlain(item.dosage)))
      expect(squash(text.all)).not.toContain(squash(dosageLine(item.dosage)))
      expect(squash(text.all)).toContain(squash(item.steps[0]!))
    }
    expect(squash(text.all)).toContain(squash('From your therapist: Start with your sore side on top.'))
    const withShorthand = await pdfText(await render({ ...example(), shorthand: true }))
    for (const item of example().program.items)
      expect(squash(withShorthand.all)).toContain(squash(dosageLine(item.dosage)))
  })

  it('heads a card with its plain title and the clinical name after it, in the card, the table and the log', async () => {
    const input = example()
    input.program.items[0] = { ...input.program.items[0]!, title: 'Lying on your side: knee lifts' }
    const out = await pdfText(await render(input))
    // The table on page 1 and the card both carry title and name; the log the title.
    expect(squash(out.pages[0]!.text)).toContain(squash('Lying on your side: knee lifts (Clamshells)'))
    expect(
      squash(
        out.pages
          .slice(1, -1)
          .map((p) => p.text)
          .join(' '),
      ),
    ).toContain(squash('Lying on your side: knee lifts (Clamshells)'))
    expect(squash(out.pages.at(-1)!.text)).toContain(squash('1. Lying on your side: knee lifts'))
  })

  it('numbers every page “Page n of N” with the safety line and the patient’s name in the footer', () => {
    const total = text.pages.length
    text.pages.forEach((page, i) => {
      expect(page.text).toContain(`Page ${i + 1} of ${total}`)
      expect(squash(page.text), `the patient's name on page ${i + 1}`).toContain(squash('Anna Łukasiewicz'))
      expect(squash(page.text)).toContain(
        squash('Stop and call us at (206) 555-0142 if pain or other symptoms get worse.'),
      )
    })
  })

  it('prints the safety line at no less than 9.5 pt, and the key points and the clinic’s closing words once, after the last card', () => {
    // The footer used to carry the closing words on every page, at 8 pt, the smallest text on the page.
    for (const page of text.pages) {
      const safety = page.items.find((i) => i.str.startsWith('Stop and call us at'))
      expect(safety?.height).toBeGreaterThanOrEqual(9.5)
    }
    const closing = 'If your pain has not eased after two weeks of exercises, book a visit so we can look at it again.'
    const pages = text.pages.flatMap((page, i) => (squash(page.text).includes(squash(closing)) ? [i] : []))
    expect(pages).toHaveLength(1)
    const lastCard = text.pages.findLastIndex((page) => page.text.includes('(Bridges)'))
    const log = text.pages.findIndex((page) => page.text.includes('Your exercise log'))
    expect(pages[0]).toBeGreaterThanOrEqual(lastCard)
    expect(pages[0]).toBeLessThan(log)
    // The key points once more, with the program's own numbers, on the same page.
    expect(squash(text.pages[pages[0]!]!.text)).toContain(
      squash('To remember • Do all 6 exercises once a day: about 17 minutes each time.'),
    )
    expect(squash(text.pages[pages[0]!]!.text)).toContain(squash('bring it to your next visit.'))
    // One stop rule in one wording, on page 1 and again in the key points.
    const rule = squash('Stop and call if anything hurts more than a mild stretch or effort.')
    expect(squash(text.pages[0]!.text)).toContain(rule)
    expect(squash(text.pages[pages[0]!]!.text)).toContain(rule)
    expect(squash(text.pages.map((p) => p.text).join(' '))).not.toContain(squash('is not: stop'))
    // Page 1 says how to use the sheet as a headed list, one point a line, in a patient's words (not "card").
    const first = text.pages[0]!
    expect(first.text).toContain('How to use this sheet')
    const bullets = first.items.filter((i) => i.str.trim() === '•').length
    expect(bullets).toBeGreaterThanOrEqual(4)
    expect(first.text).not.toMatch(/\bcards?\b/i)
  })

  it('ends with a 14-day log grid listing each exercise', () => {
    const log = text.pages.at(-1)!.text
    // The month and year: the day numbers alone do not say which month a ticked box was.
    expect(squash(log)).toContain(squash('Your exercise log: November – December 2026'))
    expect(log).toMatch(/Thu 26 Fri 27 .* Wed 9/)
    // Each row is the exercise in the patient's words (the plain title), numbered as on the cards.
    expect(squash(log)).toContain(squash('6. Lying on your back: lifting your hips off the floor'))
  })
})

describe('the log', () => {
  it('has boxes only on the prescribed days, as many as the sessions a day, and says so', async () => {
    const { logBoxes, logMonths } = await import('../../../../electron/services/handout/document/LogPage')
    const input = example()
    // 2026-11-26 is a Thursday.
    input.program.items[0]!.dosage = { ...input.program.items[0]!.dosage, days: ['mon', 'wed', 'fri'], timesPerDay: 2 }
    input.program.items[1]!.dosage = { ...input.program.items[1]!.dosage, days: undefined, timesPerDay: 3 }
    const boxes = logBoxes(input)
    expect(boxes[0]!.slice(0, 7)).toEqual([0, 2, 0, 0, 2, 0, 2])
    expect(boxes[1]!).toEqual(Array(14).fill(3))
    expect(logMonths({ ...input, logDays: 3 })).toBe('November 2026')
    expect(logMonths({ ...input, date: '2026-12-28' })).toBe('December 2026 – January 2027')
    const log = (await pdfText(await render(input))).pages.at(-1)!.text
    expect(squash(log)).toContain(squash('A day with no box is a rest day for that exercise.'))
  })
})

describe('reprinting', () => {
  it('renders the same handout to the same bytes at any time: the file is dated by the handout’s date', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(new Date('2026-11-26T09:00:00Z'))
      const first = await render(example())
      vi.setSystemTime(new Date('2027-03-01T17:30:00Z'))
      const again = await render(example())
      expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true)
      expect(Buffer.from(first).toString('latin1')).toContain('(D:20261126')
    } finally {
      vi.useRealTimers()
    }
  }, 60_000)
})

describe('large print', () => {
  it('prints every word at 16 pt or more: footer, captions, log and clinic details included, on both papers', async () => {
    for (const paper of ['letter', 'a4'] as const) {
      const out = await pdfText(await render({ ...example(), layout: 'large', paper }))
      const small = out.pages.flatMap((page, i) =>
        page.items
          .filter((run) => run.str.trim() && run.height < 15.99)
          .map((run) => `page ${i + 1}: ${run.height.toFixed(1)} pt “${run.str}”`),
      )
      expect(small, paper).toEqual([])
    }
  }, 60_000)

  it('splits a long log into one-week tables, each with its day headings, and two-week tables in the other layouts', async () => {
    for (const [layout, tables] of [
      ['large', 5],
      ['detailed', 3],
      ['compact', 3],
    ] as const) {
      const out = await pdfText(await render({ ...example(), layout, logDays: 31 }))
      const logPages = out.pages.slice(out.pages.findIndex((p) => p.text.includes('Your exercise log')))
      // "Exercise" heads each table's name column; day labels never run into each other.
      expect(
        logPages.flatMap((p) => p.items.filter((i) => i.str === 'Exercise')),
        layout,
      ).toHaveLength(tables)
      for (const page of logPages) expect(overlappingText(page), layout).toEqual([])
      expect(squash(logPages.map((p) => p.text).join(' ')), layout).toContain(squash('Sat 26'))
      // Every log page says whose log and which month, and no rows go on over a page without their day headings:
      // the second week's table broke after its first row, and the next page held five rows with no headings.
      for (const [i, page] of logPages.entries()) {
        expect(page.text, `${layout} log page ${i + 1}`).toMatch(
          /Your exercise log(, continued)?: (November|December|January)/,
        )
        const heads = page.items.filter((t) => t.str === 'Exercise').map((t) => t.y)
        const rows = page.items.filter((t) => /^\d+\. /.test(t.str)).map((t) => t.y)
        // pdf.js y grows upwards: the first row on a page sits below (smaller y than) a heading.
        expect(heads.length, `${layout} log page ${i + 1}`).toBeGreaterThan(0)
        expect(Math.max(...rows), `${layout} log page ${i + 1}`).toBeLessThan(Math.max(...heads))
      }
    }
  }, 60_000)
})

describe('text that could go wrong', () => {
  it('renders Latin-ext, Greek, Cyrillic and Vietnamese with real glyphs', async () => {
    const corpus = [
      'Łukasiewicz Žofie Ørsted Ğül',
      'Παπαδόπουλος Ελένη',
      'Иван Петрович Щукин',
      'Nguyễn Thị Mai Hương Đặng Phước',
    ]
    const input = example()
    input.patient = { firstName: corpus[3]!, lastName: corpus[2]! }
    input.program.items[0]!.notes = `${corpus[0]} · ${corpus[1]}`
    const out = await pdfText(await render(input))
    for (const line of corpus.slice(0, 3)) expect(squash(out.all)).toContain(squash(line))
    // pdf.js cannot map some composed Vietnamese glyphs (ễ) back to text, though they print correctly
    // (see docs/handout-samples); the words it can map are checked here, the rest by the font check below.
    expect(squash(out.all)).toContain(squash('Thị Mai Hương Đặng Phước'))
    // Every character is in at least one bundled font, so none is drawn as an empty box (.notdef).
    const faces = ['latin', 'latin-ext', 'greek', 'cyrillic', 'vietnamese'].map((s) =>
      create(readFileSync(resolve(fonts, `noto-sans-${s}-400-normal.ttf`))),
    )
    const missing = [...corpus.join('')].filter(
      (c) => c.trim() && !faces.some((f) => 'hasGlyphForCodePoint' in f && f.hasGlyphForCodePoint(c.codePointAt(0)!)),
    )
    expect(missing).toEqual([])
  })

  it('prints script-like text literally and keeps a 300-character word inside the page', async () => {
    const input = example()
    const word = 'https://example.org/' + 'a'.repeat(280)
    input.program.items[1]!.notes = `<script>alert("hi")</script> ${word}`
    const out = await pdfText(await render(input))
    expect(out.all).toContain('<script>alert("hi")</script>')
    // The word is split over lines (react-pdf marks each break with a hyphen) instead of running off the card.
    expect(squash(out.all).replace(/a-a/g, 'aa')).toContain(word)
    for (const page of out.pages)
      for (const item of page.items)
        expect(item.x + item.width, item.str.slice(0, 30)).toBeLessThanOrEqual(page.width - 39)
  })

  it('refuses an empty program with a clear message instead of a blank PDF', async () => {
    const input = example()
    input.program.items = []
    await expect(render(input)).rejects.toThrow('The program has no exercises: add at least one before printing.')
  })

  it('prints a placeholder and a warning for a missing or non-image picture', async () => {
    const input = example()
    input.program.items[0]!.image = '/nonexistent/photo.png'
    delete input.program.items[0]!.diagram
    input.program.items[1]!.image = resolve('docs/handout-example.json')
    const { pdf, warnings } = await renderHandout(input, fonts)
    expect(warnings).toEqual([
      'The picture for “Clamshells” could not be read; a placeholder was printed instead.',
      // An exercise with a diagram falls back to it.
      'The picture for “Reverse clamshells” is not a PNG or JPEG; its diagram was printed instead.',
    ])
    expect(squash((await pdfText(pdf)).all)).toContain(squash('Starting position: Lying on your side'))
  })

  it('does not hang or grow on a FIFO, /dev/zero or a folder given as a picture: each becomes a warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hp-render-'))
    execFileSync('mkfifo', [join(dir, 'pipe.png')])
    const input = example()
    input.program.items[0]!.image = join(dir, 'pipe.png')
    input.program.items[1]!.image = '/dev/zero'
    input.clinic.logo = dir
    const { warnings } = await renderHandout(input, fonts)
    // The three reads finish in any order under load; what matters is that each one is reported.
    expect([...warnings].sort()).toEqual(
      [
        'The picture for “Clamshells” could not be read; its diagram was printed instead.',
        'The picture for “Reverse clamshells” could not be read; its diagram was printed instead.',
        'The picture for the clinic logo could not be read; a placeholder was printed instead.',
      ].sort(),
    )
  }, 30_000)

  it('prints real PNG and JPEG pictures, and leaves out with a warning one that starts right but cannot be decoded', async () => {
    const url = (kind: string, bytes: Buffer) => `data:image/${kind};base64,${bytes.toString('base64')}`
    const png = makePng({ width: 30, height: 20 })
    const input = example()
    input.program.items[0]!.image = url('png', png)
    input.program.items[1]!.image = url('jpeg', makeJpeg())
    input.clinic.logo = url('png', makePng({ palette: true, interlace: true, width: 9, height: 5 }))
    expect((await renderHandout(input, fonts)).warnings).toEqual([])
    input.program.items[0]!.image = url('png', png.subarray(0, png.length - 30))
    delete input.program.items[0]!.diagram
    input.program.items[1]!.image = url('jpeg', makeJpeg().subarray(0, makeJpeg().length - 2))
    const { pdf, warnings } = await renderHandout(input, fonts)
    expect(warnings).toEqual([
      'The picture for “Clamshells” could not be read: the PNG file is incomplete; a placeholder was printed instead.',
      'The picture for “Reverse clamshells” could not be read: the JPEG file is incomplete (its end is missing); its diagram was printed instead.',
    ])
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  }, 60_000)

  it('breaks a hyphenated name after its own hyphen with no hyphen added, and cuts only very long tokens', async () => {
    const { wordParts } = await import('../../../../electron/services/handout/document/fonts')
    expect(wordParts('Konstantinopoulou-Wiśniewska')).toEqual(['Konstantinopoulou-', '', 'Wiśniewska'])
    expect(wordParts('Anna')).toEqual(['Anna'])
    expect(wordParts('x'.repeat(40)).every((p) => p.length <= 18)).toBe(true)
    expect(wordParts('well-').join('')).toBe('well-')
  })

  it('wraps a very long patient name and clinic name in every layout and paper, with no text over other text or off the page', async () => {
    const input = example()
    input.patient = {
      ...input.patient,
      firstName: 'Maria-Magdalena Alexandrina Wilhelmina',
      lastName: 'Konstantinopoulou-Wiśniewska de la Fuente y Nguyễn Thị',
      preferredName: 'Magda',
    }
    input.clinic = {
      ...input.clinic,
      name: 'Northside Community Physical Therapy and Sports Rehabilitation Center of Greater Springfield',
    }
    for (const layout of ['detailed', 'compact', 'large'] as const) {
      for (const paper of ['letter', 'a4'] as const) {
        const pages = (await pdfText(await render({ ...input, layout, paper }))).pages
        // The footer grows with a long name: no page's text runs under it.
        pages.forEach((p, i) => expect(overlappingText(p), `${layout} ${paper} page ${i + 1}`).toEqual([]))
        const page = pages[0]!
        for (const run of page.items)
          expect(run.x + run.width, `${layout} ${paper}: ${run.str}`).toBeLessThanOrEqual(page.width - 30)
        expect(squash(page.text), `${layout} ${paper}`).toContain(squash('(Magda)'))
        expect(page.text, `${layout} ${paper}`).not.toMatch(/--/)
      }
    }
  }, 60_000)

  it('lays out compact (labels run into their text) and large print on A4 as well', async () => {
    const compact = await pdfText(await render({ ...example(), layout: 'compact', paper: 'a4' }))
    const large = await pdfText(await render({ ...example(), layout: 'large', paper: 'a4' }))
    expect(Math.round(compact.pages[0]!.width)).toBe(595)
    expect(compact.pages.length).toBeLessThan(large.pages.length)
    // Compact runs "How much:", "Tips:" and "Be careful:" into their sentences instead of a heading line each.
    expect(squash(compact.all)).toContain(squash('How much: Do 10 to 15 times on each side.'))
    expect(squash(compact.all)).toContain(squash('Tips: Keep your top hip stacked right above the bottom one.'))
    expect(compact.all).not.toContain('How to do it')
    expect(large.all).toContain('How to do it')
  })
})

describe('diagrams on the cards', () => {
  it('says the prescribed hold at the end position, and names the views of a picture drawn in two', async () => {
    const { panelCaption, CardPicture } = await import('../../../../electron/services/handout/document/CardPicture')
    const { panelFor } = await import('../../../../src/diagrams/panel')
    const { picturePlan } = await import('../../../../electron/services/handout/document/picture-size')
    const { labels: _words, ...spec } = example().program.items.find((i) => i.diagram)!.diagram!
    expect(panelCaption(panelFor(spec, 'side'), '30 seconds')).toMatch(/Finish: hold 30 seconds, then back to 1$/)
    expect(panelCaption(panelFor(spec, 'side'))).not.toMatch(/hold/)
    const still = { ...spec, keyframes: [spec.keyframes[0]!, spec.keyframes[0]!] }
    expect(panelCaption(panelFor(still, 'side'), '5 to 10 seconds')).toBe('Hold this position for 5 to 10 seconds.')
    // A spec's labels go after the numbers, one step a line; walking goes on with the other foot.
    const labelled = {
      ...spec,
      labels: spec.keyframes.map((_, i) =>
        i === 0 ? 'palm down' : i === spec.keyframes.length - 1 ? 'back of the hand up' : '',
      ),
    }
    const lines = panelCaption(panelFor(labelled, 'side'), '5 seconds').split('\n')
    expect(lines[0]).toBe('1 Start: palm down')
    expect(lines.at(-1)).toMatch(/^\d Finish: back of the hand up; hold 5 seconds, then back to 1$/)
    expect(panelCaption(panelFor({ ...spec, cycle: 'walk' }, 'side'))).toMatch(/Finish, then step with the other foot$/)
    expect(panelCaption(panelFor({ ...still, labels: ['arm across the chest', ''] }, 'side'), '30 seconds')).toBe(
      'Arm across the chest. Hold this position for 30 seconds.',
    )
    // The single overlay picture says its start words after the outline and its end words for the arrow.
    const overlay = { ...spec, display: 'overlay' as const }
    expect(panelCaption(panelFor(overlay, 'side'))).toBe(
      'Pale outline: where you start. Arrow: the movement, then back to 1.',
    )
    const words = spec.keyframes.map((_, i) =>
      i === 0 ? 'arms out at shoulder height' : i === spec.keyframes.length - 1 ? 'small circles forward' : '',
    )
    expect(panelCaption(panelFor({ ...overlay, labels: words }, 'side'))).toBe(
      'Pale outline: where you start (arms out at shoulder height). Arrow: small circles forward, then back to 1.',
    )
    const texts = (node: unknown): string[] => {
      if (typeof node === 'string') return [node]
      if (!node || typeof node !== 'object') return []
      const el = node as { type?: unknown; props?: { children?: unknown } }
      if (typeof el.type === 'function') return texts((el.type as (p: unknown) => unknown)(el.props))
      return [el.props?.children].flat(Infinity).flatMap(texts)
    }
    const s = makeStyles('detailed')
    const raise = {
      base: 'standing' as const,
      keyframes: [{}, { right: { shoulderFlexion: 90 } }],
      moving: [],
      props: [],
    }
    expect(
      texts(CardPicture({ plan: picturePlan({ ...raise, views: ['side', 'front'] }, 'detailed', 532), s })),
    ).toEqual(expect.arrayContaining(['From the side', 'From the front']))
    expect(
      texts(CardPicture({ plan: picturePlan({ ...spec, views: ['side'] }, 'detailed', 532), s })).some((t) =>
        t.startsWith('From '),
      ),
    ).toBe(false)
  })

  it('draws each exercise’s diagram as numbered frames with a caption, and no caption without a diagram', async () => {
    const input = example()
    const captions = (text: string) => (text.match(/1 Start|Hold this position( for [^.]*)?\./g) ?? []).length
    expect(captions((await pdfText(await render(input))).all)).toBe(input.program.items.filter((i) => i.diagram).length)
    for (const item of input.program.items) delete item.diagram
    expect(captions((await pdfText(await render(input))).all)).toBe(0)
  })
})

describe('a handout of the library’s first exercises (the preview bench’s program)', () => {
  it('plans its own pages, so each page has a key and the preview redraws only what changed', async () => {
    const { loadBuiltinLibrary } = await import('../../../../electron/services/library/builtin')
    const library = await loadBuiltinLibrary('resources/library/exercises')
    const example = JSON.parse(readFileSync('docs/handout-example.json', 'utf8'))
    const items = library.exercises.slice(0, 8).map((e) => handoutItemOf(e))
    // Seated ankle circles' four frames in a column ran past the page: react-pdf broke the whole handout itself,
    // every render was the slow one and no page had a key.
    expect(items.map((i) => i.name)).toContain('Seated ankle circles')
    const { pdf, pageKeys } = await renderHandout(
      { ...example, program: { ...example.program, items } },
      'resources/fonts',
    )
    const pages = (await pdfText(pdf)).pages
    expect(pageKeys).toHaveLength(pages.length)
    for (const [i, page] of pages.entries()) expect(overlappingText(page), `page ${i + 1}`).toEqual([])
  }, 120_000)
})

describe('the live preview’s pages apart (renderHandoutPages)', () => {
  it('are the exported document’s pages, one PDF each, with the same keys, and nothing is put together', async () => {
    const { renderHandoutPages } = await import('../../../../electron/services/handout/render')
    const example = JSON.parse(readFileSync('docs/handout-example.json', 'utf8'))
    const whole = await renderHandout(example, 'resources/fonts')
    const apart = await renderHandoutPages(example, 'resources/fonts')
    if (!('pages' in apart)) throw new Error('expected the pages apart')
    expect(apart.pageKeys).toEqual(whole.pageKeys)
    const wholeText = await pdfText(whole.pdf)
    expect(apart.pages).toHaveLength(wholeText.pages.length)
    for (const [i, page] of apart.pages.entries()) {
      const read = await pdfText(page)
      expect(read.pages, `page ${i + 1}`).toHaveLength(1)
      expect(read.pages[0]!.text, `page ${i + 1}`).toBe(wholeText.pages[i]!.text)
      expect(read.pages[0]!.width).toBe(wholeText.pages[i]!.width)
    }
  }, 120_000)
})
