import { Center, Loader } from '@mantine/core'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { EncryptionStatus } from '../core/encryption'
import { useQuietApi } from './api-context'
import { UnsealScreen } from './UnsealScreen'

export interface EncryptionControls {
  /** Undefined until main has answered. */
  status: EncryptionStatus | undefined
  /** Takes what a call (turn on/off, forget) returned as the new status. */
  update(status: EncryptionStatus): void
}

const EncryptionContext = createContext<EncryptionControls | null>(null)

const unknown: EncryptionControls = { status: undefined, update: () => {} }

/** Encryption at rest as the window knows it; outside <EncryptionGate> (a page alone in a test), unknown. */
export const useEncryption = (): EncryptionControls => useContext(EncryptionContext) ?? unknown

/**
 * Encryption at rest (issue 17): while the data folder is sealed and its key is not in memory, the window shows only
 * the passphrase screen; nothing below (the shell, the lock, every page) is mounted, so nothing asks main for data
 * it would refuse. Once opened, the app starts as usual.
 */
export function EncryptionGate({ children }: { children: ReactNode }) {
  const api = useQuietApi()
  const [status, setStatus] = useState<EncryptionStatus>()
  const [failure, setFailure] = useState<string>()

  const load = useCallback(() => {
    let live = true
    void api.getEncryption().then((r) => {
      if (!live) return
      if (r.ok) setStatus(r.value)
      else setFailure(r.error.message)
    })
    return () => void (live = false)
  }, [api])
  useEffect(load, [load])

  const controls = useMemo<EncryptionControls>(() => ({ status, update: setStatus }), [status])
  if (failure)
    return (
      <p role="alert" style={{ padding: 24 }}>
        {failure}
      </p>
    )
  if (!status)
    return (
      <Center mih="100vh">
        <Loader aria-hidden />
      </Center>
    )
  return (
    <EncryptionContext.Provider value={controls}>
      {status.on && !status.open ? <UnsealScreen canRemember={status.canRemember} onOpened={setStatus} /> : children}
    </EncryptionContext.Provider>
  )
}
