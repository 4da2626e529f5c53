import { useDraggable, useDroppable } from '@dnd-kit/core'
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Exercise } from '../../../../src/core/exercise'
import type { ProgramItem } from '../../../../src/core/patient'
import { ProgramDnd } from '../../../../src/features/program/ProgramDnd'

/**
 * ProgramDnd alone, with plain stand-ins for the cards and the library's rows that carry the same drag ids as the
 * real ones (an item's own id; `library:<exercise id>` with the exercise id as data; the list's `program` zone):
 * the real cards take seconds each to mount in jsdom and are covered by ProgramItemList's and the builder's specs.
 */
const exercises: Record<string, Exercise> = Object.fromEntries(
  [
    ['bridges', 'Bridges'],
    ['clamshells', 'Clamshells'],
    ['heel-raises', 'Heel raises'],
    ['wall-sits', 'Wall sits'],
  ].map(([id, name]) => [id, { id, name, defaultDosage: { sets: 3, reps: { min: 8, max: 8 } } } as Exercise]),
)
const ROW = 60

/** jsdom lays nothing out: each element says where it is drawn (data-top, data-left), rows 50 px tall. */
beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const top = Number(this.dataset['top'] ?? 0)
    const left = Number(this.dataset['left'] ?? 0)
    const height = Number(this.dataset['height'] ?? 50)
    const rect = { top, left, width: 200, height, x: left, y: top, bottom: top + height, right: left + 200 }
    return { ...rect, toJSON: () => rect } as DOMRect
  })
})
afterEach(() => vi.restoreAllMocks())

function Row({ item, index }: { item: ProgramItem; index: number }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef } = useSortable({ id: item.id })
  const name = exercises[item.exerciseId]?.name
  return (
    <li ref={setNodeRef} data-top={index * ROW} data-testid="row">
      <button ref={setActivatorNodeRef} {...attributes} {...listeners}>
        Move {name}
      </button>
    </li>
  )
}

function ProgramZone({ items }: { items: ProgramItem[] }) {
  const { setNodeRef } = useDroppable({ id: 'program' })
  return (
    <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
      <ul ref={setNodeRef} data-top={0} data-height={Math.max(1, items.length) * ROW}>
        {items.map((item, index) => (
          <Row key={item.id} item={item} index={index} />
        ))}
      </ul>
    </SortableContext>
  )
}

function LibraryEntry({ exerciseId }: { exerciseId: string }) {
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `library:${exerciseId}`, data: { exerciseId } })
  return (
    <button ref={setNodeRef} {...attributes} {...listeners} data-left={-400} data-top={0}>
      Drag {exercises[exerciseId]!.name}
    </button>
  )
}

const start: ProgramItem[] = [
  { id: 'item-1', exerciseId: 'bridges', dosage: {} },
  { id: 'item-2', exerciseId: 'clamshells', dosage: {} },
  { id: 'item-3', exerciseId: 'heel-raises', dosage: {} },
]

function setup(initial: ProgramItem[] = start) {
  const onAdd = vi.fn()
  const order: string[][] = []
  function Harness() {
    const [items, setItems] = useState(initial)
    order.push(items.map((i) => exercises[i.exerciseId]!.name))
    return (
      <ProgramDnd items={items} exerciseOf={(id) => exercises[id]} onAdd={onAdd} setItems={setItems}>
        <LibraryEntry exerciseId="wall-sits" />
        <ProgramZone items={items} />
      </ProgramDnd>
    )
  }
  render(<Harness />)
  const names = () => screen.getAllByTestId('row').map((row) => row.textContent?.replace(/^Move /, ''))
  /** What dnd-kit's live region said, in order (a screen reader reads it out each time it changes). */
  const said: string[] = []
  const region = screen.getByRole('status')
  new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
    childList: true,
    characterData: true,
    subtree: true,
  })
  const heard = () => said.at(-1)
  return { onAdd, names, heard, said, user: userEvent.setup() }
}

/** The keyboard sensor listens on the document from the next tick after pick-up. */
const nextTick = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)))

