import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

const incident = (md: string) => check(md).model!.incident;

describe('a window read without a date', () => {
  it('takes the date of the first dated timeline entry and resolves to instants', () => {
    const i = incident(
      '## Summary\n\nThe outage ran from 9:55 AM GMT+1 to 11:20 AM GMT+1.\n\n## Timeline\n\n- 05-02-2022 9:55 AM GMT+1 - complaint\n- 05-02-2022 11:20 AM GMT+1 - fixed\n',
    );
    expect([i.start?.time, i.start?.line, i.end?.time, i.date]).toEqual(['2022-02-05T08:55:00Z', 3, '2022-02-05T10:20:00Z', '2022-02-05']);
  });

  it('moves an end before the start to the next day', () => {
    const i = incident('## Summary\n\nDown from 23:00 UTC to 01:30 UTC.\n\n## Timeline\n\n- 2024-05-01 23:00 UTC alert\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2024-05-01T23:00:00Z', '2024-05-02T01:30:00Z']);
  });
});

describe('prose durations', () => {
  it('count when they say how long the incident lasted', () => {
    expect(incident('## Summary\n\nSearch was down for 66 minutes.\n').duration).toMatchObject({ minutes: 66, line: 3, column: 21 });
    expect(incident('## Summary\n\nDamage was limited to under 3 hours.\n').duration).toMatchObject({ minutes: 180, bound: 'under' });
    expect(incident('## Summary\n\nIt took us 9 hours to resolve.\n').duration).toMatchObject({ minutes: 540 });
  });

  it('do not count when they measure something else, even with a bound', () => {
    expect(incident('Certificates now stay valid with at least two weeks before expiration.\n').duration).toBeUndefined();
    expect(incident('## Summary\n\nWe retry every 5 minutes and keep logs about 3 days.\n').duration).toBeUndefined();
  });
});

describe('the incident date', () => {
  it('is not a "Last updated" stamp', () => {
    const i = incident('# 2022-05-23 website outage\n\nLast updated: 2022-05-25\n\nOn Monday, 2022-05-23 the site was down.\n');
    expect(i.date).toBe('2022-05-23');
  });
});

describe('a dated time in the summary without start or end words', () => {
  it('is when the incident began', () => {
    const i = incident('## Summary\n\nOn May 10th, 2024 at 2:00 AM PST, the server went down.\n');
    expect([i.start?.time, i.start?.line, i.end]).toEqual(['2024-05-10T10:00:00Z', 3, undefined]);
  });

  it('does not override a range', () => {
    const i = incident('## Summary\n\nOn May 10th, 2024 at 1:00 AM UTC we deployed. The outage lasted from 2:00 to 3:00 UTC.\n');
    expect([i.start?.time, i.end?.time]).toEqual(['2024-05-10T02:00:00Z', '2024-05-10T03:00:00Z']);
  });
});
