import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pageRenders } from '../../../../electron/services/handout/assemble-pages'
import { planPages } from '../../../../electron/services/handout/page-plan'
import { renderHandout } from '../../../../electron/services/handout/render'
import { handoutInputSchema, type HandoutInput } from '../../../../src/core/handout-model'
import { registerFonts } from '../../../../electron/services/handout/document/fonts'
import { handoutParts } from '../../../../electron/services/handout/document/parts'
import {
  paginate,
  Unpaginated,
  type FlowNode,
  type Leaf,
} from '../../../../electron/services/handout/document/paginate'
import { installed, upgradeMessage } from '../../../support/installed'
import { overlappingText, pdfText, type PdfText } from '../../../support/pdf'

const fonts = resolve('resources/fonts')
const example = (): HandoutInput =>
  handoutInputSchema.parse(JSON.parse(readFileSync('docs/handout-example.json', 'utf8')))
const withItems = (input: HandoutInput, n: number): HandoutInput => ({
  ...input,
  program: {
    ...input.program,
    items: Array.from({ length: n }, (_, i) => input.program.items[i % input.program.items.length]!),
  },
})
/**
 * Large print cards with lying figures (pictures 1.5x the detailed size, text at 16 pt) run longer than a page when
 * their text is long. react-pdf's own page breaking squashes such cards (the tall-card test below covers how
 * Homeplan lays them out), so comparisons with it use cards short enough to fit a page: two steps, no extras.
 */
const short = (input: HandoutInput): HandoutInput => ({
  ...input,
  program: {
    ...input.program,
    items: input.program.items.map((item) => ({
      ...item,
      steps: item.steps.slice(0, 2),
      cues: [],
      cautions: [],
      notes: undefined,
    })),
  },
})
/** Why the measured page breaks and react-pdf's own parted, and what to do. */
const parted = upgradeMessage(
  [installed('@react-pdf/layout', '@react-pdf/renderer'), installed('@react-pdf/renderer')],
  'the handout paged by paginate.ts no longer prints every line where react-pdf’s own page breaking puts it',
  'electron/services/handout/document/paginate.ts',
  {
    todo: 'if react-pdf was upgraded, compare its page breaking (splitNodes, shouldBreak and getWrap in @react-pdf/layout’s lib/index.js) with the rules listed in paginate.ts’s header and change paginate.ts to match; if not, the page plan (page-plan.tsx) or a block’s measuring (block-sizes.tsx) changed. The first differing line below gives its page and position.',
    meanwhile:
      'handouts may break their pages unlike react-pdf’s own (a block pushed under the footer or a page left short); do not ship until this passes.',
  },
)
/** Every text run with its page and position, to compare two renders of the same handout. */
const runs = (text: PdfText) =>
  text.pages.flatMap((page, p) => page.items.map((i) => `${p + 1} ${i.x.toFixed(2)} ${i.y.toFixed(2)} ${i.str}`))
const planned = async (input: HandoutInput) => {
  registerFonts(fonts)
  return planPages(input, handoutParts(input), fonts)
}

