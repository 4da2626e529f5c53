/**
 * Packaging: `npm run dist`. Needs Electron's binaries from the network, so it cannot run on machines where those
 * downloads are blocked. Written in TypeScript (electron-builder reads electron-builder.ts) so a misspelt option is a
 * compile error and tests/main/packaging.test.ts reads the fuses back from here.
 */
import type { Configuration } from 'electron-builder'

/**
 * Electron's fuses, flipped in the packaged binary (@electron/fuses, run by electron-builder): the shipped app cannot
 * be turned into a plain Node runtime (ELECTRON_RUN_AS_NODE), fed NODE_OPTIONS or --inspect, or pointed at app code
 * outside its own app.asar; the asar is checked against its embedded hash where Electron supports that (macOS,
 * Windows), and Chromium's cookie store is encrypted with the OS key. Pages are served from app:// (never file://),
 * so file:// keeps no extra privileges.
 */
export const fuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} satisfies NonNullable<Configuration['electronFuses']>

const config: Configuration = {
  appId: 'app.homeplan.desktop',
  productName: 'Homeplan',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/**', 'resources/**', 'package.json'],
  // onlyLoadAppFromAsar needs the app in app.asar; the resources beside it are data, read with fs.
  asar: true,
  asarUnpack: ['resources/**'],
  electronFuses: fuses,
  linux: {
    target: ['AppImage', 'deb'],
    category: 'MedicalSoftware',
    icon: 'resources/icon.png',
    maintainer: 'Homeplan',
  },
  win: { target: 'nsis', icon: 'resources/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: 'dmg', category: 'public.app-category.medical', icon: 'resources/icon.png' },
}

export default config
