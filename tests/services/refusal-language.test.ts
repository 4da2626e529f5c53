/**
 * The main process's refusals, area by area, in the language the screens show (issue 16): a Spanish screen is
 * refused in Spanish. Each area's English wording is asserted by its own service tests.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createWorkerRenderer } from '../../electron/services/handout/worker-renderer'
import { RosterStore, ROSTER_FILE } from '../../electron/services/roster/store'
import type { Method } from '../../src/core/contract'
import type { Exercise } from '../../src/core/exercise'
import { dispatch } from '../../src/core/dispatch'
import type { Patient } from '../../src/core/patient'
import type { Result } from '../../src/core/result'
import { setMessageLanguage } from '../../src/i18n/say'
import { exerciseInput } from '../support/exercises'
import { FaultyFs } from '../support/faulty-fs'
import { patientInput, syntheticPatients } from '../support/patients'
import { testServices } from '../support/services'

const folder = (name = 'homeplan-refusals-') => mkdtemp(join(tmpdir(), name))

afterEach(() => setMessageLanguage('en'))

/** Services whose settings say Spanish, a clinic (unless `clinic: false`) and a patient who reads Spanish. */
async function spanish({ clinic = true } = {}) {
  const services = testServices(await folder(), { systemLanguages: () => ['en-US'] })
  const call = <T>(method: Method, arg?: unknown) => dispatch(services.handlers, method, arg) as Promise<Result<T>>
  const value = async <T>(method: Method, arg?: unknown) => {
    const result = await call<T>(method, arg)
    if (!result.ok) throw new Error(result.error.message)
    return result.value
  }
  await value('updateSettings', {
    language: 'es',
    openAfterExport: false,
    ...(clinic ? { clinic: { name: 'Clínica del Río', phone: '(206) 555-0142', layout: 'detailed' } } : {}),
  })
  const patient = await value<Patient>('createPatient', patientInput({ chartNumber: 'A1', handoutLanguage: 'es' }))
  const refusal = async (method: Method, arg?: unknown) => {
    const result = await call(method, arg)
    if (result.ok) throw new Error(`${method} was not refused`)
    return result.error
  }
  return { services, call, value, patient, refusal }
}

const savedProgram = async (env: Awaited<ReturnType<typeof spanish>>, exerciseId = 'bridges') => {
  const saved = await env.value<Patient>('saveProgram', {
    patientId: env.patient.id,
    program: { title: 'Rodilla', status: 'current', items: [{ id: 'item-000001', exerciseId, dosage: {} }] },
  })
  return {
    patientId: env.patient.id,
    programId: saved.programs[0]!.id,
    layout: 'detailed',
    paper: 'letter',
    logDays: 0,
  }
}

describe('the roster’s refusals in Spanish', () => {
  it('a save made from an old revision', async () => {
    const { value, refusal, patient } = await spanish()
    await value('updatePatient', { id: patient.id, revision: 1, patient: patientInput({ chartNumber: 'A1' }) })
    const stale = await refusal('updatePatient', {
      id: patient.id,
      revision: 1,
      patient: patientInput({ chartNumber: 'A1', firstName: 'Ana' }),
    })
    expect(stale).toMatchObject({ code: 'conflict', field: 'revision' })
    expect(stale.message).toBe(
      'Los datos de Anna Łukasiewicz se cambiaron en otro lugar (en otra ventana o pestaña) después de que usted los abrió, así que sus cambios no se guardaron y no se sobrescribió nada. Vuelva a cargar para ver la versión más reciente y haga su cambio de nuevo.',
    )
  })

  it('a patient who is not on the roster, and a chart number already taken', async () => {
    const { refusal } = await spanish()
    expect((await refusal('getPatient', { id: 'no-such-patient' })).message).toBe(
      'Ese paciente no está en la lista de pacientes (es posible que se haya eliminado).',
    )
    const taken = await refusal('createPatient', patientInput({ firstName: 'Luis', chartNumber: 'A1' }))
    expect(taken).toMatchObject({ field: 'chartNumber' })
    expect(taken.message).toBe('El número de expediente A1 ya está asignado a Anna Łukasiewicz.')
  })

  it('a change the journal could not write on a full disk', async () => {
    let full = false
    const fs = new FaultyFs((op) => (full && op === 'write' ? 'ENOSPC' : undefined))
    const store = await RosterStore.open({ dir: await folder(), fs, retryForMs: 30 })
    const [a, b] = syntheticPatients(2)
    await store.put(a!)
    setMessageLanguage('es')
    full = true
    const error = await store.put(b!).then(
      () => undefined,
      (e: unknown) => e as Error,
    )
    expect(error?.message).toBe(
      'No se pudo guardar (ENOSPC). El disco está lleno. Libere espacio y vuelva a guardar. No se cambió nada: la lista de pacientes muestra lo que está guardado de forma segura.',
    )
    full = false
    await store.close()
  })
})

