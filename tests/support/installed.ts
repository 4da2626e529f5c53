import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const projectRequire = createRequire(join(process.cwd(), 'package.json'))

/** The folder of `pkg` as Node resolves it from `from` (a package name), or from the project when not given. */
export function packageDir(pkg: string, from?: string): string {
  const require = from ? createRequire(join(packageDir(from), 'package.json')) : projectRequire
  let dir = dirname(require.resolve(pkg))
  for (;;) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === pkg) return dir
    } catch {
      // No package.json here: keep going up.
    }
    if (dirname(dir) === dir) throw new Error(`no package.json named ${pkg} above ${require.resolve(pkg)}`)
    dir = dirname(dir)
  }
}

/** `name@version` of the installed package (resolved as packageDir does). */
export function installed(pkg: string, from?: string): string {
  const { version } = JSON.parse(readFileSync(join(packageDir(pkg, from), 'package.json'), 'utf8')) as {
    version: string
  }
  return `${pkg}@${version}`
}

/** What to do when a private API changed, unless a test says otherwise. */
const READ_AND_UPDATE =
  'read the changelog of the version named here and update that module to match, or pin the previous version in package.json.'

/**
 * The message a private-API test fails with: which installed package changed what, which module relies on it (its
 * header comment says exactly what), what to do, and what happens until it is done.
 */
export function upgradeMessage(
  packages: string[],
  what: string,
  module: string,
  { todo = READ_AND_UPDATE, meanwhile }: { todo?: string; meanwhile: string },
): string {
  return `${packages.join(' / ')}: ${what}. ${module} relies on this (its header comment lists exactly what). To do: ${todo} Until then: ${meanwhile}`
}
