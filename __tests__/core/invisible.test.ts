import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

describe('invisible characters', () => {
  it('do not split owners, times or headings', () => {
    const r = check('# Outage\n\n## Summ\u200bary\n\nDown.\n\n## Timeline\n\n- 10\u200b:00 UTC alert\n\n## Action items\n\n- Add alerts @da\u200bna\n- Rotate logs (Owner: @acme/platform-infra)\n');
    const m = r.model!;
    expect(m.sections.map((s) => s.keys.join())).toEqual(['', 'summary', 'timeline', 'action-items']);
    expect(m.timeline[0].time).toBe('10:00');
    expect(m.actionItems.map((a) => a.owner)).toEqual(['dana', 'acme/platform-infra']);
    expect(m.actionItems[1].title).toBe('Rotate logs');
  });
});
