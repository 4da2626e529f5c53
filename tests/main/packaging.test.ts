import { describe, expect, it } from 'vitest'
import config, { fuses } from '../../electron-builder'

/** The fuses electron-builder flips in the packaged binary, read back from electron-builder.ts. */
describe('packaging', () => {
  it('hands electron-builder the fuses', () => {
    expect(config.electronFuses).toBe(fuses)
  })

  it('turns off ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    })
  })

  it('loads the app only from an integrity-checked app.asar', () => {
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toMatchObject({
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('encrypts the cookie store and gives file:// no extra privileges', () => {
    expect(config.electronFuses).toMatchObject({
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('sets every security fuse itself (loadBrowserProcessSpecificV8Snapshot, a start-up choice, is left alone)', () => {
    // A fuse left out keeps Electron's default, which for RunAsNode, NODE_OPTIONS and --inspect is "on".
    expect(Object.keys(fuses).sort()).toEqual([
      'enableCookieEncryption',
      'enableEmbeddedAsarIntegrityValidation',
      'enableNodeCliInspectArguments',
      'enableNodeOptionsEnvironmentVariable',
      'grantFileProtocolExtraPrivileges',
      'onlyLoadAppFromAsar',
      'runAsNode',
    ])
  })
})
