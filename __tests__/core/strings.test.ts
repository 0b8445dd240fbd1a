import { describe, expect, it } from 'vitest';
import { errorLine, errorMessage, plural, trimTrailingSlashes } from '../../src/core/strings.js';

describe('strings', () => {
  it('counts nouns', () => {
    expect([plural(0, 'file'), plural(1, 'file'), plural(2, 'action item')]).toEqual(['0 files', '1 file', '2 action items']);
  });

  it('trims trailing slashes, all of them, and only those', () => {
    expect(['https://ghe.example/', 'https://ghe.example///', 'a/b', '///', ''].map(trimTrailingSlashes)).toEqual(['https://ghe.example', 'https://ghe.example', 'a/b', '', '']);
    expect(trimTrailingSlashes('a' + '/'.repeat(100_000) + 'b')).toBe('a' + '/'.repeat(100_000) + 'b');
  });

  it('says what was thrown: the whole message, or its first line', () => {
    const error = new Error('Not Found\n{"message":"Not Found"}');
    expect(errorMessage(error)).toBe('Not Found\n{"message":"Not Found"}');
    expect(errorLine(error)).toBe('Not Found');
    expect([errorMessage('boom'), errorLine(42)]).toEqual(['boom', '42']);
  });
});
