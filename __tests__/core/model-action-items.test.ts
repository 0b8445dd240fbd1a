import { describe, expect, it } from 'vitest';
import { check } from '../helpers.js';

const items = (md: string) => check(md).model!.actionItems;

describe('action item fields', () => {
  it('take a linked issue from a Markdown link anywhere in the item', () => {
    const list = items(
      '## Action Items\n\n1. Handle errors better.\n   [Issue](https://github.com/o/r/issues/131)\n2. Shorter timeout.\n\n   Details here. [issue](https://github.com/o/r/pull/7).\n3. No link [docs](https://example.com/x).\n',
    );
    expect(list.map((a) => [a.line, a.issue])).toEqual([
      [3, 'https://github.com/o/r/issues/131'],
      [5, 'https://github.com/o/r/pull/7'],
      [8, null],
    ]);
  });

  it('drop an emoji bullet from the title', () => {
    expect(items('## Action Items\n\n* 🗒 Patch the server.\n* 📌 Add alerts.\n').map((a) => a.title)).toEqual(['Patch the server.', 'Add alerts.']);
  });

  it('read DONE in capitals and a closing "done" sentence as done, but not the word "done" elsewhere', () => {
    const list = items(
      '## Action Items\n\n- Update playbook **DONE**\n- Use metrics for feedback. _done in grafana_.\n- Make sure backups are done nightly\n- Add alerts (DONE)\n',
    );
    expect(list.map((a) => [a.line, a.done])).toEqual([
      [3, true],
      [4, true],
      [5, false],
      [6, true],
    ]);
    expect(list[0].title).toBe('Update playbook');
  });
});

describe('what is not an action item', () => {
  it('a sentence ending with a colon that introduces pseudo-bulleted lines', () => {
    const list = items('## Corrective measures\n\nThe following measures will be put in place to make sure this never repeats:\n\u00a0•\u00a0Simplify the firewall rules.\n\u00a0•\u00a0Remove unused rules weekly.\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [4, 'Simplify the firewall rules.'],
      [5, 'Remove unused rules weekly.'],
    ]);
  });

  it('"None yet." or "N/A"', () => {
    expect(items('## Action items\n\nNone yet.\n')).toEqual([]);
    expect(items('## Action items\n\n- N/A\n')).toEqual([]);
  });

  it('"As above" or "Ditto", which point at a measure already listed', () => {
    expect(items('## Action items\n\n### Prevent it\n\n- Pin terraform modules\n\n### Improve comms\n\n- As above\n- Ditto.\n').map((a) => [a.line, a.title])).toEqual([[5, 'Pin terraform modules']]);
  });
});

describe('kinds come from what the heading or group label says', () => {
  it('one kind named: corrective or preventative; "Improvements", "Fixes", "Tasks" or both kinds: other', () => {
    const list = items(
      '## Corrective and Preventative Measures\n\n**Improvements:**\n\n- Better tests\n\n**Corrections:**\n\n- Patch nginx\n\n**Prevention:**\n\n- Add capacity alerts\n\n**Tasks:**\n\n- Review configs\n\n**Fixes:**\n\n- Restart nginx\n',
    );
    expect(list.map((a) => [a.line, a.kind])).toEqual([
      [5, 'other'],
      [9, 'corrective'],
      [13, 'preventative'],
      [17, 'other'],
      [21, 'other'],
    ]);
  });

  it('a section heading naming one kind gives it to its items', () => {
    expect(items('## Preventive measures\n\n- Add alerts\n').map((a) => a.kind)).toEqual(['preventative']);
    expect(items('## Corrective measures and prevention\n\n- Add alerts\n').map((a) => a.kind)).toEqual(['other']);
  });

  it('a table Type column decides per row', () => {
    // "mitigate" names neither kind, as in the labelled Google SRE example.
    const list = items('## Action Items\n\n| Action Item | Type | Owner | Bug |\n| --- | --- | --- | --- |\n| Update playbook | mitigate | jen | n/a **DONE** |\n| Add load shedding | prevent | @ag | #12 **TODO** |\n| Freeze prod | other | doc | n/a |\n');
    expect(list.map((a) => [a.line, a.kind, a.owner, a.done, a.issue])).toEqual([
      [5, 'other', 'jen', true, null],
      [6, 'preventative', 'ag', false, '#12'],
      [7, 'other', 'doc', false, null],
    ]);
  });
});
