import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../src/core/fnv.js';
import { hash } from '../../src/core/model/ids.js';
import { pathHash } from '../../src/core/audit/shard.js';

describe('fnv1a', () => {
  it('gives the published 32-bit FNV-1a values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('is the hash behind item ids and audit shards, unchanged', () => {
    expect(hash('add alert disk')).toBe('05i8pcr');
    expect(hash('')).toBe('0ztntfp');
    expect(pathHash('postmortems/2024-01-01-outage.md')).toBe(952321450);
  });
});
