/**
 * Puts the cursor in a program card's first dose field once the card is on the page (a new card appears a frame or
 * two after it is added; a collapsed one after it opens). `scroll`: bring the card's top into view first (the outline's
 * jump); otherwise focusing scrolls just enough to show the field.
 */
export function focusCard(id: string, { scroll = false, frames = 10 } = {}): void {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`)
    const field = card?.querySelector<HTMLElement>('input')
    if (!card || !field) {
      if (frames > 0) focusCard(id, { scroll, frames: frames - 1 })
      return
    }
    if (scroll) card.scrollIntoView({ block: 'start', behavior: 'smooth' })
    field.focus({ preventScroll: scroll })
  })
}
