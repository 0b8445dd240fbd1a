/**
 * The root of the git repository a directory is in: the directory holding `.git`
 * (a directory, or a file in a worktree or submodule), or null outside any.
 * Code scanning reads SARIF locations relative to the repository's root.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export function repositoryRoot(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
