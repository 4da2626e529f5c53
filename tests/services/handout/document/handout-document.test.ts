import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderHandout } from '../../../../electron/services/handout/render'
import { handoutInputSchema } from '../../../../src/core/handout-model'
import { pdfText } from '../../../support/pdf'

const example = () => handoutInputSchema.parse(JSON.parse(readFileSync('docs/handout-example.json', 'utf8')))

describe('the program at a glance', () => {
  it('keeps a gap between its columns, so a wrapped title never runs into the dose ("off10 to 15 times")', async () => {
    const text = await pdfText(
      (await renderHandout({ ...example(), layout: 'detailed', paper: 'letter' }, 'resources/fonts')).pdf,
    )
    const page = text.pages[0]!
    const head = (word: string) => page.items.find((i) => i.str.startsWith(word))!
    const [exercise, much, often] = [head('Exercise'), head('How much'), head('How often')]
    const cells = page.items.filter((i) => i.str.trim() && i.y < exercise.y && i.y > 100)
    for (const cell of cells.filter((c) => c.x >= exercise.x - 0.5 && c.x < much.x - 0.5))
      expect(cell.x + cell.width, cell.str).toBeLessThan(much.x - 4)
    for (const cell of cells.filter((c) => c.x >= much.x - 0.5 && c.x < often.x - 0.5))
      expect(cell.x + cell.width, cell.str).toBeLessThan(often.x - 4)
  }, 60000)
})

describe('how to read the handout', () => {
  it('explains only the picture signs this handout uses', async () => {
    const { pictureKey } = await import('../../../../electron/services/handout/document/how-to')
    const items = example().program.items
    // The hip example has holds but no push and no close-up: a rater marked their explanation as distracting.
    const key = pictureKey(items, false)
    expect(key).toContain('stopwatch')
    expect(key).not.toMatch(/bars across|close-up/)
    const withPush = items.map((item, i) =>
      i
        ? item
        : {
            ...item,
            diagram: {
              ...item.diagram!,
              props: [
                ...item.diagram!.props,
                { kind: 'push' as const, at: 'rightKnee' as const, toward: 'down' as const },
              ],
              detail: { part: 'knee' as const },
            },
          },
    )
    expect(pictureKey(withPush, false)).toMatch(/bars across.*close-up/)
    expect(pictureKey(withPush, true)).toMatch(/bars across an arrow.*a box is a close-up/)
    const noHolds = items.map((item) => ({
      ...item,
      dosage: { ...item.dosage, holdSeconds: undefined, holdSecondsMax: undefined, durationSeconds: undefined },
    }))
    expect(pictureKey(noHolds, false)).not.toContain('stopwatch')
    expect(
      pictureKey(
        items.map((item) => ({ ...item, diagram: undefined })),
        false,
      ),
    ).toBe('')
  })

  it('lists what the pictures use, once, so the patient can set up first', async () => {
    const { needed } = await import('../../../../electron/services/handout/document/how-to')
    const items = example().program.items
    // The kneeling hip flexor stretch draws the pillow its steps offer under the kneeling knee.
    expect(needed(items)).toBe(' You will need: a mat or carpet on the floor, a pillow.')
    const more = items.map((item, i) =>
      i
        ? item
        : {
            ...item,
            diagram: {
              ...item.diagram!,
              props: [{ kind: 'pillow' as const, at: 'pelvis' as const }, { kind: 'mat' as const }],
            },
          },
    )
    expect(needed(more)).toBe(' You will need: a pillow, a mat or carpet on the floor.')
    expect(needed(items.map((item) => ({ ...item, diagram: undefined })))).toBe('')
  })

  it('says what two boxes on a day mean only when the log has them', async () => {
    const once = await pdfText((await renderHandout(example(), 'resources/fonts')).pdf)
    expect(once.all).toContain('Check off a box each time you finish an exercise.')
    expect(once.all).not.toContain('Two or more boxes')
    const twice = example()
    twice.program.items[0] = {
      ...twice.program.items[0]!,
      dosage: { ...twice.program.items[0]!.dosage, timesPerDay: 2 },
    }
    expect((await pdfText((await renderHandout(twice, 'resources/fonts')).pdf)).all).toContain(
      'Two or more boxes on a day mean that many sessions that day.',
    )
  }, 60000)
})
