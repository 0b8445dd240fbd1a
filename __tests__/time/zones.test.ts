import { describe, it, expect } from 'vitest';
import { IANAZone, DateTime } from 'luxon';
import { ZONE_TABLE, findZoneStatement, matchZoneAt, resolveZone } from '../../src/core/time/index.js';

describe('resolveZone', () => {
  const cases: Array<[string, string]> = [
    ['UTC', 'UTC'], ['utc', 'UTC'], ['Z', 'UTC'], ['GMT', 'UTC'], ['Greenwich Mean Time', 'UTC'], ['greenwich  mean time', 'UTC'],
    ['GMT+1', 'UTC+1'], ['UTC+01:00', 'UTC+1'], ['GMT-5', 'UTC-5'], ['UTC+5:30', 'UTC+5:30'], ['utc+0530', 'UTC+5:30'], ['UTC+0', 'UTC'], ['+02:00', 'UTC+2'],
    ['PST', 'UTC-8'], ['pst', 'UTC-8'], ['PDT', 'UTC-7'],
    ['PT', 'America/Los_Angeles'], ['Pacific', 'America/Los_Angeles'], ['Pacific time', 'America/Los_Angeles'], ['Pacific Time', 'America/Los_Angeles'], ['US/Pacific', 'America/Los_Angeles'],
    ['EST', 'UTC-5'], ['EDT', 'UTC-4'], ['ET', 'America/New_York'], ['Eastern time', 'America/New_York'], ['US/Eastern', 'America/New_York'],
    ['CST', 'UTC-6'], ['CDT', 'UTC-5'], ['CT', 'America/Chicago'], ['US/Central', 'America/Chicago'],
    ['MST', 'UTC-7'], ['MDT', 'UTC-6'], ['AKST', 'UTC-9'], ['HST', 'UTC-10'],
    ['BST', 'UTC+1'], ['CET', 'UTC+1'], ['CEST', 'UTC+2'], ['EET', 'UTC+2'], ['EEST', 'UTC+3'], ['WET', 'UTC'],
    ['WAT', 'UTC+1'], ['EAT', 'UTC+3'], ['CAT', 'UTC+2'], ['SAST', 'UTC+2'],
    ['IST', 'UTC+5:30'], ['JST', 'UTC+9'], ['KST', 'UTC+9'], ['AEST', 'UTC+10'], ['AEDT', 'UTC+11'], ['NZST', 'UTC+12'], ['SGT', 'UTC+8'], ['HKT', 'UTC+8'],
    ['Europe/Berlin', 'Europe/Berlin'], ['europe/berlin', 'Europe/Berlin'], ['America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'], ['Asia/Kolkata', 'Asia/Kolkata'], ['asia/kolkata', 'Asia/Kolkata'], ['America/Port-au-Prince', 'America/Port-au-Prince'],
    ['UC/Pacific', 'America/Los_Angeles'],
  ];
  for (const [token, zone] of cases) {
    it(`${token} -> ${zone}`, () => {
      expect(resolveZone(token)).toEqual({ zone, zoneText: token.trim().replace(/\s+/g, ' ') });
    });
  }

  it('rejects ordinary words, lower-case risky abbreviations and bad offsets', () => {
    for (const token of ['at', 'it', 'the', 'cat', 'eat', 'wat', 'wet', 'pt', 'et', 'pacific', 'z', 'Foo/Bar', 'UTC+15', 'GMT+1:75', '', '   ', 'x'.repeat(100)]) {
      expect(resolveZone(token), token).toBeUndefined();
    }
  });

  it('every zone in the table is a valid luxon zone', () => {
    for (const entry of ZONE_TABLE) {
      expect(DateTime.fromObject({ year: 2024, month: 1, day: 1 }, { zone: entry.zone }).isValid, entry.zone).toBe(true);
      if (entry.zone.includes('/')) expect(IANAZone.isValidZone(entry.zone)).toBe(true);
    }
  });

  it('every spelling in the table resolves to its entry', () => {
    for (const entry of ZONE_TABLE) for (const name of entry.names) expect(resolveZone(name)?.zone, name).toBe(entry.zone);
  });
});

describe('matchZoneAt', () => {
  it('prefers the longest spelling and stops at punctuation', () => {
    expect(matchZoneAt('3:00 PM Eastern time, the', 8)).toEqual({ zone: 'America/New_York', zoneText: 'Eastern time', index: 8, end: 20 });
    expect(matchZoneAt('10:00 UTC/GMT', 6)).toEqual({ zone: 'UTC', zoneText: 'UTC', index: 6, end: 9 });
    expect(matchZoneAt('10:00 UTC-15:00', 6)).toEqual({ zone: 'UTC', zoneText: 'UTC', index: 6, end: 9 });
    expect(matchZoneAt('xUTC', 1)).toBeUndefined();
    expect(matchZoneAt('UTCx', 0)).toBeUndefined();
  });
});

describe('findZoneStatement', () => {
  const cases: Array<[string, string, string, number, number]> = [
    ['All times in PST.', 'UTC-8', 'PST', 0, 16],
    ['All times in UTC', 'UTC', 'UTC', 0, 16],
    ['All times in CDT.', 'UTC-5', 'CDT', 0, 16],
    ['*(All times US/Pacific, 24-hour clock.)*', 'America/Los_Angeles', 'US/Pacific', 2, 20],
    ['2015-10-21 (*all times UTC*)', 'UTC', 'UTC', 13, 13],
    ['# Timeline (All in Greenwich Mean Time)', 'UTC', 'Greenwich Mean Time', 12, 26],
    ['## Timeline (all times in GMT)', 'UTC', 'GMT', 13, 16],
    ['All times in UC/Pacific', 'America/Los_Angeles', 'UC/Pacific', 0, 23],
    ['Note: times are in EAT', 'UTC+3', 'EAT', 6, 16],
    ['## Timeline (UTC)', 'UTC', 'UTC', 3, 13],
    ['Time zone: Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin', 0, 24],
    ['All timestamps are in Pacific Time.', 'America/Los_Angeles', 'Pacific Time', 0, 34],
    ['all times are approximate and in UTC', 'UTC', 'UTC', 0, 36],
  ];
  for (const [text, zone, zoneText, index, length] of cases) {
    it(JSON.stringify(text), () => {
      const found = findZoneStatement(text);
      expect(found).toEqual({ zone, zoneText, index, length });
      expect(text.slice(index, index + length).endsWith(zoneText)).toBe(true);
    });
  }

  it('ignores prose that is not a zone statement', () => {
    for (const text of ['at times in the past', 'We spent all times in meetings', 'times are hard', 'All times in EAT-ing contests', 'Timeline (draft)', 'the cat ate at times']) {
      expect(findZoneStatement(text), text).toBeUndefined();
    }
  });
});
