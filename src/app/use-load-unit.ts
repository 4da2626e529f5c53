import { useEffect, useState } from 'react'
import { useOptionalQuietApi } from './api-context'
import { defaultSettings, loadUnitOf, type LoadUnit } from '../core/settings'

/**
 * The clinic's load unit (Settings → Handouts; pounds for a US Letter clinic, kilograms elsewhere when not chosen):
 * the unit a new load starts in and a load saved without one is shown in. The default settings' until they load (and
 * outside an <ApiProvider>).
 */
export function useLoadUnit(): LoadUnit {
  const api = useOptionalQuietApi()
  const [unit, setUnit] = useState<LoadUnit>(() => loadUnitOf(defaultSettings))
  useEffect(() => {
    if (!api) return
    let live = true
    void api.getSettings().then((r) => live && r.ok && setUnit(loadUnitOf(r.value)))
    return () => void (live = false)
  }, [api])
  return unit
}
