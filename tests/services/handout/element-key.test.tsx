import { cloneElement, createElement, isValidElement } from 'react'
import { describe, expect, it } from 'vitest'
import { Text, View } from '@react-pdf/renderer'
import { describeElement } from '../../../electron/services/handout/element-key'
import { installed, upgradeMessage } from '../../support/installed'

const changed = (what: string) =>
  upgradeMessage([installed('react')], what, 'electron/services/handout/element-key.ts', {
    meanwhile:
      'the caches keyed by it (measured blocks, card arrangements, rendered pages) may hand out another block’s size or page; do not ship until this passes.',
  })

function Step({ text }: { text: string }) {
  return <Text>{text}</Text>
}

const card = (step: string, style = { padding: 4 }) => (
  <View key="card-0" style={style}>
    <Text>Title</Text>
    <View>
      <Step text={step} />
    </View>
  </View>
)

describe('React elements as text (element-key.ts)', () => {
  it('are plain objects with $$typeof, type, key and props, their children inside props', () => {
    const element = card('Lift your knee.')
    expect(isValidElement(element)).toBe(true)
    expect(Object.hasOwn(element, '$$typeof'), changed('an element no longer has its own $$typeof property')).toBe(true)
    expect(
      [element.type, element.key, typeof element.props],
      changed('an element no longer has type, key and props as plain fields'),
    ).toEqual([View, 'card-0', 'object'])
    const children = (element.props as { children: unknown[] }).children
    expect(
      Array.isArray(children) && children.every((child) => isValidElement(child)),
      changed('an element’s children are no longer elements in props.children'),
    ).toBe(true)
  })

  it('say everything the element prints, however deep', () => {
    const text = describeElement(card('Lift your knee.'))
    expect(text, changed('JSON.stringify no longer walks into nested elements')).toContain('Lift your knee.')
    expect(text, changed('a function component is no longer named by its name')).toContain('ƒ Step')
    expect(describeElement(card('Lift your knee.')), 'the same element twice').toBe(text)
    expect(describeElement(card('Lower your knee.')), changed('a change deep inside is not seen')).not.toBe(text)
    expect(describeElement(card('Lift your knee.', { padding: 5 })), changed('a changed style is not seen')).not.toBe(
      text,
    )
    expect(
      describeElement(cloneElement(card('Lift your knee.'), { style: { padding: 6 } })),
      changed('a cloned element’s new props are not seen'),
    ).not.toBe(text)
  })

  it('leave out the outer key (a block’s place) but keep the keys inside', () => {
    const text = describeElement(card('Lift your knee.'))
    expect(describeElement(cloneElement(card('Lift your knee.'), { key: 'card-7' }))).toBe(text)
    const inner = (key: string) => (
      <View>
        <Text key={key}>Lift</Text>
      </View>
    )
    expect(describeElement(inner('step-1')), changed('a nested element’s key is lost')).not.toBe(
      describeElement(inner('step-2')),
    )
  })

  it('are undefined when a prop is a function, whose output cannot be told from its name', () => {
    expect(
      describeElement(<View>{createElement(Text, { render: () => 'Page 1' })}</View>),
      changed('a function prop is no longer seen by the JSON.stringify replacer'),
    ).toBeUndefined()
  })
})
