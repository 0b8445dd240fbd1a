/** `--shard i/n`: which files a shard checks, by a stable hash of the path. Pure. */
import { fnv1a } from '../fnv.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** "2/4" to { index: 2, count: 4 }, or an error message. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!m) return `unexpected --shard "${text}", expected i/n such as 1/4`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `unexpected --shard "${text}", expected 1 <= i <= n`;
  return { index, count };
}

/** FNV-1a over the path's UTF-16 units: the same on every machine and in every order. */
export function pathHash(path: string): number {
  return fnv1a(path);
}

export function inShard(path: string, shard: Shard): boolean {
  return pathHash(path) % shard.count === shard.index - 1;
}
