import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { findDuration, findZoneStatement, scanTimes } from '../../src/core/time/index.js';

// Fragments that exercise every branch of the scanner when glued together at random.
const FRAGMENTS = [
  '10', ':', '00', '1', '7', '2023', '-', '/', '.', ',', ' ', '  ', 'T', 'Z', '+', '~', '(', ')', '*', '_',
  'AM', 'pm', 'a.m.', 'UTC', 'GMT+1', 'PST', 'Eastern time', 'EAT', 'Europe/Berlin', 'Nov', 'November', 'May',
  'Friday', 'Day', 'noon', 'midnight', 'from', 'to', 'between', 'and', 'on', 'at', 'about', '12', '25', '61',
  'hours', 'h', 'm', 'minutes', 'a week', 'half an hour', 'under', 'http://x.y/', 'All times in', 'st', 'th',
];

describe('scanTimes on random input', () => {
  it('never throws and returns ordered, non-overlapping, faithful expressions', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), fc.boolean(), (parts, dayFirst) => {
        const text = parts.join('');
        const found = scanTimes(text, { dayFirst });
        let last = 0;
        for (const e of found) {
          expect(e.index).toBeGreaterThanOrEqual(last);
          expect(e.length).toBeGreaterThan(0);
          expect(text.slice(e.index, e.index + e.length)).toBe(e.text);
          last = e.index + e.length;
          if (e.invalid) {
            expect(e.time).toBeUndefined();
            expect(e.date).toBeUndefined();
          }
          for (const t of [e.time, e.end?.time]) {
            if (!t) continue;
            expect(t.hour).toBeGreaterThanOrEqual(0);
            expect(t.hour).toBeLessThanOrEqual(23);
            expect(t.minute).toBeGreaterThanOrEqual(0);
            expect(t.minute).toBeLessThanOrEqual(59);
          }
          for (const d of [e.date, e.end?.date]) {
            if (!d) continue;
            expect(d.month).toBeGreaterThanOrEqual(1);
            expect(d.month).toBeLessThanOrEqual(12);
            expect(d.day).toBeGreaterThanOrEqual(1);
            expect(d.day).toBeLessThanOrEqual(31);
          }
        }
        const dur = findDuration(text);
        if (dur) {
          expect(text.slice(dur.index, dur.index + dur.length)).toBe(dur.text);
          expect(dur.minutes).toBeGreaterThanOrEqual(0);
        }
        const zs = findZoneStatement(text);
        if (zs) expect(text.slice(zs.index, zs.index + zs.length).endsWith(zs.zoneText)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
