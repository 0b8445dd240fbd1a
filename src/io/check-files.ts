/**
 * Check one file from disk with the core engine; a set of files goes through
 * check-set.ts. One file's problem never stops the others.
 */
import type { ResolvedConfig } from '../core/config/resolve.js';
import { checkDocument, unreadableDocument, type CheckedFile } from '../core/engine.js';
import { mayOpenWithYamlFrontMatter, tooLargeMessage } from '../core/parse.js';
import { contentHash, readDocument } from './files.js';
import { errorLine } from '../core/strings.js';
import { loadYaml } from './yaml.js';

export interface HashedResult {
  result: CheckedFile;
  /** SHA-256 of the bytes that were checked (when asked for); null when the file was not read. */
  hash: string | null;
}

/** Read and check one file from disk, and hash what was read when `hash` is set. Never throws. */
export async function checkPathHashed(cwd: string, path: string, config: ResolvedConfig, now: Date, hash: boolean): Promise<HashedResult> {
  try {
    const read = readDocument(cwd, path, config.maxFileSize);
    if (read.kind !== 'bytes') {
      return { result: unreadableDocument(path, read.kind === 'too-large' ? tooLargeMessage(read.size, config.maxFileSize) : read.message, config), hash: null };
    }
    const yaml = mayOpenWithYamlFrontMatter(read.bytes) ? await loadYaml() : undefined;
    return { result: checkDocument(path, read.bytes, config, { now, yaml }), hash: hash ? contentHash(read.bytes) : null };
  } catch (error) {
    const result = unreadableDocument(path, `Unexpected internal error (${errorLine(error)}), expected ${path} to be checked; please report this`, config);
    return { result, hash: null };
  }
}

/** Read and check one file from disk. Never throws: a failure becomes a finding on that file. */
export async function checkPath(cwd: string, path: string, config: ResolvedConfig, now: Date): Promise<CheckedFile> {
  return (await checkPathHashed(cwd, path, config, now, false)).result;
}
