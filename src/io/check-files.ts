/**
 * Check a list of files from disk with the core engine. One file's problem
 * never stops the others.
 */
import type { ResolvedConfig } from '../core/config/resolve.js';
import { checkDocument, unreadableDocument, type CheckedFile } from '../core/engine.js';
import { tooLargeMessage } from '../core/parse.js';
import { readDocument } from './files.js';

/** Read and check one file from disk. Never throws: a failure becomes a finding on that file. */
export async function checkPath(cwd: string, path: string, config: ResolvedConfig, now: Date): Promise<CheckedFile> {
  try {
    const read = await readDocument(cwd, path, config.maxFileSize);
    return read.kind === 'bytes'
      ? checkDocument(path, read.bytes, config, { now })
      : unreadableDocument(path, read.kind === 'too-large' ? tooLargeMessage(read.size, config.maxFileSize) : read.message, config);
  } catch (error) {
    return unreadableDocument(path, `Unexpected internal error (${error instanceof Error ? error.message.split('\n')[0] : String(error)}), expected ${path} to be checked; please report this`, config);
  }
}

export async function checkFiles(files: string[], cwd: string, config: ResolvedConfig, now = new Date()): Promise<CheckedFile[]> {
  const results: CheckedFile[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await checkPath(cwd, files[i], config, now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return results;
}
