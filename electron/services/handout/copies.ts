/**
 * The exact copy of every exported handout, one JSON file per export in `<data folder>/handouts/<record id>.json`,
 * so a past handout can be made again page for page after the program, library or clinic details changed.
 * Kept out of the roster: the roster's handout record is unchanged (older Homeplans still open it) and the
 * roster does not grow by a logo and diagrams at every export. Patient data: 0600 files in a 0700 folder.
 */
import { join } from 'node:path'
import {
  HANDOUT_COPY_FORMAT,
  handoutCopySchema,
  type HandoutCopy,
  type HandoutInput,
} from '../../../src/core/handout-model'
import { AppFailure } from '../../../src/core/result'
import { say } from '../../../src/i18n/say'
import { SaveFailure, writeAtomic } from '../atomic-write'
import { errnoOf, nodeFs, type FsPort } from '../fs-port'
import { privateFolder } from '../private-modes'
import { readUserFile } from '../read-user-file'

/** The export was made before Homeplan kept copies (or the copy was removed): said in words by each caller. */
export class NoCopy extends AppFailure {}

/** A copy holds pictures as data: URLs (up to 100 MB each, as the schema allows); a handful of them is the most. */
const MAX_COPY_BYTES = 512 * 1024 * 1024

export const copiesFolder = (dataDir: string) => join(dataDir, 'handouts')
const copyFile = (dataDir: string, handoutId: string) => join(copiesFolder(dataDir), `${handoutId}.json`)

/** Writes the copy of one export (atomically: a crash leaves the old file or none, never half of one). */
export async function keepCopy(
  dataDir: string,
  copy: { patientId: string; handoutId: string; path: string; input: HandoutInput },
  fs: FsPort = nodeFs,
): Promise<void> {
  const document: HandoutCopy = { format: HANDOUT_COPY_FORMAT, version: 1, ...copy }
  try {
    await privateFolder(fs, copiesFolder(dataDir))
    await writeAtomic(fs, copyFile(dataDir, copy.handoutId), [Buffer.from(JSON.stringify(document))]).catch(
      (error: unknown) => {
        throw error instanceof AppFailure ? error : new SaveFailure(`${copy.handoutId}.json`, errnoOf(error))
      },
    )
  } catch (error) {
    const detail =
      error instanceof SaveFailure
        ? error.firstCopy
        : error instanceof AppFailure
          ? error.message
          : ((error as NodeJS.ErrnoException).code ?? String(error))
    throw new AppFailure('io_error', say('handout.copy.notKept', { folder: copiesFolder(dataDir), detail }).trim())
  }
}

/**
 * The copy of one past export, checked. Every way it can be missing or unusable is said in words: exported
 * before Homeplan kept copies, or damaged (then nothing is made from it).
 */
export async function readCopy(
  dataDir: string,
  patientId: string,
  handoutId: string,
  fs: FsPort = nodeFs,
): Promise<HandoutCopy> {
  let bytes: Buffer
  try {
    // Never through a link: the file is one Homeplan wrote itself.
    bytes = await readUserFile(copyFile(dataDir, handoutId), {
      maxBytes: MAX_COPY_BYTES,
      what: say('handout.copy.what'),
      noFollow: true,
      fs,
    })
  } catch (error) {
    if (error instanceof AppFailure && error.code === 'locked') throw error
    if (error instanceof AppFailure && error.code === 'not_found') {
      throw new NoCopy('not_found', say('handout.copy.none'), 'handoutId')
    }
    throw new AppFailure(
      'io_error',
      say('handout.copy.unreadable', { detail: error instanceof Error ? error.message : String(error) }),
      'handoutId',
    )
  }
  let parsed: ReturnType<typeof handoutCopySchema.safeParse>
  try {
    parsed = handoutCopySchema.safeParse(JSON.parse(bytes.toString('utf8')))
  } catch {
    parsed = { success: false } as typeof parsed
  }
  if (!parsed.success || parsed.data.patientId !== patientId || parsed.data.handoutId !== handoutId) {
    throw new AppFailure('io_error', say('handout.copy.damaged'), 'handoutId')
  }
  return parsed.data
}

/** Removes the copies of the given exports; returns the ids whose copy could not be removed (a missing one is fine). */
export async function removeCopies(
  dataDir: string,
  handoutIds: readonly string[],
  fs: FsPort = nodeFs,
): Promise<string[]> {
  const failed: string[] = []
  for (const id of handoutIds) {
    await fs.rm(copyFile(dataDir, id), { force: true }).catch(() => failed.push(id))
  }
  return failed
}
