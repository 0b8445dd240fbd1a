import { describe, it, expect } from 'vitest';
import { formatInstant, formatLocal, parseIsoDay, resolveDay, resolveExpression, resolvePoint, scanTimes, toDateTime } from '../../src/core/time/index.js';

describe('toDateTime', () => {
  it('builds an instant from a full date, a time and a zone', () => {
    const dt = toDateTime({ year: 2023, month: 11, day: 7 }, { hour: 10, minute: 0 }, {}, 'UTC-8');
    expect(dt && formatInstant(dt)).toBe('2023-11-07T18:00:00Z');
  });

  it('fills a missing zone from ctx.zone, the expression zone winning', () => {
    const d = { year: 2021, month: 6, day: 3 };
    const t = { hour: 9, minute: 0 };
    expect(formatInstant(toDateTime(d, t, { zone: 'America/Los_Angeles' })!)).toBe('2021-06-03T16:00:00Z');
    expect(formatInstant(toDateTime(d, t, { zone: 'America/Los_Angeles' }, 'UTC')!)).toBe('2021-06-03T09:00:00Z');
    expect(formatInstant(toDateTime(d, t)!)).toBe('2021-06-03T09:00:00Z');
  });

  it('fills a missing date and a missing year from ctx.date', () => {
    expect(formatInstant(toDateTime(undefined, { hour: 14, minute: 51 }, { date: '2015-10-21', zone: 'UTC' })!)).toBe('2015-10-21T14:51:00Z');
    expect(formatInstant(toDateTime({ month: 1, day: 10 }, { hour: 7, minute: 0 }, { date: '2024-01-10' })!)).toBe('2024-01-10T07:00:00Z');
    // "Jan 2" just after a 30 December context belongs to the next year.
    expect(toDateTime({ month: 1, day: 2 }, undefined, { date: '2023-12-30' })?.year).toBe(2024);
    expect(toDateTime({ month: 12, day: 30 }, undefined, { date: '2024-01-02' })?.year).toBe(2023);
  });

  it('returns undefined without a date, or for an impossible one or a bad zone', () => {
    expect(toDateTime(undefined, { hour: 10, minute: 0 }, {})).toBeUndefined();
    expect(toDateTime({ month: 11, day: 7 }, { hour: 10, minute: 0 }, {})).toBeUndefined();
    expect(toDateTime({ year: 2023, month: 2, day: 30 }, undefined, {})).toBeUndefined();
    expect(toDateTime({ year: 2023, month: 2, day: 3 }, undefined, {}, 'Not/AZone')).toBeUndefined();
  });

  it('handles daylight saving through IANA zones', () => {
    const summer = toDateTime({ year: 2021, month: 7, day: 1 }, { hour: 12, minute: 0 }, { zone: 'America/Los_Angeles' })!;
    const winter = toDateTime({ year: 2021, month: 1, day: 1 }, { hour: 12, minute: 0 }, { zone: 'America/Los_Angeles' })!;
    expect(formatInstant(summer)).toBe('2021-07-01T19:00:00Z');
    expect(formatInstant(winter)).toBe('2021-01-01T20:00:00Z');
  });
});

describe('resolveExpression', () => {
  it('resolves a scanned range crossing midnight', () => {
    const [e] = scanTimes('November 10, 2023, 8:00 PM - November 11, 2023, 2:00 AM (UTC)');
    const r = resolveExpression(e);
    expect(formatInstant(r.start!)).toBe('2023-11-10T20:00:00Z');
    expect(formatInstant(r.end!)).toBe('2023-11-11T02:00:00Z');
  });

  it('uses the context date and zone for a time-only range', () => {
    const [e] = scanTimes('10 PM - 2 AM');
    const r = resolveExpression(e, { date: '2024-03-01', zone: 'UTC+1' });
    expect(formatInstant(r.start!)).toBe('2024-03-01T21:00:00Z');
    expect(formatInstant(r.end!)).toBe('2024-03-02T01:00:00Z');
  });

  it('applies "Day 2" to the context date', () => {
    const [e] = scanTimes('Day 2 09:15');
    expect(formatInstant(resolveExpression(e, { date: '2024-02-28', zone: 'UTC' }).start!)).toBe('2024-02-29T09:15:00Z');
  });

  it('returns nothing for invalid expressions', () => {
    const [e] = scanTimes('25:61');
    expect(resolveExpression(e, { date: '2024-01-01' })).toEqual({});
  });
});

describe('formatting', () => {
  it('formatInstant gives ISO 8601 UTC without milliseconds', () => {
    const dt = toDateTime({ year: 2023, month: 11, day: 7 }, { hour: 10, minute: 0 }, { zone: 'UTC' })!;
    expect(formatInstant(dt)).toBe('2023-11-07T10:00:00Z');
  });

  it('formatLocal gives a wall-clock time', () => {
    expect(formatLocal({ year: 2023, month: 11, day: 7 }, { hour: 10, minute: 0 })).toBe('2023-11-07T10:00');
    expect(formatLocal(undefined, { hour: 9, minute: 5 })).toBe('09:05');
    expect(formatLocal({ month: 11, day: 7 }, { hour: 9, minute: 5 })).toBe('09:05');
    expect(formatLocal({ year: 2017, month: 9, day: 28 }, { hour: 16, minute: 20, second: 51 })).toBe('2017-09-28T16:20:51');
  });

  it('parseIsoDay reads a YYYY-MM-DD context', () => {
    expect(parseIsoDay('2020-05-24T17:36:00+00:00')).toEqual({ year: 2020, month: 5, day: 24 });
    expect(parseIsoDay('2023-02-30')).toBeUndefined();
    expect(parseIsoDay('yesterday')).toBeUndefined();
  });
});

describe('resolveDay: the one rule for a missing year', () => {
  it('takes the year that puts the date nearest the reference day', () => {
    expect(resolveDay({ month: 1, day: 2 }, '2023-12-30')).toBe('2024-01-02');
    expect(resolveDay({ month: 12, day: 5 }, '2019-03-26')).toBe('2018-12-05');
    expect(resolveDay({ month: 3, day: 20 }, '2019-03-26')).toBe('2019-03-20');
    expect(resolveDay({ year: 2020, month: 2, day: 29 }, '2024-01-01')).toBe('2020-02-29');
  });

  it('gives nothing without a year to give it, or for an impossible date', () => {
    expect(resolveDay({ month: 1, day: 2 })).toBeUndefined();
    expect(resolveDay({ year: 2023, month: 2, day: 29 })).toBeUndefined();
  });
});

describe('resolvePoint', () => {
  it('is an instant with a date and a zone, a local time with a date only, a bare clock otherwise', () => {
    expect(resolvePoint({ month: 1, day: 15 }, { hour: 0, minute: 5 }, 'UTC+1', { date: '2025-01-14' })).toEqual({
      time: '2025-01-14T23:05:00Z', epoch: Date.UTC(2025, 0, 14, 23, 5), date: '2025-01-15', order: Date.UTC(2025, 0, 14, 23, 5),
    });
    expect(resolvePoint(undefined, { hour: 10, minute: 8 }, undefined, { date: '2018-08-23' })).toEqual({
      time: '2018-08-23T10:08', date: '2018-08-23', order: Date.UTC(2018, 7, 23, 10, 8),
    });
    expect(resolvePoint(undefined, { hour: 9, minute: 5, second: 30 }, 'UTC')).toEqual({ time: '09:05:30', order: (9 * 3600 + 5 * 60 + 30) * 1000 });
  });
});
