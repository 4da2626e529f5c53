import { cloneElement, type ReactElement } from 'react'
import type { HandoutInput } from '../../../src/core/handout-model'
import { cardChoices, type CardChoice, type CardProps } from './document/card-layout'
import type { Size } from './document/paginate'
import type { HandoutParts } from './document/parts'
import { MEASURED_LIMIT, sizes } from './block-sizes'
import { describeElement } from './element-key'

/** The arrangement chosen for a card, by what it prints, from earlier renders: a preview edit measures only the card it changed. */
const chosen = new Map<string, CardChoice>()

/**
 * Each card in the arrangement that measures shortest (see cardChoices): the estimate from the words alone put a
 * caution under a tall picture and left a detailed A4 card 425 pt tall that fits in 340.
 */
export async function shortestCards(input: HandoutInput, parts: HandoutParts, fontsDir: string): Promise<CardChoice[]> {
  const keyOf = (card: ReactElement) => {
    const described = describeElement(card)
    return described && `${fontsDir}|${input.paper}|${input.layout}|${described}`
  }
  const cards = parts.cards.map((element) => element as ReactElement<CardProps>)
  const keys = cards.map(keyOf)
  const variants = cards.map((card, i) => {
    const known = keys[i] && chosen.get(keys[i])
    if (known) return [{ choice: known, block: undefined }]
    return cardChoices(card.props).map((choice, k) => ({
      choice,
      block: { id: `card-${i}/${k}`, element: cloneElement(card, { ...choice, key: `${card.key}/${k}` }), wrap: false },
    }))
  })
  const many = variants.filter((v) => v.length > 1).flatMap((v) => v.map((c) => c.block!))
  const size = many.length ? await sizes(input, parts, many, fontsDir) : new Map<string, Size>()
  const total = (id: string) => size.get(id)!.marginTop + size.get(id)!.height + size.get(id)!.marginBottom
  return variants.map((v, i) => {
    if (v.length === 1) return v[0]!.choice
    // Ties keep the earlier choice: fewer parts moved under the picture, the wider compact picture.
    const { choice } = v.reduce((best, c) => (total(c.block!.id) < total(best.block!.id) - 0.5 ? c : best))
    if (keys[i]) {
      if (chosen.size >= MEASURED_LIMIT) chosen.delete(chosen.keys().next().value!)
      chosen.set(keys[i], choice)
    }
    return choice
  })
}

/** The handout's parts with each card in its chosen arrangement. */
export const arranged = (parts: HandoutParts, choices: CardChoice[]): HandoutParts => ({
  ...parts,
  cards: parts.cards.map((card, i) => cloneElement(card, choices[i])),
})