describe('page breaks decided before rendering', () => {
  const cases: [string, () => HandoutInput][] = [
    ['detailed, Letter', () => example()],
    ['detailed, A4', () => ({ ...example(), paper: 'a4' })],
    ['compact, Letter', () => ({ ...example(), layout: 'compact' })],
    [
      'compact, A4, 11 exercises with notes',
      () => {
        const input = withItems({ ...example(), layout: 'compact', paper: 'a4' }, 11)
        input.program.items = input.program.items.map((item, i) =>
          i % 3 ? item : { ...item, notes: 'Keep it slow and steady, and rest between sets whenever you need to.' },
        )
        return input
      },
    ],
    ['large print, Letter, short cards', () => short({ ...example(), layout: 'large' })],
    [
      'large print, A4, short cards, no goals, 7-day log',
      () =>
        short({
          ...example(),
          layout: 'large',
          paper: 'a4',
          logDays: 7,
          program: { ...example().program, goals: undefined },
        }),
    ],
    ['detailed, 16 exercises, a 31-day log', () => ({ ...withItems(example(), 16), logDays: 31 })],
    ['no log', () => ({ ...example(), logDays: 0 })],
  ]
  it.each(cases)('put every line where react-pdf’s own page breaking does: %s', async (_, make) => {
    const input = make()
    expect((await planned(input)).pages).not.toHaveLength(0)
    // Large print breaks a picture in frames between them where keeping it whole would leave a page more than a
    // third empty, which react-pdf cannot do (card-balance.test.ts checks that rule): compared without it.
    const fast = await pdfText((await renderHandout(input, fonts, { looseFrames: false })).pdf)
    const own = await pdfText((await renderHandout(input, fonts, { pageBreaks: 'react-pdf' })).pdf)
    expect(runs(fast), parted).toEqual(runs(own))
    fast.pages.forEach((page, i) => expect(page.text).toContain(`Page ${i + 1} of ${fast.pages.length}`))
  })

  it('measures a card again after an edit that changes it, and only then', async () => {
    const before = example()
    await renderHandout(before, fonts)
    const after = example()
    after.program.items[0] = { ...after.program.items[0]!, notes: 'Start with your sore side on top. '.repeat(12) }
    const fast = await pdfText((await renderHandout(after, fonts)).pdf)
    const own = await pdfText((await renderHandout(after, fonts, { pageBreaks: 'react-pdf' })).pdf)
    expect(runs(fast), parted).toEqual(runs(own))
    expect(runs(await pdfText((await renderHandout(before, fonts)).pdf)), parted).toEqual(
      runs(await pdfText((await renderHandout(before, fonts, { pageBreaks: 'react-pdf' })).pdf)),
    )
  })

  it('continues a program summary longer than a page on the next page, with its column headings', async () => {
    // The summary is the point, not the 60 cards after it: full cards (figures, tips, a 14-day log; 38 pages) took
    // 14 s to measure, render and read back when no earlier test had measured them, past 30 s on a loaded machine.
    // One step each and no log print the same summary in a third of the time.
    const input = example()
    const bare = input.program.items.map(({ diagram: _d, cues: _c, cautions: _x, notes: _n, ...item }) => ({
      ...item,
      steps: item.steps.slice(0, 1),
    }))
    const text = await pdfText(
      (await renderHandout(withItems({ ...input, logDays: 0, program: { ...input.program, items: bare } }, 60), fonts))
        .pdf,
    )
    const [first, second] = text.pages
    expect(first!.text).toContain('Your program at a glance')
    expect(second!.text).not.toContain('Your program at a glance')
    for (const page of [first!, second!]) {
      expect(page.text).toContain('# Exercise How much How often')
      // Nothing runs into the footer (its top rule is 22 + ~30 pt above the page's bottom edge).
      const rows = page.items.filter((i) => /^\d+$/.test(i.str) && Math.abs(i.x - 40) < 0.5)
      for (const row of rows) expect(row.y).toBeGreaterThan(72)
    }
    const numbers = text.pages
      .filter((p) => p.text.includes('# Exercise How much How often'))
      .flatMap((p) => p.items.filter((i) => /^\d+$/.test(i.str) && Math.abs(i.x - 40) < 0.5).map((i) => Number(i.str)))
    expect(numbers).toEqual(Array.from({ length: 60 }, (_, i) => i + 1))
  })
})

describe('pages rendered one by one', () => {
  it('re-renders only the page an edit changed, and puts together the same PDF as a render of the whole', async () => {
    const input = example()
    const before = await renderHandout(input, fonts)
    const again = pageRenders.count
    expect(Buffer.from((await renderHandout(input, fonts)).pdf).equals(Buffer.from(before.pdf))).toBe(true)
    expect(pageRenders.count).toBe(again)
    // One word in the last card's tips, the same length: only that card's page prints differently.
    const edited = structuredClone(input)
    const last = edited.program.items.at(-1)!
    last.cues = [last.cues![0]!.replace('Push', 'Pull'), ...last.cues!.slice(1)]
    const text = await pdfText((await renderHandout(edited, fonts)).pdf)
    expect(pageRenders.count).toBe(again + 1)
    expect(text.all).toContain('Pull through your heels')
    const own = await pdfText((await renderHandout(edited, fonts, { pageBreaks: 'react-pdf' })).pdf)
    expect(runs(text), parted).toEqual(runs(own))
  })
})

