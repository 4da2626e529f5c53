import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../scripts/handout'

const errors = () => vi.mocked(console.error).mock.calls.map((c) => c.join(' '))

describe('npm run handout', () => {
  afterEach(() => vi.restoreAllMocks())

  it('renders the documented example to a PDF, with layout and paper from the command line', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const out = join(await mkdtemp(join(tmpdir(), 'hp-cli-')), 'handout.pdf')
    expect(await main(['docs/handout-example.json', '--out', out, '--layout', 'compact', '--paper', 'a4'])).toBe(0)
    const pdf = await readFile(out)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[ ?0 0 595\.\d+ 841\.\d+ ?\]/)
  })

  it('names the file, the JSON path and what was expected, and exits non-zero', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const dir = await mkdtemp(join(tmpdir(), 'hp-cli-'))
    const file = join(dir, 'week1.json')
    const example = JSON.parse(await readFile('docs/handout-example.json', 'utf8'))
    example.program.items[2].dosage.holdSeconds = 900
    example.layout = 'poster'
    await writeFile(file, JSON.stringify(example))
    expect(await main([file, '--out', join(dir, 'x.pdf')])).toBe(1)
    expect(errors()).toEqual(
      expect.arrayContaining([
        'week1.json: program.items[2].dosage.holdSeconds: A hold can be at most 10 minutes.',
        expect.stringMatching(/^week1\.json: layout: Invalid option: expected one of "detailed"\|"compact"\|"large"$/),
      ]),
    )
  })

  it('reports unreadable JSON and bad usage', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const dir = await mkdtemp(join(tmpdir(), 'hp-cli-'))
    await writeFile(join(dir, 'broken.json'), '{"clinic": ')
    expect(await main([join(dir, 'broken.json'), '--out', join(dir, 'x.pdf')])).toBe(1)
    expect(errors()[0]).toMatch(/^broken\.json: not valid JSON/)
    expect(await main([join(dir, 'missing.json'), '--out', join(dir, 'x.pdf')])).toBe(1)
    expect(errors()[1]).toBe('missing.json: file not found')
    expect(await main(['only-a-file.json'])).toBe(2)
  })
})