describe('the library’s refusals in Spanish', () => {
  it('a built-in exercise cannot be changed', async () => {
    const { refusal } = await spanish()
    const refused = await refusal('deleteExercise', { id: 'bridges' })
    expect(refused).toMatchObject({ code: 'forbidden' })
    expect(refused.message).toBe(
      'Los ejercicios incluidos no se pueden modificar. Duplíquelo para crear su propia versión.',
    )
  })
})

describe('the handout’s refusals in Spanish', () => {
  it('printing where there is no printer (the browser bridge)', async () => {
    const env = await spanish()
    const refused = await env.refusal('printHandout', await savedProgram(env))
    expect(refused).toMatchObject({ code: 'forbidden' })
    expect(refused.message).toBe(
      'Para imprimir hace falta la aplicación de escritorio de Homeplan. Exporte el PDF e imprímalo desde su visor de PDF.',
    )
  })

  it('a handout without the clinic’s name', async () => {
    const env = await spanish({ clinic: false })
    const refused = await env.refusal('exportHandout', await savedProgram(env))
    expect(refused).toMatchObject({ field: 'clinic' })
    expect(refused.message).toBe(
      'Antes de imprimir, agregue el nombre de su clínica (y su teléfono) en Configuración → Clínica: cada hoja indica a quién llamar.',
    )
  })

  it('names in Spanish what has no Spanish words yet, and what was printed in English', async () => {
    const env = await spanish()
    const custom = await env.value<Exercise>(
      'createExercise',
      exerciseInput({
        name: 'Heel slides with a strap',
        regions: ['knee'],
        position: 'supine',
        type: 'range of motion',
        equipment: ['towel'],
        difficulty: 'easy',
        steps: ['Slide your heel toward you.'],
      }),
    )
    const args = await savedProgram(env, custom.id)
    const refused = await env.refusal('exportHandout', args)
    expect(refused).toMatchObject({ field: 'allowEnglish' })
    expect(refused.message).toBe(
      '«Heel slides with a strap» todavía no tiene versión en español. Agregue el texto en español o imprímalo en inglés.',
    )
    env.services.dialogs.answers.save.push(join(await folder('homeplan-refusals-out-'), 'mixed.pdf'))
    const exported = await env.value<{ warnings: string[] }>('exportHandout', { ...args, allowEnglish: true })
    expect(exported.warnings).toContain(
      'Impreso en inglés: «Heel slides with a strap» todavía no tiene versión en español.',
    )
  })
})

describe('why the roster did not open, in Spanish', () => {
  it('is said in the settings’ language from the first call, before the window asks for the settings', async () => {
    const dir = await folder()
    const first = testServices(dir, { systemLanguages: () => ['en-US'] })
    await first.handlers.updateSettings({ language: 'es' })
    await first.close()
    setMessageLanguage('en')
    await writeFile(join(dir, ROSTER_FILE), Buffer.alloc(64))

    const { handlers } = testServices(dir, { systemLanguages: () => ['en-US'] })
    const status = await handlers.getRosterStatus(undefined)
    expect(status).toMatchObject({ status: 'recovery' })
    expect('reason' in status && status.reason).toMatch(
      /^No se pudo leer el archivo de pacientes: El archivo está lleno de bytes en cero \(una escritura interrumpida\)\. Se apartó sin cambios en la carpeta de datos como roster\.json\.quarantined-.+\. Restaure una copia de seguridad o empiece con una lista de pacientes vacía\.$/,
    )
  })
})

describe('files the user picked, refused in Spanish', () => {
  it('an import that is not JSON, a backup that does not exist, a logo that is a GIF', async () => {
    const env = await spanish()
    const dir = await folder('homeplan-refusals-picked-')
    const notJson = join(dir, 'pacientes.json')
    await writeFile(notJson, 'no es json')
    env.services.dialogs.answers.open.push(notJson)
    expect((await env.refusal('importRoster')).message).toMatch(
      /^pacientes\.json no es un archivo JSON válido \(.+\)\. No se importó nada\.$/,
    )

    expect((await env.refusal('restoreBackup', { id: 'roster.backup.x' })).message).toBe(
      'Ese no es el nombre de una copia de seguridad.',
    )

    const gif = join(dir, 'logo.gif')
    await writeFile(gif, Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))
    env.services.dialogs.answers.open.push(gif)
    expect((await env.refusal('setClinicLogo', { remove: false })).message).toBe(
      'logo.gif es una imagen GIF. Use una foto PNG o JPEG (guárdela o expórtela en ese formato primero).',
    )
  })
})

describe('the renderer’s warnings, in its own thread', () => {
  it('speak the language of the process that asked for the handout', async () => {
    const input = JSON.parse(await readFile('docs/handout-example.json', 'utf8')) as {
      program: { items: { image?: string; diagram?: unknown }[] }
    }
    input.program.items[0]!.image = '/nonexistent/photo.png'
    delete input.program.items[0]!.diagram
    const renderer = createWorkerRenderer(resolve('resources/fonts'))
    try {
      setMessageLanguage('es')
      const { warnings } = await renderer.render(input)
      expect(warnings).toEqual([
        'No se pudo leer la imagen para «Clamshells»; en su lugar se imprimió un recuadro vacío.',
      ])
    } finally {
      await renderer.close()
    }
  })
})
