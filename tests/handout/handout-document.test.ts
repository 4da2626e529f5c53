import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderHandout } from '../../electron/services/handout/render'
import { handoutInputSchema } from '../../src/core/handout-model'
import { pdfText } from '../support/pdf'

const example = () => handoutInputSchema.parse(JSON.parse(readFileSync('docs/handout-example.json', 'utf8')))

describe('the program at a glance', () => {
  it('keeps a gap between its columns, so a wrapped title never runs into the dose ("off10 to 15 times")', async () => {
    const text = await pdfText((await renderHandout({ ...example(), layout: 'detailed', paper: 'letter' }, 'resources/fonts')).pdf)
    const page = text.pages[0]!
    const head = (word: string) => page.items.find((i) => i.str.startsWith(word))!
    const [exercise, much, often] = [head('Exercise'), head('How much'), head('How often')]
    const cells = page.items.filter((i) => i.str.trim() && i.y < exercise.y && i.y > 100)
    for (const cell of cells.filter((c) => c.x >= exercise.x - 0.5 && c.x < much.x - 0.5)) expect(cell.x + cell.width, cell.str).toBeLessThan(much.x - 4)
    for (const cell of cells.filter((c) => c.x >= much.x - 0.5 && c.x < often.x - 0.5)) expect(cell.x + cell.width, cell.str).toBeLessThan(often.x - 4)
  }, 60000)
})
