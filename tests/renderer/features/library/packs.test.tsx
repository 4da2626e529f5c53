import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Exercise } from '../../../../src/core/exercise'
import { LibraryPackMenu } from '../../../../src/features/library/packs/LibraryPackMenu'
import { ClinicFolderSection } from '../../../../src/features/settings/ClinicFolderSection'
import { exerciseInput } from '../../../support/exercises'
import { fakeApi, type FakeApi } from '../../fake-api'
import { renderWithApi } from '../../render-with-api'

const value = async <T,>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>) => {
  const r = await result
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** A custom exercise in `api`'s library, changed to `steps`. */
async function customExercise(api: FakeApi, steps: string[]) {
  const created = await value<Exercise>(api.createExercise(exerciseInput()))
  const { id, source: _s, ...fields } = created
  await value(api.updateExercise({ id, exercise: { ...fields, steps } }))
  return created
}

/** A menu item of the Packs menu, once it has opened (it opens with a transition, slow on a loaded machine). */
async function openMenuItem(user: ReturnType<typeof renderWithApi>['user'], name: string) {
  await user.click(screen.getByRole('button', { name: 'Packs' }))
  await user.click(await screen.findByRole('menuitem', { name, hidden: true }, { timeout: 10_000 }))
}

describe('library packs on screen', () => {
  it('Share… saves the chosen exercise as a pack, and asks for a title first', async () => {
    const api = fakeApi()
    const exercise = await customExercise(api, ['Step up.'])
    const { user } = renderWithApi(<LibraryPackMenu />, { api, library: true })
    await openMenuItem(user, 'Share…')
    const dialog = await screen.findByRole('dialog', { name: 'Share templates and exercises as a pack' })
    const save = within(dialog).getByRole('button', { name: 'Save pack…' })
    expect(save).toBeDisabled()
    await user.click(await within(dialog).findByRole('checkbox', { name: 'Step-ups' }))
    await user.click(save)
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Enter a title for the pack.')
    await user.type(within(dialog).getByRole('textbox', { name: /Pack title/ }), 'Knee pack')
    await user.click(save)
    expect(await screen.findByText(/^Pack saved: .*Knee-pack_.*\.homeplan-pack\.zip$/)).toBeInTheDocument()
    expect(api.exportLibraryPack).toHaveBeenCalledWith({
      title: 'Knee pack',
      templateIds: [],
      exerciseIds: [exercise.id],
    })
  }, 30_000)

  it('Open a pack… shows each item with its status, and a conflict imports as chosen (keep both)', async () => {
    const [theirs, mine] = [fakeApi(), fakeApi()]
    const exercise = await customExercise(theirs, ['Theirs.'])
    const share = async () => {
      const pack = await value(
        theirs.exportLibraryPack({ title: 'Knee pack', templateIds: [], exerciseIds: [exercise.id] }),
      )
      if (!pack.saved) throw new Error('not saved')
      return pack.path
    }
    // Shared once, then changed on both sides: a conflict.
    mine.dialogs.answers.open.push(await share())
    const first = await value(mine.openLibraryPack())
    if (first.cancelled) throw new Error('cancelled')
    await value(mine.importLibraryPack({ token: first.token, choices: {} }))
    const { id, source: _s, ...fields } = exercise
    await value(mine.updateExercise({ id, exercise: { ...fields, steps: ['Mine.'] } }))
    await value(theirs.updateExercise({ id, exercise: { ...fields, steps: ['Theirs, later.'] } }))
    mine.dialogs.answers.open.push(await share())

    const { user } = renderWithApi(<LibraryPackMenu />, { api: mine, library: true })
    await openMenuItem(user, 'Open a pack…')
    const dialog = await screen.findByRole('dialog', { name: 'Import a library pack' })
    const row = within(dialog).getByRole('row', { name: /Step-ups/ })
    expect(within(row).getByText('Conflict')).toBeInTheDocument()
    const choice = within(row).getByRole('radiogroup', { name: 'What to do with Step-ups' })
    await user.click(within(choice).getByText('Keep both'))
    await user.click(within(dialog).getByRole('button', { name: 'Import' }))
    expect(await screen.findByText('“Knee pack” imported')).toBeInTheDocument()
    const library = await value(mine.getLibrary())
    expect(library.exercises.filter((e) => e.source === 'custom').map((e) => [e.name, e.steps])).toEqual([
      ['Step-ups', ['Mine.']],
      ['Step-ups (copy)', ['Theirs, later.']],
    ])
  }, 30_000)

  it('a refused pack is said in a notification naming the file, and nothing opens', async () => {
    const api = fakeApi()
    api.dialogs.answers.open.push(join(api.dataDir, 'settings.json'))
    await value(api.updateSettings({ paperSize: 'a4' }))
    const { user } = renderWithApi(<LibraryPackMenu />, { api, library: true })
    await openMenuItem(user, 'Open a pack…')
    expect(await screen.findByText(/settings\.json is not a Homeplan library pack/)).toBeInTheDocument()
    expect(screen.queryByRole('dialog', { name: 'Import a library pack' })).not.toBeInTheDocument()
  }, 30_000)
})

describe('Settings → Clinic shared folder', () => {
  it('is chosen through the folder dialog, lists its packs (new ones marked) and says when it is missing', async () => {
    const [api, other] = [fakeApi(), fakeApi()]
    const shared = await mkdtemp(join(tmpdir(), 'hp-clinic-ui-'))
    other.dialogs.answers.folder.push(shared)
    await value(other.chooseClinicFolder({ clear: false }))
    const exercise = await customExercise(other, ['Step up.'])
    await value(other.publishLibraryPack({ title: 'Hips', templateIds: [], exerciseIds: [exercise.id] }))

    const { user } = renderWithApi(<ClinicFolderSection />, { api, library: true })
    expect(await screen.findByText('No shared folder is set.')).toBeInTheDocument()
    api.dialogs.answers.folder.push(shared)
    await user.click(screen.getByRole('button', { name: 'Choose folder…' }))
    const table = await screen.findByRole('table', { name: 'Library packs in the shared folder' })
    expect(within(table).getByText(/^Hips_.*\.homeplan-pack\.zip$/)).toBeInTheDocument()
    expect(within(table).getByText('New')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Check now' }))
    await expect.poll(() => within(table).queryByText('New')).toBeNull()
    await user.click(within(table).getByRole('button', { name: /^Open Hips_/ }))
    expect(await screen.findByRole('dialog', { name: 'Import a library pack' })).toBeInTheDocument()

    api.dialogs.answers.folder.push(join(shared, 'gone'))
    await user.click(screen.getByRole('button', { name: 'Change folder…' }))
    expect(await screen.findByText(/gone cannot be found/)).toHaveAttribute('role', 'alert')
  }, 30_000)
})