describe('renders that overlap', () => {
  it('each get their own handout', async () => {
    const a = { ...example(), patient: { firstName: 'Ada', lastName: 'First' } }
    const b = { ...example(), layout: 'compact' as const, patient: { firstName: 'Bo', lastName: 'Second' } }
    const [pa, pb] = await Promise.all([renderHandout(a, fonts), renderHandout(b, fonts)])
    const [ta, tb] = [await pdfText(pa.pdf), await pdfText(pb.pdf)]
    expect(ta.pages[0]!.text).toContain('Ada First')
    expect(tb.pages[0]!.text).toContain('Bo Second')
    expect(ta.all).not.toContain('Bo Second')
    expect(runs(tb)).toEqual(runs(await pdfText((await renderHandout(b, fonts)).pdf)))
  })
})

describe('blocks taller than a page', () => {
  const longSteps = (n: number, sentences = 1) =>
    Array.from(
      { length: n },
      (_, i) =>
        `Step ${i + 1}: ${Array(sentences).fill('lift your knee slowly and keep the hip stacked over the other one while breathing out gently.').join(' Then ')}`,
    )
  const stepStarts = (text: PdfText) =>
    text.pages.flatMap((page, p) =>
      page.items
        .filter((i) => /^Step \d+:/.test(i.str))
        .map((i) => ({ p, y: i.y, n: Number(i.str.slice(5, i.str.indexOf(':'))) })),
    )
  const inOrder = (starts: ReturnType<typeof stepStarts>, count: number, line: number) => {
    expect(starts.map((s) => s.n)).toEqual(Array.from({ length: count }, (_, i) => i + 1))
    for (let i = 1; i < starts.length; i++) {
      // Each step is at least one line below the one before, or on a later page.
      if (starts[i]!.p === starts[i - 1]!.p) expect(starts[i - 1]!.y - starts[i]!.y).toBeGreaterThanOrEqual(line)
      else expect(starts[i]!.p).toBeGreaterThan(starts[i - 1]!.p)
    }
  }

  it('breaks a detailed card taller than a page between its steps, lines never drawn over each other, every page numbered', async () => {
    const input: HandoutInput = short(example())
    const steps = longSteps(20, 3)
    input.program.items[1] = { ...input.program.items[1]!, steps }
    const text = await pdfText((await renderHandout(input, fonts)).pdf)
    const starts = stepStarts(text)
    inOrder(starts, steps.length, 11)
    // The card's title is on the page with its first step or just before it, and the next card comes after its last step.
    const titlePage = text.pages.findIndex((page) => page.text.includes('1 Start: both knees bent'))
    expect(starts[0]!.p - titlePage).toBeGreaterThanOrEqual(0)
    expect(starts[0]!.p - titlePage).toBeLessThanOrEqual(1)
    expect(
      text.pages.findIndex((page) => page.text.includes('Hip flexor stretch') && page.text.includes('How to do it')),
    ).toBeGreaterThanOrEqual(starts.at(-1)!.p)
    text.pages.forEach((page, i) => {
      expect(page.text).toContain(`Page ${i + 1} of ${text.pages.length}`)
      expect(overlappingText(page), `page ${i + 1}`).toEqual([])
    })
    // Each later page of the card says whose steps these are (left to react-pdf, "10." also ran into its step).
    for (const page of text.pages.filter((p) => /Step \d+:/.test(p.text) && !p.text.includes('Step 1:')))
      expect(page.text).toMatch(/^2 Continued: Lying on your side: foot lifts/)
    const plan = await planned(handoutInputSchema.parse(input))
    expect(plan.pages.length).toBe(text.pages.length)
  })

  it('breaks a large-print card between its steps, and heads its next page with "Continued:" and its title', async () => {
    const input: HandoutInput = short({ ...example(), layout: 'large' })
    const steps = longSteps(14)
    input.program.items[1] = { ...input.program.items[1]!, steps }
    const text = await pdfText((await renderHandout(input, fonts)).pdf)
    inOrder(stepStarts(text), steps.length, 16)
    const pages = text.pages.filter((page) => /Step (?!1:)\d+:/.test(page.text) && !page.text.includes('Step 1:'))
    expect(pages.length).toBeGreaterThan(0)
    for (const page of pages) {
      // The page's first line (highest on the page) says whose steps these are.
      const top = page.items.filter((i) => i.str.trim()).sort((a, b) => b.y - a.y)
      expect(
        top
          .slice(0, 3)
          .map((i) => i.str)
          .join(' '),
      ).toMatch(/^2 Continued: Lying on your side: foot lifts/)
    }
    text.pages.forEach((page, i) => expect(page.text).toContain(`Page ${i + 1} of ${text.pages.length}`))
    // All of it planned page by page: nothing is left to react-pdf's slower breaking.
    const plan = await planned(handoutInputSchema.parse(input))
    expect(plan.pages.length).toBe(text.pages.length)
  })
})

