import { describe, expect, it } from 'vitest';
import { brief, check, fixture } from '../helpers.js';

describe('the seed postmortem', () => {
  const result = check(fixture('seed-postmortem.md'), {}, 'seed-postmortem.md');
  const model = result.model!;

  it('passes with zero errors', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reports exactly its untimed timeline entries and unowned items as warnings', () => {
    expect(brief(result)).toEqual([
      '16:timeline-untimed',
      '17:timeline-untimed',
      '21:timeline-untimed',
      '30:action-item-owner',
      '31:action-item-owner',
      '32:action-item-owner',
      '35:action-item-owner',
      '36:action-item-owner',
      '37:action-item-owner',
    ]);
  });

  it('reads the incident window: 10:00 to 14:00 UTC on 2023-11-07, 240 minutes', () => {
    expect(model.incident.start?.time).toBe('2023-11-07T10:00:00Z');
    expect(model.incident.end?.time).toBe('2023-11-07T14:00:00Z');
    expect(model.incident.duration?.minutes).toBe(240);
    expect(model.incident.timezone?.zone).toBe('UTC');
    expect(model.incident.date).toBe('2023-11-07');
  });

  it('finds the sections, including both keys of "Root Cause and Resolution"', () => {
    expect(model.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([
      [1, ''],
      [5, 'summary'],
      [11, 'root-cause'],
      [14, 'timeline'],
      [24, 'root-cause+resolution'],
      [28, 'action-items'],
    ]);
  });

  it('reads the timeline, keeping untimed entries', () => {
    expect(model.timeline.map((t) => [t.line, t.time])).toEqual([
      [15, '2023-11-07T10:00:00Z'],
      [16, null],
      [17, null],
      [21, null],
      [22, '2023-11-07T14:00:00Z'],
    ]);
  });

  it('extracts six measures: 3 corrective and 3 preventative, each at its own line', () => {
    expect(model.actionItems.map((a) => [a.line, a.kind])).toEqual([
      [30, 'corrective'],
      [31, 'corrective'],
      [32, 'corrective'],
      [35, 'preventative'],
      [36, 'preventative'],
      [37, 'preventative'],
    ]);
    expect(model.actionItems[0].title).toBe("We're building a DDoS fortress to keep gatecrashers out.");
    expect(new Set(model.actionItems.map((a) => a.id)).size).toBe(6);
    expect(model.actionItems.every((a) => a.owner === null && !a.done && a.group)).toBe(true);
  });
});
