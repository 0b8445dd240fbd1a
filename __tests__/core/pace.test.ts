import { describe, expect, it } from 'vitest';
import { CONTENT_LIMITS, Pace, limitsFromEnv } from '../../src/github/pace.js';

describe('the content-creation pace', () => {
  it('allows 80 creates a minute and 500 an hour, and says how long to wait after that', () => {
    let now = 0;
    const pace = new Pace(CONTENT_LIMITS, () => now);
    for (let i = 0; i < 80; i++) {
      expect(pace.delay()).toBe(0);
      pace.record();
    }
    expect(pace.delay()).toBe(61_200); // the minute, plus a 2% margin for GitHub's clock
    // Spread 500 creates over the hour, then the 501st waits for the first to leave the window.
    now = 0;
    const hourly = new Pace(CONTENT_LIMITS, () => now);
    for (let i = 0; i < 500; i++) {
      now += hourly.delay();
      hourly.record();
    }
    expect(now).toBe(6 * 61_200); // six full minutes (and margins) of waiting for the minute window
    expect(hourly.delay()).toBe(3_600_000 + 72_000 - now);
  });

  it('reads scaled limits from the environment and ignores malformed ones', () => {
    expect(limitsFromEnv('10/0.3,30/1.5')).toEqual([
      { count: 10, windowMs: 300 },
      { count: 30, windowMs: 1500 },
    ]);
    expect(limitsFromEnv('lots')).toBe(CONTENT_LIMITS);
    expect(limitsFromEnv(undefined)).toBe(CONTENT_LIMITS);
  });
});