describe('paginate', () => {
  const leaf = (id: string, height: number, wrap = false, marginBottom = 0, marginTop = 0): Leaf => ({
    kind: 'leaf',
    id,
    wrap,
    size: { height, marginTop, marginBottom },
  })
  const ids = (pages: ReturnType<typeof paginate>) =>
    pages.map((page) => page.map((p) => ('children' in p ? `${p.id}[${p.children.map((c) => c.id).join(' ')}]` : p.id)))

  it('moves a block that does not fit, with its bottom margin, to the next page', () => {
    expect(ids(paginate([[leaf('a', 40, false, 10), leaf('b', 50, false, 10), leaf('c', 30)]], 100))).toEqual([
      ['a'],
      ['b', 'c'],
    ])
    // The first block on a page keeps its place even when only its margin overflows.
    expect(ids(paginate([[leaf('a', 95, false, 10), leaf('b', 50)]], 100))).toEqual([['a'], ['b']])
  })

  it('breaks a column between its children', () => {
    expect(
      ids(
        paginate(
          [[leaf('title', 10, true), { kind: 'group', id: 'log', children: [leaf('r1', 60), leaf('r2', 60)] }]],
          100,
        ),
      ),
    ).toEqual([['title', 'log[r1]'], ['log[r2]']])
  })

  it('breaks a loose whole group between its children only when moving it would leave the page too empty', () => {
    const picture = (loose?: number): FlowNode => ({
      kind: 'group',
      id: 'pic',
      whole: true,
      ...(loose === undefined ? {} : { loose }),
      children: [leaf('f1', 30), leaf('f2', 30)],
    })
    // 50 of 100 points free: moved whole, half the page would stay empty; the first frame stays here.
    expect(ids(paginate([[leaf('text', 50), picture(0.34)]], 100))).toEqual([['text', 'pic[f1]'], ['pic[f2]']])
    // Without the rule (react-pdf's way) it moves whole.
    expect(ids(paginate([[leaf('text', 50), picture()]], 100))).toEqual([['text'], ['pic[f1 f2]']])
    // 25 points free: not enough room for a frame, and little enough waste to move it whole.
    expect(ids(paginate([[leaf('text', 75), picture(0.2)]], 100))).toEqual([['text'], ['pic[f1 f2]']])
  })

  it('starts the rest of a split group with its "continued" block', () => {
    const card: FlowNode = {
      kind: 'group',
      id: 'card',
      children: [leaf('head', 50), leaf('s1', 30), leaf('s2', 30)],
      continued: leaf('cont', 10),
    }
    expect(ids(paginate([[leaf('intro', 10), card]], 100))).toEqual([['intro', 'card[head s1]'], ['card[cont s2]']])
    // Moved whole to the next page, it is not a continuation.
    expect(ids(paginate([[leaf('intro', 60), card]], 100))).toEqual([['intro'], ['card[head s1]'], ['card[cont s2]']])
  })

  it('continues a whole-block group taller than a page, repeating its heading', () => {
    const head = leaf('head', 10)
    const table: FlowNode = {
      kind: 'group',
      id: 't',
      whole: true,
      children: [leaf('title', 10), head, ...['1', '2', '3', '4', '5'].map((n) => leaf(n, 30))],
      tooTall: { lead: 2, repeat: head },
    }
    expect(ids(paginate([[table]], 100))).toEqual([['t[title head 1 2]'], ['t[head 3 4 5]']])
  })

  it('leaves to react-pdf what it would split inside a block', () => {
    expect(() => paginate([[leaf('a', 60), leaf('text', 60, true)]], 100)).toThrow(Unpaginated)
    expect(() => paginate([[leaf('card', 120)]], 100)).toThrow(Unpaginated)
  })
})
