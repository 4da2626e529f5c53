/**
 * Issue 17, item 5c: what Homeplan says about a file it cannot read names the file, never its content. V8's JSON
 * error quotes the text around the problem ('…"astName": Garcia}"'); a notice or the log must not carry a patient's
 * name that way.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RosterStore, ROSTER_FILE } from '../../electron/services/roster/store'
import { dispatch } from '../../src/core/dispatch'
import { jsonSyntaxLine } from '../../src/core/json-path'
import { testServices } from '../support/services'

const broken =
  '{\n"format":"homeplan-roster","schemaVersion":3,\n"patients":[{"firstName":"Maria","lastName": Garcia}]}'

describe('a file that is not valid JSON', () => {
  it('is described by line, never by quoting it', () => {
    let error: unknown
    try {
      JSON.parse(broken)
    } catch (e) {
      error = e
    }
    // What the message would have shown: the text itself.
    expect(String((error as Error).message)).toContain('Garcia')
    expect(String(jsonSyntaxLine(broken, error))).not.toContain('Garcia')
    expect(jsonSyntaxLine('{\n\n"a": }', new SyntaxError('Unexpected token at position 8'))).toBe(3)
  })

  it('roster.json set aside: the recovery reason and the log name the file only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-quote-'))
    await writeFile(join(dir, ROSTER_FILE), broken)
    const logged: string[] = []
    const store = await RosterStore.open({ dir, log: (message) => logged.push(message) })
    expect(store.health.status).toBe('recovery')
    const reason = (store.health as { reason: string }).reason
    expect(reason).toContain('not valid JSON')
    for (const text of [reason, ...logged]) expect(text).not.toMatch(/Maria|Garcia/)
    await store.close()
  })

  it('an import file: the refusal names the file only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hp-quote-'))
    const services = testServices(dir)
    const file = join(dir, 'clinic-export.json')
    await writeFile(file, broken)
    services.dialogs.answers.open.push(file)
    const result = await dispatch(services.handlers, 'importRoster', undefined)
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('clinic-export.json') } })
    expect(JSON.stringify(result)).not.toMatch(/Maria|Garcia/)
    await services.close()
  })
})
