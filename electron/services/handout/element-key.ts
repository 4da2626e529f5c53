/**
 * The only place that turns React elements into text, to tell by what they print whether two elements are the same
 * (the keys of the caches of measured blocks, card arrangements and rendered pages).
 *
 * It relies on, in React 19: an element being a plain object with an own `$$typeof` property and readable `type`,
 * `key` and `props` (its children inside `props.children`, nested elements alike); a function component's `type`
 * having its `name`; and JSON.stringify visiting a replacer with every element in that tree. Anything a prop holds
 * that JSON cannot say (a function) makes the element undescribable, and the caller measures or renders it afresh.
 *
 * tests/services/handout/element-key.test.tsx checks it on the installed react and names the package and version to
 * look at when an upgrade changes it.
 */
import type { ReactElement } from 'react'

/**
 * The element with everything it prints (its component, key and props, recursively), as one string; undefined
 * if a prop is a function (say a canvas's paint), whose output cannot be told from its name.
 */
export function describeElement(element: ReactElement): string | undefined {
  let described = true
  const text = JSON.stringify(element, (_key, value: unknown) => {
    if (typeof value === 'function') described = false
    if (value && typeof value === 'object' && '$$typeof' in value) {
      const { type, key, props } = value as unknown as ReactElement
      // The block's own key names its place, not what it prints: the same card measured as a candidate or moved keeps its size.
      return {
        type: typeof type === 'function' ? `ƒ ${type.name}` : type,
        key: (value as unknown) === element ? null : key,
        props,
      }
    }
    return value
  })
  return described ? text : undefined
}
