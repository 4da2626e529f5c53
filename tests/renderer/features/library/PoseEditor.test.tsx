import { MantineProvider } from '@mantine/core'
import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import type { DiagramSpec } from '../../../../src/diagrams/spec'
import { newDiagram, PoseEditor } from '../../../../src/features/library/PoseEditor'

function Harness({
  onSpec,
  start = newDiagram('standing'),
}: {
  onSpec: (spec: DiagramSpec) => void
  start?: DiagramSpec
}) {
  const [spec, setSpec] = useState<DiagramSpec>(start)
  return (
    <MantineProvider>
      <PoseEditor value={spec} name="Knee lift" onChange={(next) => (setSpec(next), onSpec(next))} />
    </MantineProvider>
  )
}

describe('the pose editor', () => {
  it('starts from the exercise’s position and edits the end pose in clinical words', async () => {
    let latest: DiagramSpec | undefined
    render(<Harness onSpec={(s) => (latest = s)} />)
    expect(newDiagram('side-lying').base).toBe('side-lying-left')
    expect(screen.getByRole('img', { name: 'Knee lift, side view' })).toBeInTheDocument()
    const hip = screen.getByRole('textbox', { name: 'Right hip: flexion 0° (number)' })
    fireEvent.change(hip, { target: { value: '-20' } })
    // The label reads the direction from the sign.
    expect(await screen.findByText('Right hip: extension 20°')).toBeInTheDocument()
    expect(latest!.keyframes[1]).toEqual({ right: { hipFlexion: -20 } })
    expect(latest!.keyframes[0]).toEqual({})
  })

  it('puts a few words under a pose, one label per pose, and drops the list once it is empty', async () => {
    let latest: DiagramSpec | undefined
    render(<Harness onSpec={(s) => (latest = s)} />)
    const words = screen.getByRole('textbox', { name: /Words under the end picture/ })
    await userEvent.type(words, 'knee up')
    expect(latest!.labels).toEqual(['', 'knee up'])
    await userEvent.clear(words)
    expect(latest!.labels).toBeUndefined()
  })

  it('drops the declared supports of a copied built-in diagram once its pose is edited', () => {
    let latest: DiagramSpec | undefined
    render(
      <Harness
        onSpec={(s) => (latest = s)}
        start={{ ...newDiagram('standing'), supports: ['leftFoot', 'rightFoot'] }}
      />,
    )
    fireEvent.change(screen.getByRole('textbox', { name: 'Right hip: flexion 0° (number)' }), {
      target: { value: '60' },
    })
    expect(latest!.keyframes[1]).toEqual({ right: { hipFlexion: 60 } })
    expect(latest!.supports).toBeUndefined()
  })

  it('draws an out-of-range angle at its limit and says so; resetting the pose clears it', async () => {
    let latest: DiagramSpec | undefined
    render(<Harness onSpec={(s) => (latest = s)} />)
    fireEvent.change(screen.getByRole('textbox', { name: 'Right knee: flexion 0° (number)' }), {
      target: { value: '170' },
    })
    expect(
      await screen.findByText('Right knee flexion: 170° is outside 0° to 145°; drawn at 145°.'),
    ).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Reset the end pose' }))
    expect(latest!.keyframes[1]).toEqual({})
    expect(screen.queryByText(/is outside/)).not.toBeInTheDocument()
  })

  it('poses the fingers and shows the zoomed detail the spec asks for beside the picture', async () => {
    let latest: DiagramSpec | undefined
    render(<Harness onSpec={(s) => (latest = s)} />)
    await userEvent.click(screen.getByRole('radio', { name: 'Right arm' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Right fingers: flexion 0° (number)' }), {
      target: { value: '100' },
    })
    expect(latest!.keyframes[1]).toEqual({ right: { fingerFlexion: 100 } })
    expect(screen.queryByRole('img', { name: /close-up/ })).not.toBeInTheDocument()
    await userEvent.click(screen.getByLabelText('Zoomed detail', { selector: 'input' }))
    await userEvent.click(await screen.findByRole('option', { name: 'hand', hidden: true }))
    expect(latest!.detail).toEqual({ part: 'hand' })
    expect(await screen.findByRole('img', { name: /^Knee lift, .*, with a close-up of the hand$/ })).toBeInTheDocument()
  })

  it('switches a diagram between numbered frames and the start outline, and back', async () => {
    let latest: DiagramSpec | undefined
    render(<Harness onSpec={(s) => (latest = s)} />)
    await userEvent.click(screen.getByLabelText('Drawn as', { selector: 'input' }))
    await userEvent.click(
      await screen.findByRole('option', { name: 'Start as an outline under the end', hidden: true }),
    )
    expect(latest!.display).toBe('overlay')
    await userEvent.click(screen.getByLabelText('Drawn as', { selector: 'input' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Start and end frames', hidden: true }))
    expect(latest).not.toHaveProperty('display')
  })

  it('raises the camera of a diagram and puts it back to automatic', async () => {
    let latest: DiagramSpec | undefined
    render(<Harness onSpec={(s) => (latest = s)} />)
    await userEvent.click(screen.getByLabelText('Camera height', { selector: 'input' }))
    await userEvent.click(await screen.findByRole('option', { name: 'A little above', hidden: true }))
    expect(latest!.elevation).toBe(25)
    await userEvent.click(screen.getByLabelText('Camera height', { selector: 'input' }))
    await userEvent.click(await screen.findByRole('option', { name: 'Automatic', hidden: true }))
    expect(latest).not.toHaveProperty('elevation')
  })
})
