/**
 * Figures by spec, view and side, kept between renders: the live preview redraws the handout after
 * every edit, and the geometry of unchanged exercises need not be worked out again. Bounded (least
 * recently used out first) so a long session cannot grow it without end.
 */
import { figureFor, type Figure, type FigureOptions } from './figure'
import type { DiagramSpec, View } from './spec'

const LIMIT = 600
const cache = new Map<string, Figure>()

export function cachedFigure(spec: DiagramSpec, view: View, options: FigureOptions = {}): Figure {
  const key = JSON.stringify([spec, view, options])
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const figure = figureFor(spec, view, options)
  cache.set(key, figure)
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!)
  return figure
}
