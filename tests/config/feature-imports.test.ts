import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * Each folder in src/features is one part of the app (patients, program, library, settings). A feature imports from
 * src/core, src/app, src/components and its own folder, never from another feature: what two features share goes
 * to src/components (widgets) or src/app (app-wide state), so a feature can be changed or split alone.
 */

/** "program/ProgramBuilder.tsx imports ../library/library-context", for every import that leaves its feature. */
function crossFeatureImports(featuresDir: string): string[] {
  const found: string[] = []
  for (const feature of readdirSync(featuresDir, { withFileTypes: true })) {
    if (!feature.isDirectory()) continue
    const own = join(featuresDir, feature.name)
    for (const file of readdirSync(own, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(ts|tsx)$/.test(file)) continue
      const path = join(own, file)
      // Static imports, re-exports and import() alike, as TypeScript reads them (not a regular expression).
      const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true)
      for (const { fileName: specifier } of importedFiles) {
        if (!specifier.startsWith('.')) continue
        const target = relative(featuresDir, resolve(dirname(path), specifier))
        if (!target.startsWith('..') && target.split(sep)[0] !== feature.name)
          found.push(`${relative(featuresDir, path).split(sep).join('/')} imports ${specifier}`)
      }
    }
  }
  return found.sort()
}

describe('feature folders', () => {
  it('do not import from each other', () => {
    const found = crossFeatureImports(join('src', 'features'))
    expect(found).toEqual([])
  })

  describe('the check itself', () => {
    const root = mkdtempSync(join(tmpdir(), 'feature-imports-'))
    afterAll(() => rmSync(root, { recursive: true, force: true }))
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), text)
    }

    it('names each import, re-export and import() that reaches another feature, and only those', () => {
      write('features/a/deep/One.tsx', "import { B } from '../../b/B'\nimport { core } from '../../../core/x'\n")
      write('features/a/Two.ts', "export { C } from '../c'\nconst lazy = () => import('../b/Lazy')\n")
      write('features/a/Three.ts', "import { own } from './deep/One'\nimport { z } from 'zod'\n")
      write('features/b/B.tsx', "import { shared } from '../../components/Shared'\n")
      expect(crossFeatureImports(join(root, 'features'))).toEqual([
        'a/Two.ts imports ../b/Lazy',
        'a/Two.ts imports ../c',
        'a/deep/One.tsx imports ../../b/B',
      ])
    })
  })
})
