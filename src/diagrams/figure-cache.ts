/**
 * Figures by spec, view and side, kept between renders: the live preview redraws the handout after
 * every edit, and the geometry of unchanged exercises need not be worked out again. Bounded (least
 * recently used out first) so a long session cannot grow it without end.
 */
import { figureFor, type Figure, type FigureOptions } from './figure'
import type { DiagramSpec, View } from './spec'

const LIMIT = 600

/** A bounded memo of `make` by the JSON of its arguments, least recently used out first. */
export function memo<A extends unknown[], R>(make: (...args: A) => R, limit = LIMIT): (...args: A) => R {
  const cache = new Map<string, R>()
  return (...args: A) => {
    const key = JSON.stringify(args)
    const hit = cache.get(key)
    if (hit !== undefined) {
      cache.delete(key)
      cache.set(key, hit)
      return hit
    }
    const made = make(...args)
    cache.set(key, made)
    if (cache.size > limit) cache.delete(cache.keys().next().value!)
    return made
  }
}

export const cachedFigure: (spec: DiagramSpec, view: View, options?: FigureOptions) => Figure = memo(
  (spec: DiagramSpec, view: View, options: FigureOptions = {}) => figureFor(spec, view, options),
)
