import { describe, it, expect } from 'vitest';
import { findDuration, parseDurationValue } from '../../src/core/time/index.js';

describe('findDuration', () => {
  const cases: Array<[string, number, string, number, number, ('under' | 'over' | 'about')?]> = [
    ['- **Duration:** 4 hours', 240, '4 hours', 16, 60],
    ['45 minutes', 45, '45 minutes', 0, 5],
    ['The outage lasted 45 minutes.', 45, '45 minutes', 18, 5],
    ['beta was unusable for about 1h50m.', 110, 'about 1h50m', 22, 1, 'about'],
    ['1h50m', 110, '1h50m', 0, 1],
    ['1h 50m', 110, '1h 50m', 0, 1],
    ['2 hours 30 minutes', 150, '2 hours 30 minutes', 0, 1],
    ['1 hour and 30 minutes', 90, '1 hour and 30 minutes', 0, 1],
    ['2024-06-01, 14:00 - 15:30 UTC (1 hour 30 minutes)', 90, '1 hour 30 minutes', 31, 1],
    ['Outage from 2024-06-20 14:00 UTC to 2024-06-20 16:30 UTC (2 hours 30 minutes).', 150, '2 hours 30 minutes', 58, 1],
    ['our server experienced a total downtime of 1 hour and 30 minutes.', 90, '1 hour and 30 minutes', 43, 1],
    ['Our website went kaput for two hours because', 120, 'two hours', 27, 60],
    ['an hour', 60, 'an hour', 0, 60],
    ['After monitoring Sentry for half an hour, all errors', 30, 'half an hour', 28, 30],
    ['90 min', 90, '90 min', 0, 10],
    ['Damage was limited to under 3hrs', 180, 'under 3hrs', 22, 60, 'under'],
    ['Damage was limited to under 3 hours', 180, 'under 3 hours', 22, 60, 'under'],
    ['about 2 hours', 120, 'about 2 hours', 0, 60, 'about'],
    ['it took us 9 hours to resolve a problem', 540, '9 hours', 11, 60],
    ['The problem persisted for a week before it was caught.', 10080, 'a week', 26, 10080],
    ['a halt in our video productions for 5 days', 7200, '5 days', 36, 1440],
    ['Shakespeare Search down for 66 minutes during period', 66, '66 minutes', 28, 1],
    ['an hour and a half', 90, 'an hour and a half', 0, 30],
    ['two and a half hours', 150, 'two and a half hours', 0, 30],
    ['1.5 hours', 90, '1.5 hours', 0, 30],
    // A range: its middle, exact to half its width (2 to 3 hours allows 2 h and 3 h).
    ['an outage lasting two to three hours, from 10:00', 150, 'two to three hours', 18, 60],
    ['it took 2–3 hours', 150, '2–3 hours', 8, 60],
    ['for about 30 - 45 minutes', 37.5, 'about 30 - 45 minutes', 4, 15, 'about'],
    ['a downtime of over twenty four hours', 1440, 'over twenty four hours', 14, 60, 'over'],
    ['twenty-four hours', 1440, 'twenty-four hours', 0, 60],
    ['one hour and thirty-five minutes', 95, 'one hour and thirty-five minutes', 0, 1],
    ['~2 hours', 120, '~2 hours', 0, 60, 'about'],
    ['more than 3 days', 4320, 'more than 3 days', 0, 1440, 'over'],
    ['it was down at the maximum  16 hours', 960, 'at the maximum  16 hours', 12, 60, 'under'],
    ['a maximum of 2 hours', 120, 'a maximum of 2 hours', 0, 60, 'under'],
    ['down (just under 2 hours)', 120, 'just under 2 hours', 6, 60, 'under'],
    ['(under 2 hours)', 120, 'under 2 hours', 1, 60, 'under'],
    ['about ~ 2 hours', 120, '~ 2 hours', 6, 60, 'about'],
    ['thunder 2 hours', 120, '2 hours', 8, 60],
    ['under   2 hours', 120, '2 hours', 8, 60],
    ['a couple of hours', 120, 'a couple of hours', 0, 60],
    ['a 2-hour outage', 120, '2-hour', 2, 60],
    ['1h30', 90, '1h30', 0, 1],
    ['30 seconds', 0.5, '30 seconds', 0, 1 / 6],
    ['for a total outage of 4:21h.', 261, '4:21h', 22, 1],
    ['the site was down for about 1:30 hours', 90, 'about 1:30 hours', 22, 1, 'about'],
    ['resumed at 18:42 UTC, downtime 2:15 hrs, then 3 hours of backlog', 135, '2:15 hrs', 31, 1],
  ];
  for (const [text, minutes, found, index, precision, bound] of cases) {
    it(JSON.stringify(text), () => {
      const expected: Record<string, unknown> = { minutes, index, length: found.length, text: found, precision };
      if (bound) expected.bound = bound;
      expect(findDuration(text)).toEqual(expected);
    });
  }

  it('returns the first duration only', () => {
    expect(findDuration('first 10 minutes, then 2 hours')?.minutes).toBe(10);
  });

  it('does not match dates, clock times, offsets or frequencies', () => {
    for (const text of [
      'May 10, 2024',
      'November 7, 2023, 10:00 AM (UTC)',
      '10:00 to 11:00',
      '13 May 2023',
      'a day prior to its deployment',
      'launched a day before some tickets were opened',
      'Five minutes after the deployment, we started receiving emails',
      'a success 5 minutes later',
      'from a week ago',
      '*(All times US/Pacific, 24-hour clock.)*',
      'HTTP 500s from all clusters',
      'every 5 minutes',
      'for the second time',
      'a second time',
      'hours instead of minutes',
      'a few hours old',
      'v1.10.2',
      'listening on port 8080',
      '80% of users',
      'at 3am',
      'a las 14:30h se cayó el sitio',
      'um 14:30 h fiel der Server aus',
      '$50m budget',
      '',
    ]) {
      expect(findDuration(text), text).toBeUndefined();
    }
  });
});

describe('parseDurationValue', () => {
  const cases: Array<[string | number, number]> = [
    ['4h', 240], ['240', 240], [240, 240], ['PT4H', 240], ['pt4h', 240], ['PT1H30M', 90], ['P1DT2H', 1560], ['P1W', 10080],
    ['4 hours', 240], ['2h30m', 150], ['2h 30m', 150], ['1:30', 90], ['90 minutes', 90], ['1.5h', 90], [' 45 min ', 45],
  ];
  for (const [value, minutes] of cases) {
    it(`${JSON.stringify(value)} -> ${minutes}`, () => expect(parseDurationValue(value)).toBe(minutes));
  }
  it('rejects values that are not wholly a duration', () => {
    for (const value of ['', 'P', 'PT', 'abc', '4 hours later', 'about 4 hours and then some', '1:75', 'May 10', Number.NaN, -5]) {
      expect(parseDurationValue(value), String(value)).toBeUndefined();
    }
  });
});
