import { useEffect, useState } from 'react'
import { useOptionalQuietApi } from './api-context'
import { defaultSettings, loadUnitOf, type LoadUnit } from '../core/settings'

/**
 * The clinic's load unit (Settings → Handouts; pounds for a US Letter clinic, kilograms elsewhere when not chosen):
 * the unit a new load starts in and a load saved without one is shown in. The default settings' until they load (and
 * outside an <ApiProvider>).
 */
/** One settings call for every field that mounts at once (a 25-exercise program has ~75), dropped when answered. */
const asked = new WeakMap<object, Promise<LoadUnit | undefined>>()
function loadUnitFrom(api: NonNullable<ReturnType<typeof useOptionalQuietApi>>): Promise<LoadUnit | undefined> {
  let answer = asked.get(api)
  if (!answer) {
    answer = api
      .getSettings()
      .then((r) => (r.ok ? loadUnitOf(r.value) : undefined))
      .finally(() => asked.delete(api))
    asked.set(api, answer)
  }
  return answer
}

export function useLoadUnit(): LoadUnit {
  const api = useOptionalQuietApi()
  const [unit, setUnit] = useState<LoadUnit>(() => loadUnitOf(defaultSettings))
  useEffect(() => {
    if (!api) return
    let live = true
    void loadUnitFrom(api).then((found) => live && found && setUnit(found))
    return () => void (live = false)
  }, [api])
  return unit
}
