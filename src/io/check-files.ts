/**
 * Check a list of files from disk with the core engine. One file's problem
 * never stops the others.
 */
import type { ResolvedConfig } from '../core/config/resolve.js';
import { checkDocument, unreadableDocument, type CheckedFile } from '../core/engine.js';
import { tooLargeMessage } from '../core/parse.js';
import { readDocument } from './files.js';

export async function checkFiles(files: string[], cwd: string, config: ResolvedConfig, now = new Date()): Promise<CheckedFile[]> {
  const results: CheckedFile[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const path = files[i];
      const read = await readDocument(cwd, path, config.maxFileSize);
      results[i] =
        read.kind === 'bytes'
          ? checkDocument(path, read.bytes, config, { now })
          : unreadableDocument(path, read.kind === 'too-large' ? tooLargeMessage(read.size, config.maxFileSize) : read.message, config);
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, files.length) }, worker));
  return results;
}