describe('dragging the program’s exercises by keyboard', () => {
  it('tells a screen reader how to move an exercise, on the drag handle itself', () => {
    setup()
    expect(screen.getByRole('button', { name: 'Move Clamshells' })).toHaveAccessibleDescription(
      'To move this exercise, press Space. Use the up and down arrow keys to change its place, Space again to drop it, or Escape to cancel.',
    )
  })

  it('moves an exercise down with Space, the arrow key and Space, announcing each step by name and place', async () => {
    const { names, heard, said, user } = setup()
    screen.getByRole('button', { name: 'Move Bridges' }).focus()
    await user.keyboard('[Space]')
    // "Picked up Bridges." is replaced in the same render by where it is, so that is what is heard first.
    await waitFor(() => expect(heard()).toBe('Bridges is over position 1 of 3.'))
    await nextTick()
    await user.keyboard('[ArrowDown]')
    await waitFor(() => expect(heard()).toBe('Bridges is over position 2 of 3.'))
    await user.keyboard('[ArrowDown]')
    await waitFor(() => expect(heard()).toBe('Bridges is over position 3 of 3.'))
    await user.keyboard('[Space]')
    await waitFor(() => expect(heard()).toBe('Bridges was dropped at position 3 of 3.'))
    expect(names()).toEqual(['Clamshells', 'Heel raises', 'Bridges'])
    // Names and places only, never an internal id.
    expect(said.join(' ')).not.toMatch(/item-|bridges/)
  })

  it('moves one up, and leaves the order alone when the move is cancelled with Escape', async () => {
    const { names, heard, user } = setup()
    screen.getByRole('button', { name: 'Move Heel raises' }).focus()
    await user.keyboard('[Space]')
    await nextTick()
    await user.keyboard('[ArrowUp]')
    await waitFor(() => expect(heard()).toBe('Heel raises is over position 2 of 3.'))
    await user.keyboard('[Escape]')
    await waitFor(() => expect(heard()).toBe('Moving Heel raises was cancelled.'))
    expect(names()).toEqual(['Bridges', 'Clamshells', 'Heel raises'])

    screen.getByRole('button', { name: 'Move Heel raises' }).focus()
    await user.keyboard('[Space]')
    await nextTick()
    await user.keyboard('[ArrowUp]')
    await user.keyboard('[Space]')
    await waitFor(() => expect(heard()).toBe('Heel raises was dropped at position 2 of 3.'))
    expect(names()).toEqual(['Bridges', 'Heel raises', 'Clamshells'])
  })
})

describe('dragging an exercise in from the library', () => {
  /** A pointer drag from the library's row to a point, past the 4 px a drag needs before it starts. */
  const dragTo = async (x: number, y: number) => {
    const handle = screen.getByRole('button', { name: 'Drag Wall sits' })
    fireEvent.pointerDown(handle, { isPrimary: true, button: 0, clientX: -300, clientY: 25 })
    fireEvent.pointerMove(document, { clientX: -290, clientY: 25 })
    await nextTick()
    fireEvent.pointerMove(document, { clientX: x, clientY: y })
    await nextTick()
    fireEvent.pointerUp(document, { clientX: x, clientY: y })
    await nextTick()
  }

  it('adds it where it is dropped, with the exercise itself, and leaves the program to the builder', async () => {
    const { onAdd, names, heard } = setup()
    await dragTo(100, ROW + 25)
    expect(onAdd).toHaveBeenCalledOnce()
    expect(onAdd).toHaveBeenCalledWith(exercises['wall-sits'], 1)
    expect(heard()).toBe('Wall sits was dropped at position 2 of 3.')
    // Adding is the builder's (onAdd): the drop itself moved nothing.
    expect(names()).toEqual(['Bridges', 'Clamshells', 'Heel raises'])
  })

  it('adds it at the end when dropped on an empty program', async () => {
    const { onAdd } = setup([])
    await dragTo(100, 25)
    expect(onAdd).toHaveBeenCalledOnce()
    const [exercise, at] = onAdd.mock.calls[0]!
    expect(exercise).toBe(exercises['wall-sits'])
    expect(at).toBeUndefined()
  })
})
