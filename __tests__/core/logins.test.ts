import { describe, expect, it } from 'vitest';
import { isLogin, loginOf, MENTION_IN_TEXT } from '../../src/core/logins.js';

describe('logins', () => {
  it('accepts what GitHub accepts as a login, and nothing else', () => {
    expect(['a', 'octo-cat', 'A1', 'x'.repeat(39)].map(isLogin)).toEqual([true, true, true, true]);
    expect(['', '-a', 'a-', 'a--b', 'a_b', 'x'.repeat(40), '@alice', 'a b'].map(isLogin)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('reads the login of a word or a mention', () => {
    expect(loginOf('@alice')).toBe('alice');
    expect(loginOf('bob-1')).toBe('bob-1');
    expect(loginOf('@@alice')).toBeNull();
    expect(loginOf('Dana Scully')).toBeNull();
  });

  it('recognises mentions as text spells them, teams and underscores included', () => {
    const mentions = (text: string) => text.match(new RegExp(MENTION_IN_TEXT, 'g'));
    expect(mentions('Add alerts @dana_acme and @org/sre-team, cc @old-')).toEqual(['@dana_acme', '@org/sre-team', '@old-']);
  });
});
