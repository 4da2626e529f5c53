import { MantineProvider } from '@mantine/core'
import { fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { AngleControl } from '../../../../src/features/library/AngleControl'

/** One angle as the pose editor holds it: every value the control reports is kept, in order. */
function setup(start: number, range: [number, number] = [0, 145]) {
  const reported: number[] = []
  function Harness() {
    const [value, setValue] = useState(start)
    return (
      <AngleControl
        label="Right knee: flexion"
        range={range}
        value={value}
        onChange={(v) => (reported.push(v), setValue(v))}
      />
    )
  }
  render(
    <MantineProvider>
      <Harness />
    </MantineProvider>,
  )
  return {
    reported,
    slider: () => screen.getByRole('slider'),
    box: () => screen.getByRole('textbox', { name: 'Right knee: flexion (number)' }),
    user: userEvent.setup(),
  }
}

describe('an angle of the pose', () => {
  it('moves by 5° steps from the keyboard on the slider, and stops at the ends of its usual range', async () => {
    const { reported, slider, box, user } = setup(135)
    slider().focus()
    await user.keyboard('[ArrowRight]')
    expect(slider()).toHaveAttribute('aria-valuenow', '140')
    expect(box()).toHaveValue('140°')
    await user.keyboard('[ArrowRight][ArrowRight][ArrowRight]')
    expect(slider()).toHaveAttribute('aria-valuenow', '145')
    expect(reported.at(-1)).toBe(145)
    await user.keyboard('[Home]')
    expect(reported.at(-1)).toBe(0)
    await user.keyboard('[ArrowLeft]')
    expect(Math.min(...reported)).toBe(0)
  })

  it('takes any number from −180° to 180° in the box, beyond the slider’s range, and draws the slider at its end', () => {
    const { reported, slider, box } = setup(90)
    fireEvent.change(box(), { target: { value: '170' } })
    expect(reported.at(-1)).toBe(170)
    expect(box()).toHaveValue('170°')
    expect(slider()).toHaveAttribute('aria-valuenow', '145')
    fireEvent.change(box(), { target: { value: '-20' } })
    expect(reported.at(-1)).toBe(-20)
    expect(slider()).toHaveAttribute('aria-valuenow', '0')
  })

  it('brings a number past half a turn back to 180° once the box is left', () => {
    const { reported, box } = setup(90)
    fireEvent.change(box(), { target: { value: '270' } })
    fireEvent.blur(box())
    expect(reported.at(-1)).toBe(180)
    expect(box()).toHaveValue('180°')
    fireEvent.change(box(), { target: { value: '-400' } })
    fireEvent.blur(box())
    expect(reported.at(-1)).toBe(-180)
  })

  it('keeps the angle when the box is emptied, rather than reporting something that is not a number', () => {
    const { reported, slider, box } = setup(90)
    fireEvent.change(box(), { target: { value: '' } })
    expect(reported).toEqual([])
    expect(slider()).toHaveAttribute('aria-valuenow', '90')
  })
})
