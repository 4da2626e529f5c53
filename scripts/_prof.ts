import { loadBuiltinLibrary } from '../electron/services/library/builtin'
import { picturePlan } from '../src/handout/picture-size'
const lib = (await loadBuiltinLibrary('resources/library/exercises')).exercises
const items = Array.from({ length: 60 }, (_, i) => lib[(i * 7) % lib.length]!)
for (let r = 0; r < 4; r++) {
  const t = performance.now()
  for (const e of items) picturePlan(e.diagram!, 'detailed', 532)
  console.log('plan60', (performance.now() - t).toFixed(1))
}
let shapes = 0
for (const e of items) for (const p of picturePlan(e.diagram!, 'detailed', 532).panels) shapes += p.panel.shapes.length
console.log('shapes', shapes, 'chars', items.reduce((n, e) => n + picturePlan(e.diagram!, 'detailed', 532).panels.reduce((m, p) => m + p.panel.shapes.reduce((k, s) => k + (s.kind === 'path' ? s.d.length : 20), 0), 0), 0))
