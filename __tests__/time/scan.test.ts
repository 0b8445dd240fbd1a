import { describe, it, expect } from 'vitest';
import { findTimePlaceholder, scanTimes } from '../../src/core/time/index.js';
import type { ScanOptions, TimeExpression } from '../../src/core/time/index.js';

/** Scans `text` and asserts it holds exactly one expression. */
function one(text: string, opts?: ScanOptions): TimeExpression {
  const found = scanTimes(text, opts);
  expect(found, `expressions in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0];
}

describe('scanTimes: clock times', () => {
  it('reads "10:00 AM (UTC)" with a bracketed zone', () => {
    expect(one('10:00 AM (UTC)')).toEqual({
      index: 0, length: 14, text: '10:00 AM (UTC)', time: { hour: 10, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
    });
  });

  it('reads "2:00 PM (UTC)" as 14:00', () => {
    expect(one('2:00 PM (UTC)')).toEqual({
      index: 0, length: 13, text: '2:00 PM (UTC)', time: { hour: 14, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
    });
  });

  it('reads "14:32 UTC"', () => {
    expect(one('14:32 UTC')).toEqual({
      index: 0, length: 9, text: '14:32 UTC', time: { hour: 14, minute: 32 }, zone: 'UTC', zoneText: 'UTC',
    });
  });

  it('leaves Markdown emphasis and the trailing colon out: "**14:00 UTC:**"', () => {
    expect(one('**14:00 UTC:**')).toEqual({
      index: 2, length: 9, text: '14:00 UTC', time: { hour: 14, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
    });
  });

  it('reads "00:05 PDT" as UTC-7', () => {
    expect(one('00:05 PDT')).toEqual({
      index: 0, length: 9, text: '00:05 PDT', time: { hour: 0, minute: 5 }, zone: 'UTC-7', zoneText: 'PDT',
    });
  });

  it('reads "07:30am", "6 PM", "5:30 PM"', () => {
    expect(one('07:30am')).toEqual({ index: 0, length: 7, text: '07:30am', time: { hour: 7, minute: 30 } });
    expect(one('6 PM')).toEqual({ index: 0, length: 4, text: '6 PM', time: { hour: 18, minute: 0 } });
    expect(one('5:30 PM')).toEqual({ index: 0, length: 7, text: '5:30 PM', time: { hour: 17, minute: 30 } });
  });

  it('reads emphasised times "_5:30 PM_" and "*14:51 PST*"', () => {
    expect(one('_5:30 PM_ – Our load balancer was being tuned.')).toEqual({
      index: 1, length: 7, text: '5:30 PM', time: { hour: 17, minute: 30 },
    });
    expect(one('* *14:51 PST* - Engineer discovered that Nginx was running under Root user')).toEqual({
      index: 3, length: 9, text: '14:51 PST', time: { hour: 14, minute: 51 }, zone: 'UTC-8', zoneText: 'PST',
    });
  });

  it('reads "Update: 18:52" and "**Update 20:09**"', () => {
    expect(one('Update: 18:52')).toEqual({ index: 8, length: 5, text: '18:52', time: { hour: 18, minute: 52 } });
    expect(one('**Update 20:09** We have')).toEqual({ index: 9, length: 5, text: '20:09', time: { hour: 20, minute: 9 } });
  });

  it('reads "At 3:00 PM Eastern time"', () => {
    expect(one('At 3:00 PM Eastern time, the home page was due to be updated')).toEqual({
      index: 3, length: 20, text: '3:00 PM Eastern time', time: { hour: 15, minute: 0 }, zone: 'America/New_York', zoneText: 'Eastern time',
    });
  });

  it('handles 12 AM / 12 PM, noon and midnight', () => {
    expect(one('12:00 AM').time).toEqual({ hour: 0, minute: 0 });
    expect(one('12:30 PM').time).toEqual({ hour: 12, minute: 30 });
    expect(one('at noon').time).toEqual({ hour: 12, minute: 0 });
    expect(one('at midnight').time).toEqual({ hour: 0, minute: 0 });
    expect(one('12 noon')).toEqual({ index: 0, length: 7, text: '12 noon', time: { hour: 12, minute: 0 } });
    expect(one('12 midnight').time).toEqual({ hour: 0, minute: 0 });
  });

  it('handles a.m./p.m., dotted clock times and a sentence-ending dot', () => {
    expect(one('at 9:15 a.m. we')).toEqual({ index: 3, length: 9, text: '9:15 a.m.', time: { hour: 9, minute: 15 } });
    expect(one('10.30pm')).toEqual({ index: 0, length: 7, text: '10.30pm', time: { hour: 22, minute: 30 } });
    expect(one('The service returned to normal at 1:45 PM.')).toEqual({
      index: 34, length: 7, text: '1:45 PM', time: { hour: 13, minute: 45 },
    });
  });

  it('reads seconds, fractions and military "1430 UTC" / "0900Z"', () => {
    expect(one('16:20:51.785').time).toEqual({ hour: 16, minute: 20, second: 51 });
    expect(one('1430 UTC')).toEqual({ index: 0, length: 8, text: '1430 UTC', time: { hour: 14, minute: 30 }, zone: 'UTC', zoneText: 'UTC' });
    expect(one('0900Z')).toEqual({ index: 0, length: 5, text: '0900Z', time: { hour: 9, minute: 0 }, zone: 'UTC', zoneText: 'Z' });
  });

  it('reads zones written as offsets, IANA names and multi-word names', () => {
    expect(one('9:55 AM GMT+1')).toMatchObject({ time: { hour: 9, minute: 55 }, zone: 'UTC+1', zoneText: 'GMT+1' });
    expect(one('10:00 UTC+05:30')).toMatchObject({ zone: 'UTC+5:30', zoneText: 'UTC+05:30' });
    expect(one('10:00 Europe/Berlin')).toMatchObject({ zone: 'Europe/Berlin', length: 19 });
    expect(one('10:00 Pacific Standard Time')).toMatchObject({ zone: 'UTC-8', zoneText: 'Pacific Standard Time' });
    expect(one('10:00 (EAT)')).toMatchObject({ zone: 'UTC+3', text: '10:00 (EAT)' });
    // ISO 8601's basic offset, without its colon, attached to the time.
    expect(one('2023-08-18T08:19:34+0100')).toMatchObject({ time: { hour: 8, minute: 19, second: 34 }, zone: 'UTC+1', zoneText: '+0100', length: 24 });
    expect(one('2023-08-18T08:19-0530')).toMatchObject({ zone: 'UTC-5:30', zoneText: '-0530' });
  });

  it('reads an offset written apart from GMT or UTC ("GMT + 1"), never a range or a sum', () => {
    expect(one('10am GMT + 1')).toMatchObject({ time: { hour: 10, minute: 0 }, zone: 'UTC+1', zoneText: 'GMT + 1', length: 12 });
    expect(one('10:00 GMT +1')).toMatchObject({ zone: 'UTC+1', zoneText: 'GMT +1' });
    expect(one('10:00 UTC +5:30')).toMatchObject({ zone: 'UTC+5:30' });
    expect(one('10:00 UTC + 2 hours')).toMatchObject({ zone: 'UTC', length: 9 });
    expect(one('10:00 UTC - 11:00 UTC')).toMatchObject({ zone: 'UTC', end: { time: { hour: 11, minute: 0 }, zone: 'UTC' } });
  });

  it('ends a range "From 4pm to 6 GMT" at a lone hour with its zone, after a time with AM/PM', () => {
    expect(one('From 4pm to 6 GMT, the servers failed')).toMatchObject({ time: { hour: 16, minute: 0 }, end: { time: { hour: 18, minute: 0 }, zone: 'UTC' } });
    expect(one('from 4pm to 6 users')).toMatchObject({ time: { hour: 16, minute: 0 }, length: 3 });
    expect(one('10:00 to 11 UTC')).toMatchObject({ time: { hour: 10, minute: 0 }, length: 5 });
  });

  it('does not read English words as zones after a time', () => {
    expect(one('at 10:00 cat videos')).toEqual({ index: 3, length: 5, text: '10:00', time: { hour: 10, minute: 0 } });
    expect(one('at 10:00 at the office').zone).toBeUndefined();
    expect(one('11:59 PM he ran the script').zone).toBeUndefined();
    expect(one('10:00 et al.').zone).toBeUndefined();
  });
});

describe('scanTimes: dates and date-times', () => {
  it('reads "2023-11-07 10:00"', () => {
    expect(one('2023-11-07 10:00')).toEqual({
      index: 0, length: 16, text: '2023-11-07 10:00', date: { year: 2023, month: 11, day: 7 }, time: { hour: 10, minute: 0 },
    });
  });

  it('reads an approximate "2018-10-08 ~18:10"', () => {
    expect(one('### 2018-10-08 ~18:10')).toEqual({
      index: 4, length: 17, text: '2018-10-08 ~18:10', date: { year: 2018, month: 10, day: 8 }, time: { hour: 18, minute: 10 }, approximate: true,
    });
  });

  it('reads dates written with the year, month and day signs of Chinese, Japanese and Korean', () => {
    expect(one('2013年10月2日 14:30 升级')).toMatchObject({ index: 0, text: '2013年10月2日 14:30', date: { year: 2013, month: 10, day: 2 }, time: { hour: 14, minute: 30 } });
    expect(one('10 月 1 日晚，鉴于')).toMatchObject({ index: 0, text: '10 月 1 日', date: { month: 10, day: 1 } });
    expect(one('2020년 5월 26일 22:24')).toMatchObject({ date: { year: 2020, month: 5, day: 26 }, time: { hour: 22, minute: 24 } });
    expect(scanTimes('10月に公開')).toEqual([]);
  });

  it('reads a non-padded "2019-1-17" as a date alone', () => {
    expect(one('2019-1-17 ')).toEqual({ index: 0, length: 9, text: '2019-1-17', date: { year: 2019, month: 1, day: 17 } });
  });

  it('reads "2021-06-03 9:00"', () => {
    expect(one('### 2021-06-03 9:00')).toEqual({
      index: 4, length: 15, text: '2021-06-03 9:00', date: { year: 2021, month: 6, day: 3 }, time: { hour: 9, minute: 0 },
    });
  });

  it('reads "Nov 7, 10:00 PST" without a year', () => {
    expect(one('Nov 7, 10:00 PST')).toEqual({
      index: 0, length: 16, text: 'Nov 7, 10:00 PST', date: { month: 11, day: 7 }, time: { hour: 10, minute: 0 }, zone: 'UTC-8', zoneText: 'PST',
    });
  });

  it('reads "November 7, 2023, 10:00 AM (UTC)"', () => {
    expect(one('- **Start Time:** November 7, 2023, 10:00 AM (UTC)')).toEqual({
      index: 18, length: 32, text: 'November 7, 2023, 10:00 AM (UTC)', date: { year: 2023, month: 11, day: 7 },
      time: { hour: 10, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
    });
  });

  it('reads DD-MM vs MM-DD numeric dates with opts.dayFirst', () => {
    const text = '04-12-2022 7:23 AM GMT+1';
    const base = { index: 0, length: 24, text, time: { hour: 7, minute: 23 }, zone: 'UTC+1', zoneText: 'GMT+1', ambiguousDate: true };
    expect(one(text, { dayFirst: true })).toEqual({ ...base, date: { year: 2022, month: 12, day: 4 } });
    expect(one(text, { dayFirst: false })).toEqual({ ...base, date: { year: 2022, month: 4, day: 12 } });
    expect(one('05-02-2022 9:55 AM GMT+1', { dayFirst: true })).toMatchObject({
      date: { year: 2022, month: 2, day: 5 }, time: { hour: 9, minute: 55 }, zone: 'UTC+1',
    });
    expect(one('05-02-2022 9:55 AM GMT+1', { dayFirst: false }).date).toEqual({ year: 2022, month: 5, day: 2 });
  });

  it('defaults an ambiguous numeric date by its separator and ignores dayFirst when unambiguous', () => {
    expect(one('05-02-2022').date).toEqual({ year: 2022, month: 2, day: 5 });
    expect(one('05/02/2022').date).toEqual({ year: 2022, month: 5, day: 2 });
    expect(one('13-04-2022', { dayFirst: false })).toEqual({ index: 0, length: 10, text: '13-04-2022', date: { year: 2022, month: 4, day: 13 } });
    expect(one('04/13/2022', { dayFirst: true }).date).toEqual({ year: 2022, month: 4, day: 13 });
    expect(one('3/15/23').date).toEqual({ year: 2023, month: 3, day: 15 });
  });

  it('reads a two-digit year: "February 24th, 15, 9:21 PM (WAT)"', () => {
    expect(one('February 24th, 15, 9:21 PM (WAT): Multiple users reported the issue')).toEqual({
      index: 0, length: 32, text: 'February 24th, 15, 9:21 PM (WAT)', date: { year: 2015, month: 2, day: 24 },
      time: { hour: 21, minute: 21 }, zone: 'UTC+1', zoneText: 'WAT',
    });
  });

  it('reads "January23, 2021" with the space missing', () => {
    expect(one('the outage that occurred on January23, 2021. We')).toEqual({
      index: 28, length: 15, text: 'January23, 2021', date: { year: 2021, month: 1, day: 23 },
    });
  });

  it('reads "Sep 27 2017 13:06"', () => {
    expect(one('### Sep 27 2017 13:06')).toEqual({
      index: 4, length: 17, text: 'Sep 27 2017 13:06', date: { year: 2017, month: 9, day: 27 }, time: { hour: 13, minute: 6 },
    });
  });

  it('reads "May 10th, 2024 at 2:00 AM"', () => {
    expect(one('On May 10th, 2024 at 2:00 AM, the server access went down')).toEqual({
      index: 3, length: 25, text: 'May 10th, 2024 at 2:00 AM', date: { year: 2024, month: 5, day: 10 }, time: { hour: 2, minute: 0 },
    });
  });

  it('reads the time in brackets after a date: "31st January 2023 (10am GMT + 1)"', () => {
    expect(one('On 31st January 2023 (10am GMT + 1), we experienced a server outage')).toMatchObject({
      index: 3, text: '31st January 2023 (10am GMT + 1', date: { year: 2023, month: 1, day: 31 }, time: { hour: 10, minute: 0 }, zone: 'UTC+1',
    });
    expect(one('On 2023-01-31 (10 users) it failed')).toEqual({ index: 3, length: 10, text: '2023-01-31', date: { year: 2023, month: 1, day: 31 } });
  });

  it('reads "September 11th, 2018 at midnight" (with or without a comma)', () => {
    expect(one('On September 11th, 2018 at midnight the server access went down')).toEqual({
      index: 3, length: 32, text: 'September 11th, 2018 at midnight', date: { year: 2018, month: 9, day: 11 }, time: { hour: 0, minute: 0 },
    });
    expect(one('On September 11th, 2018, at midnight, the server')).toMatchObject({
      text: 'September 11th, 2018, at midnight', date: { year: 2018, month: 9, day: 11 }, time: { hour: 0, minute: 0 },
    });
  });

  it('reads ISO timestamps with Z and with an offset', () => {
    expect(one('(`2019-02-12T23:00:00Z`)')).toEqual({
      index: 2, length: 20, text: '2019-02-12T23:00:00Z', date: { year: 2019, month: 2, day: 12 },
      time: { hour: 23, minute: 0, second: 0 }, zone: 'UTC', zoneText: 'Z',
    });
    expect(one('date: 2020-05-24T17:36:00+00:00')).toEqual({
      index: 6, length: 25, text: '2020-05-24T17:36:00+00:00', date: { year: 2020, month: 5, day: 24 },
      time: { hour: 17, minute: 36, second: 0 }, zone: 'UTC', zoneText: '+00:00',
    });
    expect(one('2023-11-07T10:00-07:00')).toMatchObject({ time: { hour: 10, minute: 0 }, zone: 'UTC-7', zoneText: '-07:00' });
  });

  it('reads weekday + date: "Friday March 2nd, 2019", "Monday, 2022-05-23"', () => {
    expect(one('On the morning of Friday March 2nd, 2019 the server')).toEqual({
      index: 18, length: 22, text: 'Friday March 2nd, 2019', date: { year: 2019, month: 3, day: 2 }, weekday: 5,
    });
    expect(one('On Monday, 2022-05-23 the Wire website')).toEqual({
      index: 3, length: 18, text: 'Monday, 2022-05-23', date: { year: 2022, month: 5, day: 23 }, weekday: 1,
    });
  });

  it('reads day-first month names: "13 August, 2021", "1 August, 2025", "7th of November"', () => {
    expect(one('_Date: 13 August, 2021_')).toEqual({
      index: 7, length: 15, text: '13 August, 2021', date: { year: 2021, month: 8, day: 13 },
    });
    expect(one('1 August, 2025').date).toEqual({ year: 2025, month: 8, day: 1 });
    expect(one('on the 7th of November').date).toEqual({ month: 11, day: 7 });
  });

  it('reads "January 10, 7:00 AM" (the 7 is not a year)', () => {
    expect(one('January 10, 7:00 AM: Breakdown begins')).toEqual({
      index: 0, length: 19, text: 'January 10, 7:00 AM', date: { month: 1, day: 10 }, time: { hour: 7, minute: 0 },
    });
  });

  it('reads a date alone as an expression with no time', () => {
    expect(one('**•\tDuration:** May 10, 2024  ')).toEqual({
      index: 16, length: 12, text: 'May 10, 2024', date: { year: 2024, month: 5, day: 10 },
    });
    expect(one('# 2018-10-30: Incorrect TLS Certificates')).toEqual({
      index: 2, length: 10, text: '2018-10-30', date: { year: 2018, month: 10, day: 30 },
    });
  });

  it('reads "Day 2 09:15" as a day offset', () => {
    expect(one('Day 2 09:15')).toEqual({ index: 0, length: 11, text: 'Day 2 09:15', dayOffset: 1, time: { hour: 9, minute: 15 } });
    expect(one('### Day 1').dayOffset).toBe(0);
  });

  it('reads a date with a time written after it: "5:00 AM GMT on May 12, 2024"', () => {
    const found = scanTimes('The outage started at 5:00 AM GMT on May 12, 2024, and ended at 8:00 AM GMT on the same day.');
    expect(found).toEqual([
      { index: 22, length: 27, text: '5:00 AM GMT on May 12, 2024', date: { year: 2024, month: 5, day: 12 }, time: { hour: 5, minute: 0 }, zone: 'UTC', zoneText: 'GMT' },
      { index: 64, length: 11, text: '8:00 AM GMT', time: { hour: 8, minute: 0 }, zone: 'UTC', zoneText: 'GMT' },
    ]);
  });

  it('reads a log line date-time with milliseconds, ignoring "base:350"', () => {
    expect(scanTimes('[W 2017-09-28 16:20:51.785 JupyterHub base:350] Failed login')).toEqual([
      { index: 3, length: 23, text: '2017-09-28 16:20:51.785', date: { year: 2017, month: 9, day: 28 }, time: { hour: 16, minute: 20, second: 51 } },
    ]);
  });
});

describe('scanTimes: ranges', () => {
  it('reads "November 10, 2023, 8:00 PM - November 11, 2023, 2:00 AM (UTC)"', () => {
    expect(one('- **Duration**: November 10, 2023, 8:00 PM - November 11, 2023, 2:00 AM (UTC)')).toEqual({
      index: 16, length: 61, text: 'November 10, 2023, 8:00 PM - November 11, 2023, 2:00 AM (UTC)',
      date: { year: 2023, month: 11, day: 10 }, time: { hour: 20, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: 45, date: { year: 2023, month: 11, day: 11 }, time: { hour: 2, minute: 0 }, zone: 'UTC', zoneText: 'UTC' },
    });
  });

  it('reads "August 5, 2023, 09:00 AM - 11:30 AM (UTC)"', () => {
    expect(one('August 5, 2023, 09:00 AM - 11:30 AM (UTC)')).toEqual({
      index: 0, length: 41, text: 'August 5, 2023, 09:00 AM - 11:30 AM (UTC)',
      date: { year: 2023, month: 8, day: 5 }, time: { hour: 9, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: 27, date: { year: 2023, month: 8, day: 5 }, time: { hour: 11, minute: 30 }, zone: 'UTC', zoneText: 'UTC' },
    });
  });

  it('reads "2024-06-01, 14:00 - 15:30 UTC" (duration in brackets not included)', () => {
    expect(one('* **Duration:** 2024-06-01, 14:00 - 15:30 UTC (1 hour 30 minutes)')).toEqual({
      index: 16, length: 29, text: '2024-06-01, 14:00 - 15:30 UTC',
      date: { year: 2024, month: 6, day: 1 }, time: { hour: 14, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: 36, date: { year: 2024, month: 6, day: 1 }, time: { hour: 15, minute: 30 }, zone: 'UTC', zoneText: 'UTC' },
    });
  });

  it('reads "2024-06-20 14:00 UTC to 2024-06-20 16:30 UTC"', () => {
    expect(one('Outage from 2024-06-20 14:00 UTC to 2024-06-20 16:30 UTC (2 hours 30 minutes).')).toEqual({
      index: 12, length: 44, text: '2024-06-20 14:00 UTC to 2024-06-20 16:30 UTC',
      date: { year: 2024, month: 6, day: 20 }, time: { hour: 14, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: 36, date: { year: 2024, month: 6, day: 20 }, time: { hour: 16, minute: 30 }, zone: 'UTC', zoneText: 'UTC' },
    });
  });

  it('reads "January 24, 2024, 15:00 to 18:30 UTC" and "..., from 15:00 to 18:30 UTC"', () => {
    const expected = (endIndex: number) => ({
      date: { year: 2024, month: 1, day: 24 }, time: { hour: 15, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: endIndex, date: { year: 2024, month: 1, day: 24 }, time: { hour: 18, minute: 30 }, zone: 'UTC', zoneText: 'UTC' },
    });
    expect(one('January 24, 2024, 15:00 to 18:30 UTC')).toEqual({ index: 0, length: 36, text: 'January 24, 2024, 15:00 to 18:30 UTC', ...expected(27) });
    expect(one('The outage occurred on January 24, 2024, from 15:00 to 18:30 UTC. The web')).toEqual({
      index: 23, length: 41, text: 'January 24, 2024, from 15:00 to 18:30 UTC', ...expected(55),
    });
  });

  it('reads "from 10:00 to 14:00 UTC" (zone after the end applies to the start)', () => {
    expect(one('from 10:00 to 14:00 UTC')).toEqual({
      index: 5, length: 18, text: '10:00 to 14:00 UTC', time: { hour: 10, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: 14, time: { hour: 14, minute: 0 }, zone: 'UTC', zoneText: 'UTC' },
    });
  });

  it('reads "10:30 AM to 1:45 PM (UTC) on October 14, 2023"', () => {
    expect(one('The outage occurred from 10:30 AM to 1:45 PM (UTC) on October 14, 2023.')).toEqual({
      index: 25, length: 45, text: '10:30 AM to 1:45 PM (UTC) on October 14, 2023',
      date: { year: 2023, month: 10, day: 14 }, time: { hour: 10, minute: 30 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: 37, date: { year: 2023, month: 10, day: 14 }, time: { hour: 13, minute: 45 }, zone: 'UTC', zoneText: 'UTC' },
    });
  });

  it('reads "12:07 AM December 4, 2024:" (a full date right after the time) as one point; "10:00 March 5" stays apart', () => {
    expect(one('12:07 AM December 4, 2024: User reported the warning')).toEqual({
      index: 0, length: 25, text: '12:07 AM December 4, 2024', date: { year: 2024, month: 12, day: 4 }, time: { hour: 0, minute: 7 },
    });
    expect(scanTimes('14:30 12 March 2024: rollback').map((e) => [e.text, e.date, e.time])).toEqual([['14:30 12 March 2024', { year: 2024, month: 3, day: 12 }, { hour: 14, minute: 30 }]]);
    // Without a year the date may be what the entry is about ("10:00 March 5 deploy reverted"): two expressions.
    expect(scanTimes('10:00 March 5 deploy reverted').map((e) => e.text)).toEqual(['10:00', 'March 5']);
    expect(scanTimes('10:00 5 servers restarted in 2024').map((e) => e.text)).toEqual(['10:00']);
  });

  it('reads "June 1, 2024, from 15:00 to 17:00 WAT"', () => {
    expect(one('- **Duration of the outage:** June 1, 2024, from 15:00 to 17:00 WAT')).toEqual({
      index: 30, length: 37, text: 'June 1, 2024, from 15:00 to 17:00 WAT',
      date: { year: 2024, month: 6, day: 1 }, time: { hour: 15, minute: 0 }, zone: 'UTC+1', zoneText: 'WAT',
      end: { index: 58, date: { year: 2024, month: 6, day: 1 }, time: { hour: 17, minute: 0 }, zone: 'UTC+1', zoneText: 'WAT' },
    });
  });

  it('reads "From 6PM to 7PM GMT" and "From 6 to 7 PM"', () => {
    expect(one('From 6PM to 7PM GMT, requests to our servers')).toEqual({
      index: 5, length: 14, text: '6PM to 7PM GMT', time: { hour: 18, minute: 0 }, zone: 'UTC', zoneText: 'GMT',
      end: { index: 12, time: { hour: 19, minute: 0 }, zone: 'UTC', zoneText: 'GMT' },
    });
    expect(one('From 6 to 7 PM')).toEqual({
      index: 5, length: 9, text: '6 to 7 PM', time: { hour: 18, minute: 0 }, end: { index: 10, time: { hour: 19, minute: 0 } },
    });
  });

  it('reads "7:31 PM to 9:21 PM PT"', () => {
    expect(one('500 error-response messages from 7:31 PM to 9:21 PM PT. The apps')).toEqual({
      index: 33, length: 21, text: '7:31 PM to 9:21 PM PT', time: { hour: 19, minute: 31 }, zone: 'America/Los_Angeles', zoneText: 'PT',
      end: { index: 44, time: { hour: 21, minute: 21 }, zone: 'America/Los_Angeles', zoneText: 'PT' },
    });
  });

  it('reads "at about 4:50 PM GMT to 5:30 PM GMT" as approximate', () => {
    expect(one('At about 4:50 PM GMT to 5:30 PM GMT our site')).toEqual({
      index: 9, length: 26, text: '4:50 PM GMT to 5:30 PM GMT', time: { hour: 16, minute: 50 }, zone: 'UTC', zoneText: 'GMT',
      end: { index: 24, time: { hour: 17, minute: 30 }, zone: 'UTC', zoneText: 'GMT' }, approximate: true,
    });
  });

  it('reads "From January 10, 2024, 7:00 AM to January 15, 2024, 1:00 PM GMT"', () => {
    expect(one('From January 10, 2024, 7:00 AM to January 15, 2024, 1:00 PM GMT, our video')).toEqual({
      index: 5, length: 58, text: 'January 10, 2024, 7:00 AM to January 15, 2024, 1:00 PM GMT',
      date: { year: 2024, month: 1, day: 10 }, time: { hour: 7, minute: 0 }, zone: 'UTC', zoneText: 'GMT',
      end: { index: 34, date: { year: 2024, month: 1, day: 15 }, time: { hour: 13, minute: 0 }, zone: 'UTC', zoneText: 'GMT' },
    });
  });

  it('reads "between X and Y" with "approximately"', () => {
    expect(one('Between approximately 2025-07-30 21:27 UTC and 2025-07-31 07:27 UTC hex.pm was down')).toEqual({
      index: 22, length: 45, text: '2025-07-30 21:27 UTC and 2025-07-31 07:27 UTC',
      date: { year: 2025, month: 7, day: 30 }, time: { hour: 21, minute: 27 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: 47, date: { year: 2025, month: 7, day: 31 }, time: { hour: 7, minute: 27 }, zone: 'UTC', zoneText: 'UTC' },
      approximate: true,
    });
  });

  it('applies the end AM/PM to the start when it fits', () => {
    expect(one('10:00 - 11:30 AM')).toMatchObject({ time: { hour: 10, minute: 0 }, end: { time: { hour: 11, minute: 30 } } });
    expect(one('1:00 - 3:00 PM')).toMatchObject({ time: { hour: 13, minute: 0 }, end: { time: { hour: 15, minute: 0 } } });
    expect(one('11:00 - 1:00 PM')).toMatchObject({ time: { hour: 11, minute: 0 }, end: { time: { hour: 13, minute: 0 } } });
    expect(one('10:00AM–11:30AM')).toMatchObject({ text: '10:00AM–11:30AM', time: { hour: 10, minute: 0 }, end: { time: { hour: 11, minute: 30 } } });
  });

  it('reads an end without AM/PM as the first of its readings not before the start', () => {
    expect(one('from 1:10pm PST until 1:19 PST')).toMatchObject({ time: { hour: 13, minute: 10 }, end: { time: { hour: 13, minute: 19 } } });
    expect(one('10pm to 11:30')).toMatchObject({ time: { hour: 22, minute: 0 }, end: { time: { hour: 23, minute: 30 } } });
    expect(one('9am - 10:30')).toMatchObject({ time: { hour: 9, minute: 0 }, end: { time: { hour: 10, minute: 30 } } });
    // Both readings before the start: past midnight, as written.
    expect(one('2023-12-31 11pm - 1:00')).toMatchObject({ time: { hour: 23, minute: 0 }, end: { date: { year: 2024, month: 1, day: 1 }, time: { hour: 1, minute: 0 } } });
    // An end in 24-hour form is what it says.
    expect(one('1:10pm - 13:30')).toMatchObject({ time: { hour: 13, minute: 10 }, end: { time: { hour: 13, minute: 30 } } });
  });

  it('moves an end that crosses midnight to the next day', () => {
    expect(one('2023-12-31 23:00 - 01:00 UTC')).toMatchObject({
      date: { year: 2023, month: 12, day: 31 }, time: { hour: 23, minute: 0 },
      end: { date: { year: 2024, month: 1, day: 1 }, time: { hour: 1, minute: 0 } },
    });
  });

  it('reads a date range and a "10:00-11:00" range without spaces', () => {
    expect(one('2019-02-20 - 2019-02-21')).toEqual({
      index: 0, length: 23, text: '2019-02-20 - 2019-02-21', date: { year: 2019, month: 2, day: 20 }, end: { index: 13, date: { year: 2019, month: 2, day: 21 } },
    });
    expect(one('10:00-11:00')).toEqual({
      index: 0, length: 11, text: '10:00-11:00', time: { hour: 10, minute: 0 }, end: { index: 6, time: { hour: 11, minute: 0 } },
    });
  });

  it('does not make a range of a timeline entry and its text', () => {
    expect(one('10:00 AM - Users reported errors')).toEqual({ index: 0, length: 8, text: '10:00 AM', time: { hour: 10, minute: 0 } });
    expect(one('14:00 - 500 errors spike')).toEqual({ index: 0, length: 5, text: '14:00', time: { hour: 14, minute: 0 } });
    expect(one('+ 05-02-2022 9:55 AM GMT+1 - Initial complaint received', { dayFirst: true }).end).toBeUndefined();
  });

  it('keeps "and" for "between" ranges only', () => {
    expect(scanTimes('at 10:00 and 11:00')).toHaveLength(2);
    expect(one('between 10:00 and 11:00 UTC')).toMatchObject({ time: { hour: 10, minute: 0 }, end: { time: { hour: 11, minute: 0 }, zone: 'UTC' }, zone: 'UTC' });
  });
});

describe('scanTimes: other common formats', () => {
  const cases: Array<[string, TimeExpression]> = [
    ['12:00 midnight', { index: 0, length: 14, text: '12:00 midnight', time: { hour: 0, minute: 0 } }],
    ['midnight UTC', { index: 0, length: 12, text: 'midnight UTC', time: { hour: 0, minute: 0 }, zone: 'UTC', zoneText: 'UTC' }],
    ['5 Oct 2023 14:00 UTC', { index: 0, length: 20, text: '5 Oct 2023 14:00 UTC', date: { year: 2023, month: 10, day: 5 }, time: { hour: 14, minute: 0 }, zone: 'UTC', zoneText: 'UTC' }],
    ['Thursday, October 5th 2023', { index: 0, length: 26, text: 'Thursday, October 5th 2023', date: { year: 2023, month: 10, day: 5 }, weekday: 4 }],
    ['Oct 5 14:00', { index: 0, length: 11, text: 'Oct 5 14:00', date: { month: 10, day: 5 }, time: { hour: 14, minute: 0 } }],
    ['2pm-4pm ET', { index: 0, length: 10, text: '2pm-4pm ET', time: { hour: 14, minute: 0 }, zone: 'America/New_York', zoneText: 'ET', end: { index: 4, time: { hour: 16, minute: 0 }, zone: 'America/New_York', zoneText: 'ET' } }],
    ['2023-10-05 at 14:00', { index: 0, length: 19, text: '2023-10-05 at 14:00', date: { year: 2023, month: 10, day: 5 }, time: { hour: 14, minute: 0 } }],
    ['at 14:00 (UTC+0)', { index: 3, length: 13, text: '14:00 (UTC+0)', time: { hour: 14, minute: 0 }, zone: 'UTC', zoneText: 'UTC+0' }],
    ['3rd June 2023', { index: 0, length: 13, text: '3rd June 2023', date: { year: 2023, month: 6, day: 3 } }],
    ['05.10.2023 14:00', { index: 0, length: 16, text: '05.10.2023 14:00', date: { year: 2023, month: 10, day: 5 }, time: { hour: 14, minute: 0 }, ambiguousDate: true }],
    ['Day 1, 14:00', { index: 0, length: 12, text: 'Day 1, 14:00', dayOffset: 0, time: { hour: 14, minute: 0 } }],
    ['approx. 14:00', { index: 8, length: 5, text: '14:00', time: { hour: 14, minute: 0 }, approximate: true }],
    ['between 2 and 3 PM', { index: 8, length: 10, text: '2 and 3 PM', time: { hour: 14, minute: 0 }, end: { index: 14, time: { hour: 15, minute: 0 } } }],
    ['from 14:00 until 15:00 CET', { index: 5, length: 21, text: '14:00 until 15:00 CET', time: { hour: 14, minute: 0 }, zone: 'UTC+1', zoneText: 'CET', end: { index: 17, time: { hour: 15, minute: 0 }, zone: 'UTC+1', zoneText: 'CET' } }],
    ['Nov. 7th, 2023 @ 10:00', { index: 0, length: 22, text: 'Nov. 7th, 2023 @ 10:00', date: { year: 2023, month: 11, day: 7 }, time: { hour: 10, minute: 0 } }],
    ['On 2023-10-05, between 14:00 and 16:00 UTC', {
      index: 3, length: 39, text: '2023-10-05, between 14:00 and 16:00 UTC', date: { year: 2023, month: 10, day: 5 }, time: { hour: 14, minute: 0 }, zone: 'UTC', zoneText: 'UTC',
      end: { index: 33, date: { year: 2023, month: 10, day: 5 }, time: { hour: 16, minute: 0 }, zone: 'UTC', zoneText: 'UTC' },
    }],
    ['Wed, 3 May 2023 10:00:00 +0000', {
      index: 0, length: 30, text: 'Wed, 3 May 2023 10:00:00 +0000', date: { year: 2023, month: 5, day: 3 }, time: { hour: 10, minute: 0, second: 0 }, zone: 'UTC', zoneText: '+0000', weekday: 3,
    }],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => expect(one(text)).toEqual(expected));
  }

  it('does not read a lone hour outside a range, nor lower-case month words', () => {
    expect(scanTimes('from 10 to 11')).toEqual([]);
    expect(scanTimes('we may 10x the fleet and march 3 teams')).toEqual([]);
    expect(scanTimes('555-1234, 5-10 minutes, 2019-2020, 99.99%, $10.50')).toEqual([]);
  });
});

describe('scanTimes: clocks written without their colon after a date', () => {
  it('reads "Feb 9 1924 UTC" as 19:24 on Feb 9, as "Feb 7 1506 UTC" is, and "Feb 9 2024 UTC" still as a year', () => {
    expect(one('Feb 9 1924 UTC: Ztake reports an apphash')).toEqual({ index: 0, length: 14, text: 'Feb 9 1924 UTC', date: { month: 2, day: 9 }, time: { hour: 19, minute: 24 }, zone: 'UTC', zoneText: 'UTC' });
    expect(one('Feb 7 1506 UTC: agreed')).toMatchObject({ date: { month: 2, day: 7 }, time: { hour: 15, minute: 6 } });
    expect(one('Feb 9 2024 UTC')).toMatchObject({ date: { year: 2024, month: 2, day: 9 } });
    expect(one('Feb 9, 1924 UTC')).toMatchObject({ date: { year: 1924, month: 2, day: 9 } });
  });
});

describe('scanTimes: invalid timestamps', () => {
  it('flags "25:61"', () => {
    expect(one('25:61')).toEqual({ index: 0, length: 5, text: '25:61', invalid: 'hour 25 is out of range' });
  });

  it('flags "13:00 PM" for its notation but reads the time its PM agrees with; "13:00 AM" is invalid', () => {
    expect(one('13:00 PM')).toEqual({ index: 0, length: 8, text: '13:00 PM', time: { hour: 13, minute: 0 }, notation: '13:00 PM mixes a 24-hour time with AM/PM' });
    expect(one('13:00 AM')).toEqual({ index: 0, length: 8, text: '13:00 AM', invalid: '13:00 AM mixes a 24-hour time with AM/PM' });
  });

  it('flags "2023-13-45 10:00" as a whole', () => {
    expect(one('2023-13-45 10:00')).toEqual({ index: 0, length: 16, text: '2023-13-45 10:00', invalid: 'month 13 is out of range' });
  });

  it('flags impossible days and minutes', () => {
    expect(one('2023-02-29').invalid).toBe('day 29 is out of range for month 2');
    expect(one('2024-02-29').date).toEqual({ year: 2024, month: 2, day: 29 });
    expect(one('February 30, 2023 10:00').invalid).toBe('day 30 is out of range for month 2');
    expect(one('10:75').invalid).toBe('minute 75 is out of range');
    expect(one('24:00').invalid).toMatch(/24:00/);
    expect(one('0:30 PM').invalid).toMatch(/not a valid 12-hour time/);
  });

  it('invalid expressions carry no date or time', () => {
    const e = one('2023-13-45 10:00');
    expect(e.date).toBeUndefined();
    expect(e.time).toBeUndefined();
  });
});

describe('scanTimes: things that are not times', () => {
  const negatives = [
    'v1.10.2',
    'version 3.4 is out',
    'the gateway returned 504',
    'a 500 error',
    '80% of users',
    'about 1h50m',
    'for 90 minutes',
    'host 10.0.0.1 and 192.168.10.15',
    'listening on localhost:8080 and 10.0.0.1:8080',
    'see https://example.com/x?t=10:00&d=2023-11-07 for details',
    'see <http://monitor/shakespeare?end_time=20151021T145700>',
    'support is 24/7',
    'a 3:1 ratio',
    '1:100',
    'the MAC is 00:1A:2B:3C:4D:5E',
    'a 1.5.2 release at 3.10',
    'ManyHttp500s',
    '4.3 billion years',
    'USA-2 cluster and 10x capacity',
    'Till mid May 2021 we used',
    'offset (UTC -05:00) and (GMT+01:00)',
    'Hello World',
    '',
  ];
  for (const text of negatives) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      expect(scanTimes(text)).toEqual([]);
    });
  }

  it('skips version-like and IP-like digits next to a real time', () => {
    expect(scanTimes('v1.10.2 deployed at 10:00 UTC on 10.0.0.1')).toEqual([
      { index: 20, length: 9, text: '10:00 UTC', time: { hour: 10, minute: 0 }, zone: 'UTC', zoneText: 'UTC' },
    ]);
  });

  it('returns expressions left to right and non-overlapping', () => {
    const found = scanTimes('Feb 12th at 3pm PST (`2019-02-12T23:00:00Z`) and 09:00, 10:00');
    expect(found.map((e) => e.text)).toEqual(['Feb 12th at 3pm PST', '2019-02-12T23:00:00Z', '09:00', '10:00']);
    for (let k = 1; k < found.length; k++) expect(found[k].index).toBeGreaterThanOrEqual(found[k - 1].index + found[k - 1].length);
    expect(found[0]).toMatchObject({ date: { month: 2, day: 12 }, time: { hour: 15, minute: 0 }, zone: 'UTC-8' });
  });
});

describe('scanTimes: lines from real postmortems', () => {
  const cases: Array<[string, Partial<TimeExpression>[]]> = [
    ['- **10:00 AM (UTC):** Our monitoring system shouted, "Surprise!"', [{ text: '10:00 AM (UTC)', time: { hour: 10, minute: 0 }, zone: 'UTC' }]],
    ['- **Resolution:** we brought the party under control by 2:00 PM (UTC).', [{ text: '2:00 PM (UTC)', time: { hour: 14, minute: 0 }, zone: 'UTC' }]],
    ['**•\t00:05 PDT:** Users encountered errors when accessing the site.  ', [{ index: 4, text: '00:05 PDT', zone: 'UTC-7' }]],
    ['02:00 PST - Users reported a 503 error when attempting to access the website.', [{ index: 0, text: '02:00 PST', time: { hour: 2, minute: 0 }, zone: 'UTC-8' }]],
    ['07:31 PM - Outage begins.', [{ text: '07:31 PM', time: { hour: 19, minute: 31 } }]],
    ['### 07:30am - First report', [{ index: 4, text: '07:30am', time: { hour: 7, minute: 30 } }]],
    ['peaking around 07:15.', [{ index: 15, text: '07:15', time: { hour: 7, minute: 15 }, approximate: true }]],
    ['*06:00*: wire.com being down was detected by the Security Team<br />', [{ index: 1, text: '06:00', time: { hour: 6, minute: 0 } }]],
    ['| 14:51 | News reports that a new Shakespearean sonnet has been discovered |', [{ index: 2, text: '14:51' }]],
    ['2015-10-21 (*all times UTC*)', [{ text: '2015-10-21', date: { year: 2015, month: 10, day: 21 } }]],
    ['### 2022-04-15 4:35', [{ date: { year: 2022, month: 4, day: 15 }, time: { hour: 4, minute: 35 } }]],
    ['- **Issue Detection (November 10, 2023, 8:00 PM)**: Users reported login failures', [{ index: 21, text: 'November 10, 2023, 8:00 PM', time: { hour: 20, minute: 0 } }]],
    ['- **Duration of the Outage**: August 18, 2024, 10:00 AM - 11:30 AM (EAT)', [{ zone: 'UTC+3', end: { date: { year: 2024, month: 8, day: 18 }, time: { hour: 11, minute: 30 }, zone: 'UTC+3', zoneText: 'EAT' } }]],
    ['We had a window 9:55 AM GMT+1 to 11:20 AM GMT+1 today', [{ text: '9:55 AM GMT+1 to 11:20 AM GMT+1', zone: 'UTC+1', end: { time: { hour: 11, minute: 20 }, zone: 'UTC+1', zoneText: 'GMT+1' } }]],
    ['- At 3:26 PM, another member confirmed the file was last updated at 11:59 PM and', [{ text: '3:26 PM' }, { text: '11:59 PM', time: { hour: 23, minute: 59 } }]],
    ['<time datetime="2025-08-01T00:00:00Z">1 August, 2025</time>', [{ text: '2025-08-01T00:00:00Z', zone: 'UTC' }, { text: '1 August, 2025', date: { year: 2025, month: 8, day: 1 } }]],
    ['Commencing at 9:21 PM (WAT) on February 24th, 15, and concluding at 10:51 PM (WAT), our server', [
      { index: 14, text: '9:21 PM (WAT) on February 24th, 15', date: { year: 2015, month: 2, day: 24 }, time: { hour: 21, minute: 21 }, zone: 'UTC+1' },
      { text: '10:51 PM (WAT)', time: { hour: 22, minute: 51 } },
    ]],
    ['    - Turn actions back on for this project. **(Done as of 2021-06-30)**', [{ text: '2021-06-30' }]],
  ];
  for (const [line, expected] of cases) {
    it(JSON.stringify(line.slice(0, 60)), () => {
      const found = scanTimes(line);
      expect(found).toHaveLength(expected.length);
      expected.forEach((e, k) => expect(found[k]).toMatchObject(e));
      for (const f of found) expect(line.slice(f.index, f.index + f.length)).toBe(f.text);
    });
  }

  it('finds nothing in prose without times', () => {
    expect(scanTimes('Customers are unable to access the website or complete purchases for several hours.')).toEqual([]);
    expect(scanTimes('He switches production to the branch with the hotfix after testing locally.')).toEqual([]);
  });
});

describe('scanTimes: adversarial input stays linear', () => {
  const MB = 1_000_000;
  const build = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

  it('scans 1 MB of "1:1:1:..." and finds nothing', () => {
    expect(scanTimes(build('1:1:'))).toEqual([]);
  });

  it('scans 1 MB of "2023-2023-..." and finds nothing', () => {
    expect(scanTimes(build('2023-'))).toEqual([]);
  });

  it('scans 1 MB of "10:00 10:00 ..." and finds every time', () => {
    const found = scanTimes(build('10:00 '));
    expect(found.length).toBe(Math.floor(MB / 6) + (MB % 6 >= 5 ? 1 : 0));
    expect(found[0]).toEqual({ index: 0, length: 5, text: '10:00', time: { hour: 10, minute: 0 } });
    expect(found[found.length - 1].time).toEqual({ hour: 10, minute: 0 });
  });

  it('scans other adversarial 1 MB lines', () => {
    for (const unit of ['12:34:56:', '10:00 - ', 'November 7, ', 'from 6 to ', '1.1.', '12-12-', '10:00 UTC/', 'Day 2 ', '~', '9:21 PM (WAT) on ']) {
      const found = scanTimes(build(unit));
      expect(Array.isArray(found)).toBe(true);
      for (let k = 1; k < Math.min(found.length, 1000); k++) expect(found[k].index).toBeGreaterThanOrEqual(found[k - 1].index + found[k - 1].length);
    }
  });

  it('has a cheap path for lines without digits', () => {
    expect(scanTimes('a'.repeat(MB))).toEqual([]);
    expect(scanTimes('Noon'.padStart(MB, ' '))).toHaveLength(1);
  });
});

describe('scanTimes: forms teams write in timelines', () => {
  it('reads the hour-letter separator with two-digit hours, and leaves "1h30" to durations', () => {
    expect(one('14h30 (CET) Paris paged')).toMatchObject({ text: '14h30 (CET)', time: { hour: 14, minute: 30 }, zone: 'UTC+1' });
    expect(one('09h05')).toMatchObject({ time: { hour: 9, minute: 5 } });
    expect(scanTimes('down for 1h30')).toEqual([]);
    expect(scanTimes('24h00 99h99')).toEqual([]);
  });

  it('reads a date joined to its time by a slash', () => {
    expect(one('2024-03-01/10:25 rollback')).toMatchObject({ text: '2024-03-01/10:25', date: { year: 2024, month: 3, day: 1 }, time: { hour: 10, minute: 25 } });
    expect(one('2024-03-01 / 10:25 UTC')).toMatchObject({ time: { hour: 10, minute: 25 }, zone: 'UTC' });
  });

  it('reads a month and day without a year only before a clock time', () => {
    expect(one('[03-26 23:04] drained')).toMatchObject({ text: '03-26 23:04', date: { month: 3, day: 26 }, time: { hour: 23, minute: 4 } });
    expect(one('| 10-02 ~07:01 | attempts fail')).toMatchObject({ text: '10-02 ~07:01', date: { month: 10, day: 2 }, time: { hour: 7, minute: 1 } });
    expect(one('3/26 2:54 PM')).toMatchObject({ date: { month: 3, day: 26 }, time: { hour: 14, minute: 54 } });
    expect(one('26/3 10:00')).toMatchObject({ date: { month: 3, day: 26 } });
    expect(one('04-05 10:00')).toMatchObject({ date: { month: 4, day: 5 }, ambiguousDate: true });
    expect(scanTimes('10-12 users and 1/2 of them')).toEqual([]);
  });

  it('reads a range of days in one month', () => {
    expect(one('January 14-19, 2026')).toMatchObject({ date: { year: 2026, month: 1, day: 14 }, end: { date: { year: 2026, month: 1, day: 19 } } });
    expect(one('June 1-2pm')).toMatchObject({ text: 'June 1', date: { month: 6, day: 1 } });
  });
});

describe('findTimePlaceholder', () => {
  it('finds a placeholder where an entry’s time belongs', () => {
    expect(['--:-- x', '**HH:MM** x', '[???] x', '* ??:?? x', 'TBD - x', 'hh:mm:ss x', 'XX:XX'].map((t) => findTimePlaceholder(t))).toEqual([
      { index: 0, text: '--:--' },
      { index: 2, text: 'HH:MM' },
      { index: 1, text: '???' },
      { index: 2, text: '??:??' },
      { index: 0, text: 'TBD' },
      { index: 0, text: 'hh:mm:ss' },
      { index: 0, text: 'XX:XX' },
    ]);
    expect(findTimePlaceholder('2022-06-02 HH:mm | x')).toEqual({ index: 11, text: 'HH:mm' });
    expect(findTimePlaceholder('2022-05-?? HH:mm')).toEqual({ index: 11, text: 'HH:mm' });
    expect(['10:00 x', 'time to fix', 'the -- dash', 'what??', '2022-06-02 10:00'].map((t) => findTimePlaceholder(t))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('scanTimes: arrows end a range', () => {
  it('reads "14:02 → 14:37 PT" and "14:02 -> 14:37"', () => {
    expect(one('14:02 → 14:37 PT')).toMatchObject({ time: { hour: 14, minute: 2 }, end: { time: { hour: 14, minute: 37 }, zone: 'America/Los_Angeles' } });
    expect(one('14:02 -> 14:37')).toMatchObject({ end: { time: { hour: 14, minute: 37 } } });
  });
});

describe('scanTimes: the 24-hour clock with an hour suffix', () => {
  it('reads "1400hrs", "1015 HRS" and "0930h", not "1400 hours"', () => {
    expect(one('1400hrs: alert')).toMatchObject({ text: '1400hrs', time: { hour: 14, minute: 0 } });
    expect(one('1015 HRS - paged')).toMatchObject({ text: '1015 HRS', time: { hour: 10, minute: 15 } });
    expect(one('0930h')).toMatchObject({ time: { hour: 9, minute: 30 } });
    expect(scanTimes('1400 hours of work and 2599hrs')).toEqual([]);
  });
});

describe('scanTimes: a dated entry’s 24-hour time without its colon', () => {
  it('reads "2022-02-02 1625: text", "2022-02-03 0457 - text" and a table cell, not a count after a date', () => {
    expect(one('2022-02-02 1625: the first report arrives')).toMatchObject({ text: '2022-02-02 1625', date: { year: 2022, month: 2, day: 2 }, time: { hour: 16, minute: 25 } });
    expect(one('2022-02-03 0457 - provider upgraded')).toMatchObject({ text: '2022-02-03 0457', time: { hour: 4, minute: 57 } });
    expect(one('| 2022-02-03 2300 | patched |')).toMatchObject({ text: '2022-02-03 2300', time: { hour: 23, minute: 0 } });
    expect(one('2022-02-03 1200 users were affected')).toEqual({ index: 0, length: 10, text: '2022-02-03', date: { year: 2022, month: 2, day: 3 } });
    expect(one('2022-02-03 2460: nothing')).toEqual({ index: 0, length: 10, text: '2022-02-03', date: { year: 2022, month: 2, day: 3 } });
  });
});

describe('scanTimes: a 12-hour time typed with a space after its colon', () => {
  it('reads "2: 43 A.M." and "[ 9: 03 am PST ]" only with AM/PM after them', () => {
    expect(one('2: 43 A.M. incident solved')).toMatchObject({ index: 0, text: '2: 43 A.M.', time: { hour: 2, minute: 43 } });
    expect(one('[ 12: 30 pm PST ] - script finalised')).toMatchObject({ index: 2, text: '12: 30 pm PST', time: { hour: 12, minute: 30 }, zone: 'UTC-8' });
    expect(scanTimes('Step 2: 43 users were affected')).toEqual([]);
    expect(one('13: 05 pm')).toMatchObject({ invalid: '13:05 PM mixes a 24-hour time with AM/PM' });
  });
});

describe('scanTimes: a zone written as the city of an IANA zone', () => {
  it('reads "16:37 Denver - text", "09:00 Berlin time" and "(New York)", not "10:00 Paris team" nor "Phoenix"', () => {
    expect(one('16:37 Denver - plugins updated')).toMatchObject({ text: '16:37 Denver', zone: 'America/Denver', zoneText: 'Denver' });
    expect(one('09:00 Berlin time the call starts')).toMatchObject({ text: '09:00 Berlin time', zone: 'Europe/Berlin' });
    expect(one('14:10 (New York): paged')).toMatchObject({ text: '14:10 (New York)', zone: 'America/New_York' });
    expect(one('10:00 Paris team joined')).toEqual({ index: 0, length: 5, text: '10:00', time: { hour: 10, minute: 0 } });
    expect(one('10:00 Phoenix - workers restarted')).toEqual({ index: 0, length: 5, text: '10:00', time: { hour: 10, minute: 0 } });
  });
});

describe('scanTimes: a range written to the second', () => {
  it('reads "00:33:20-00:33:24 UTC" as a range, not a time at the offset -00:33; a real offset stays one', () => {
    expect(one('00:33:20-00:33:24 UTC restarted')).toMatchObject({ text: '00:33:20-00:33:24 UTC', time: { hour: 0, minute: 33, second: 20 }, zone: 'UTC', end: { time: { hour: 0, minute: 33, second: 24 } } });
    expect(one('10:00:00-05:00 alert')).toMatchObject({ text: '10:00:00-05:00', time: { hour: 10, minute: 0, second: 0 }, zone: 'UTC-5' });
  });
});

describe('scanTimes: a 12-hour time with a bare a or p, and February misspelt', () => {
  it('reads "10:13a" and "4:06p", not "13:05p", "10:13ab" nor the article in "10:13 a"', () => {
    expect(one('## Investigating 2025-02-20 10:13a')).toMatchObject({ text: '2025-02-20 10:13a', date: { year: 2025, month: 2, day: 20 }, time: { hour: 10, minute: 13 } });
    expect(one('Resolved at 4:06p.')).toMatchObject({ text: '4:06p', time: { hour: 16, minute: 6 } });
    expect(one('12:30a the job ran')).toMatchObject({ time: { hour: 0, minute: 30 } });
    expect(scanTimes('13:05p')).toEqual([]);
    expect(scanTimes('10:13ab')).toEqual([]);
    expect(one('10:13 a page went out')).toEqual({ index: 0, length: 5, text: '10:13', time: { hour: 10, minute: 13 } });
  });

  it('reads "Friday 15th Feburary" and "Febuary 3, 2020" as February', () => {
    expect(one('Friday 15th Feburary')).toMatchObject({ date: { month: 2, day: 15 } });
    expect(one('Febuary 3, 2020 10:00')).toMatchObject({ date: { year: 2020, month: 2, day: 3 }, time: { hour: 10, minute: 0 } });
  });
});
