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

describe('action item due dates and titles', () => {
  const dated = (md: string) => items(`---\ndate: 2024-09-22\n---\n# Outage\n\n## Action Items\n\n${md}`);

  it('read "(ETA: 2 days)", "(ETA: 1 week)" and "(ETA: 1 month)" after the incident, and take the whole parenthesis out of the title', () => {
    const list = dated(
      '- **Audit failover configurations** across environments (ETA: 2 days).\n- **Add monitoring for invalid failover targets** to trigger alerts (ETA: 1 week).\n- **Provide training** for engineers (ETA: 1 month).\n',
    );
    expect(list.map((a) => [a.line, a.title, a.due])).toEqual([
      [8, 'Audit failover configurations across environments.', '2024-09-24'],
      [9, 'Add monitoring for invalid failover targets to trigger alerts.', '2024-09-29'],
      [10, 'Provide training for engineers.', '2024-10-22'],
    ]);
  });

  it('leave a word that only begins like a field alone ("targets", "bypass")', () => {
    expect(dated('- Alert on targets that bypass the proxy.\n').map((a) => [a.title, a.due])).toEqual([['Alert on targets that bypass the proxy.', null]]);
  });

  it('take the item\'s own issue in another repository, written last, out of the title with the owner before it', () => {
    const list = dated('- [x] Alert on cache hit ratio below 80% @cwei (due: 2024-10-01) northwind/ops#3761\n- [ ] Fix the retry loop of #12\n');
    expect(list.map((a) => [a.title, a.owner, a.due, a.issue])).toEqual([
      ['Alert on cache hit ratio below 80%', 'cwei', '2024-10-01', 'northwind/ops#3761'],
      ['Fix the retry loop of #12', null, null, '#12'],
    ]);
  });
});

describe('titled paragraphs and open items', () => {
  it('read paragraphs that each open with a bold title line over its description as one measure each, named by the title', () => {
    const list = items(
      '## Monitoring Improvements\n\n**Clone-failure alert (updated):**\nThe existing alert matched only one error string and missed clone\nfailures. Pattern expanded to cover both error paths.\n\n**Sustained deploy-failure alert (new):**\nA new alert fires when the WARN rate exceeds a threshold\nsustained over a 20-minute window.\n',
    );
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [3, 'Clone-failure alert (updated)'],
      [7, 'Sustained deploy-failure alert (new)'],
    ]);
  });

  it('keep a bold label over lines that each state a measure as their group', () => {
    const list = items('## Action Items\n\n**Short term:**\nAdd an alert on disk usage.\nRotate logs daily.\n\n**Long term:**\nMove logs to a separate volume.\nReview log levels.\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [4, 'Add an alert on disk usage.'],
      [5, 'Rotate logs daily.'],
      [8, 'Move logs to a separate volume.'],
      [9, 'Review log levels.'],
    ]);
  });

  it('read "Open Items" as the measures still to do', () => {
    const list = items('## Summary\n\nIt broke.\n\n## Open Items\n\n- **Vaultwarden:** secrets exist only on disk. Should be mirrored.\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([[7, 'Vaultwarden: secrets exist only on disk. Should be mirrored.']]);
  });
});

describe('measures under a Chinese heading', () => {
  it('take their kind from a Type column in another language ("feilretting", "preventiva")', () => {
    expect(items('## Aksjonspunkter\n\n| Tiltak | Type |\n| --- | --- |\n| Fjerne duplikat felt | feilretting |\n| Varsle ved feil | preventiva |\n').map((a) => a.kind)).toEqual(['corrective', 'preventative']);
  });

  it('take their kind from it ("## 预防": preventative)', () => {
    expect(items('## 问题\n\n路由器 DNS 故障。\n\n## 预防\n\n- 固定按这条链路检查。\n').map((a) => [a.line, a.kind])).toEqual([[7, 'preventative']]);
  });
});

describe('titled list items', () => {
  it('take the bold words as the title when only a note follows them on their line ("**Test the negative.** *(shipped)*")', () => {
    const list = items(
      '## What we are changing\n\n1. **Address-bind every account, always.** *(shipped)*\n   A stored field naming an owner is a convenience, not a boundary.\n\n2. **Alert on the symptom.** *(outstanding)* 623 accounts\n   closed by one wallet should page someone.\n',
    );
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [3, 'Address-bind every account, always.'],
      [6, 'Alert on the symptom. (outstanding) 623 accounts closed by one wallet should page someone.'],
    ]);
  });
});

describe('what an item says beyond its title (its details, for the issue body)', () => {
  const doc =
    '## Action items\n\n1. **Patch the Connection Pool:**\n   Apply the new settings across all nodes.\n2. **Add Tests**\n\n   Write tests for the pool, covering exhaustion.\n\n   Run them in CI.\n3. Rotate keys (owner: @bob, due 2024-06-01) DONE\n4. **Page on errors:** when the error rate passes 2%.\n';

  it('are the description under a title written apart, and the later paragraphs of a list item', () => {
    expect(items(doc).map((a) => [a.line, a.title, a.details])).toEqual([
      [3, 'Patch the Connection Pool', 'Apply the new settings across all nodes.'],
      [5, 'Add Tests', 'Write tests for the pool, covering exhaustion. Run them in CI.'],
      [10, 'Rotate keys', undefined],
      [11, 'Page on errors: when the error rate passes 2%.', undefined],
    ]);
  });

  it('give no field: a date or owner in the description is not the item\'s', () => {
    const [item] = items('## Action items\n\n- **Add alerts**\n\n  The old ones were removed on 2024-01-02 by @carol.\n');
    expect([item.title, item.owner, item.due, item.details]).toEqual(['Add alerts', null, null, 'The old ones were removed on 2024-01-02 by @carol.']);
  });
});

describe('a measure named by its sub-heading over a list of its fields', () => {
  it('takes owner, due date, priority and state from the list, as from a table\'s columns', () => {
    const list = items(
      '## Action items\n\n### Add alerting on queue depth\n\n- **Owner:** @alice\n- **Due:** 2024-05-01\n- **Priority:** P1\n\n### Rotate the database credentials\n\n- Owner: @bob\n- Due date: 2024-06-01\n- Status: done\n- Tracking: #42\n',
    );
    expect(list.map((a) => [a.line, a.title, a.owner, a.due, a.priority, a.done, a.issue, a.details])).toEqual([
      [3, 'Add alerting on queue depth', 'alice', '2024-05-01', 'P1', false, null, undefined],
      [9, 'Rotate the database credentials', 'bob', '2024-06-01', null, true, '#42', undefined],
    ]);
  });

  it('a field recurring under each sub-heading is one too, and describes the measure ("Rule name", "Contact point")', () => {
    const list = items(
      '## Action items\n\n### Add an alert for login failures\n\n- **Rule name**: `Login failures`\n- **Condition**: more than 5 in 1 minute\n- **Contact point**: on-call\n\n### Add an alert for menu queries\n\n- **Rule name**: `Menu spike`\n- **Metric**: menu_request_count\n- **Contact point**: on-call\n',
    );
    expect(list.map((a) => [a.line, a.title, a.details])).toEqual([
      [3, 'Add an alert for login failures', 'Rule name: Login failures; Condition: more than 5 in 1 minute; Contact point: on-call'],
      [9, 'Add an alert for menu queries', 'Rule name: Menu spike; Metric: menu_request_count; Contact point: on-call'],
    ]);
  });

  it('lists of titled measures under group sub-headings stay measures', () => {
    const list = items('## Action items\n\n### Monitoring\n\n- Alerting: add alerts on queue depth\n- Dashboards: build one for the pool\n\n### Process\n\n- Reviews: require two reviewers\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [5, 'Alerting: add alerts on queue depth'],
      [6, 'Dashboards: build one for the pool'],
      [10, 'Reviews: require two reviewers'],
    ]);
  });
});

describe('two lines under a measures heading', () => {
  it('each a short sentence: a measure each; two long ones may be wrapped prose', () => {
    // In Markdown (a table elsewhere), where a soft break may wrap a paragraph.
    const pair = '# Outage\n\n| Time | Event |\n| --- | --- |\n| 10:00 | Server outage begins |\n\nPreventive Measures:\n\nPushing all intended changes to our test environments before shipping to the live server.\nIncrease the performance metrics threshold to alert on-call engineers of a possible crash.\n';
    expect(items(pair).map((a) => a.line)).toEqual([9, 10]);
    const long = `## Corrective and preventative measures\n\nTo prevent this kind of mistake, we must not give full access to everything in our platform to developers who are new to it and must work more on the accessibility of sensitive data and algorithms.\nThe technical team also needs to communicate better with the new interns about their technical backgrounds and the technologies they are comfortable with, and advise them.\n`;
    expect(items(long)).toEqual([]);
  });
});

describe('lines set apart, each signed with its owner or status', () => {
  const section = [
    '## Corrective Actions',
    '',
    'Cause still unknown, logs now unavailable.',
    '',
    'Share incident report with the vendor. (CHRIS)',
    '',
    'Change the backfill to emit events only for modified articles. Reduces the load on consumers. (LUKE)',
    '',
    'Delete the previous index when reindexing has completed. (DONE)',
    '',
  ].join('\n');

  it('are a measure each, whatever sentences a line runs to; the remark above them is none; "(DONE)" is done', () => {
    expect(items(section).map((a) => [a.line, a.title, a.done])).toEqual([
      [5, 'Share incident report with the vendor. (CHRIS)', false],
      [7, 'Change the backfill to emit events only for modified articles. Reduces the load on consumers. (LUKE)', false],
      [9, 'Delete the previous index when reindexing has completed.', true],
    ]);
  });

  it('one signed line among paragraphs of prose does not make the others measures', () => {
    const prose = section.replace(/\(CHRIS\)|\(DONE\)/g, '').replace('Share incident', 'We shared the incident');
    expect(items(prose)).toEqual([]);
  });
});

describe('measures written on one line, each after the glyph the line opens with', () => {
  it('are one measure each ("✅ Add a pipeline ✅ Enable alerts", "• Add alerts • Rotate keys"), at their column', () => {
    const list = items('## Action items\n\n• Add alerts • Rotate the keys • Write a runbook\n\n• Keep the runbook up to date\n');
    expect(list.map((a) => [a.line, a.column, a.title])).toEqual([
      [3, 1, 'Add alerts'],
      [3, 14, 'Rotate the keys'],
      [3, 32, 'Write a runbook'],
      [5, 1, 'Keep the runbook up to date'],
    ]);
    expect(items('## Preventative Measures\n\n✅ Implement a deployment pipeline ✅ Enable error alerts.\n').map((a) => [a.title, a.kind])).toEqual([
      ['Implement a deployment pipeline', 'preventative'],
      ['Enable error alerts.', 'preventative'],
    ]);
  });
});

describe('lines after a paragraph that announces them', () => {
  it('are a measure each, even written as statements; announced as taken, they are done', () => {
    const taken = '## Corrective and Preventative Measures\n\nTo prevent future outages, we have taken the following corrective and preventative measures:\n\nWe have implemented a new load balancer that is more reliable.\nWe have increased the capacity of our servers.\n';
    expect(items(taken).map((a) => [a.line, a.title, a.done])).toEqual([
      [5, 'We have implemented a new load balancer that is more reliable.', true],
      [6, 'We have increased the capacity of our servers.', true],
    ]);
    const planned = '## Action items\n\nWe will take the following measures:\n\nWe will add a second load balancer.\nWe will double the capacity of our servers.\n';
    expect(items(planned).map((a) => [a.line, a.done])).toEqual([
      [5, false],
      [6, false],
    ]);
  });
});

describe('a table of measures numbered in a column named for them', () => {
  it('"Item | Action | Owner" over "1 | Add alerts | …": the numbers count the measures, the next column names them', () => {
    const list = items('## Action Items\n\n| Item | Action | Owner | Due Date |\n|---|---|---|---|\n| 1 | Add config validation | Platform Team | 2024-05-20 |\n| 2 | Add a ConfigMap | SRE Team | 2024-05-18 |\n');
    expect(list.map((a) => [a.line, a.title, a.owner, a.due])).toEqual([
      [5, 'Add config validation', 'Platform Team', '2024-05-20'],
      [6, 'Add a ConfigMap', 'SRE Team', '2024-05-18'],
    ]);
  });
});

describe('a measure that lists its details', () => {
  it('keeps "…covering:" over its cases as one measure, titled without the word that announces them', () => {
    const list = items('## Action Items\n\n- [ ] Add integration tests for the lookup covering:\n  - New contributor creation\n  - Duplicate id handling\n- [ ] Document the filter\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [3, 'Add integration tests for the lookup'],
      [6, 'Document the filter'],
    ]);
  });

  it('reads sub-headings over prose as the measures, one of them over a list of its reasons', () => {
    const md =
      '## Reducing the risk\n\n### Prefer common server models\n\nWe will prefer the most common models, because:\n\n- spare parts are easier to find\n- technicians know them\n\n### Make sure servers boot with the provider kernel\n\nWe will test that every server boots with it.\n\n### Faster access to data in rescue mode\n\nWe will document how to reach the data.\n';
    expect(items(md.replace('Reducing the risk', 'Action Items')).map((a) => [a.line, a.title])).toEqual([
      [3, 'Prefer common server models'],
      [10, 'Make sure servers boot with the provider kernel'],
      [14, 'Faster access to data in rescue mode'],
    ]);
    // A task list under one of them is tasks of their own.
    const tasks = items('## Action Items\n\n### 1. Validation\n\nAdded checks.\n\n### 2. Checklist\n\n- [ ] Verify the variables\n- [ ] Test the keys\n\n### 3. Script\n\nCreated a script.\n');
    expect(tasks.map((a) => a.title)).toContain('Verify the variables');
  });

  it('a paragraph of one sentence saying what should be done is a measure among others; alone it is prose; hindsight is not', () => {
    expect(items('### Preventive Measures to be taken.\n\nAll code should be tested before deployment, that way issues will not be shown on the client end.\n\nEvery deploy should be reviewed by a second engineer.\n').map((a) => [a.line, a.kind])).toEqual([
      [3, 'preventative'],
      [5, 'preventative'],
    ]);
    // Alone, the section tells what will be done in prose (as the labelled documents read it).
    expect(items('### Preventive Measures to be taken.\n\nAll code should be tested before deployment, that way issues will not be shown on the client end.\n')).toEqual([]);
    expect(items('## Action items\n\nWe should have paged the on-call engineer sooner.\n')).toEqual([]);
    // A sentence that comes to its "should" after a clause of its own is prose.
    expect(items('## Preventative measures\n\nAdditionally, we should employ monitoring services to ping the website.\n')).toEqual([]);
    expect(items('## Corrective actions\n\nWhile we were lucky to have a backup, we need to keep backups up to date.\n')).toEqual([]);
  });

  it('a one-sentence paragraph committing to a measure ("We will install…") is a measure among others; alone it is prose; "We will have" hindsight is not', () => {
    expect(items('**Future Prevention**\n\nWe will install a new monitoring tool that will send alert when storage space reaches capacity.\n\nWe will rotate the logs daily.\n').map((a) => [a.line, a.kind])).toEqual([
      [3, 'preventative'],
      [5, 'preventative'],
    ]);
    expect(items('**Future Prevention**\n\nWe will install a new monitoring tool that will send alert when storage space reaches capacity.\n')).toEqual([]);
    expect(items("## Action items\n\nWe'll add an alert on disk usage.\n\nWe'll rotate the logs daily.\n").map((a) => a.line)).toEqual([3, 5]);
    // A short instruction alone is a measure; a long one running on into its conditions is prose.
    expect(items('## Action items\n\nAdd an alert on disk use above 80%.\n').map((a) => a.line)).toEqual([3]);
    expect(items('## Corrective and preventative measures\n\nReview the series of the tasks, if these tend to turn off during the activities they must be reinstalled, although version 14 and 16 are more complete.\n')).toEqual([]);
    expect(items('## Action items\n\nWe would have caught it with an alert.\n')).toEqual([]);
  });

  it('a closing remark on "these measures" is no measure, whoever its subject is', () => {
    const md = 'Corrective and Preventive Measures:\n\nAn additional power source was installed.\nAn external backup of all data was created.\nA UPS was acquired to safeguard the server.\nBy implementing these measures, InnovateCommerce aims to enhance the stability of its systems.\n';
    expect(items(md).map((a) => a.line)).toEqual([3, 4, 5]);
    // "these areas", "these recommendations": the same closing remark.
    const areas = 'Tasks to Address the Issue:\n\nPatch Database Server: Apply the latest patches.\nAdd Monitoring: Add slow query alerts.\nBy addressing these areas, we can significantly reduce the likelihood of similar outages.\n';
    expect(items(areas).map((a) => a.line)).toEqual([3, 4]);
  });

  it('a table of measures without a column named for them takes the first column of sentences ("No. | Tindakan Perbaikan | …")', () => {
    const md = '## Tindakan Perbaikan (action items)\n\n| No. | Tindakan Perbaikan | Penanggung Jawab |\n|---|---|---|\n| 1 | Menstandarkan kebutuhan dan dependency aplikasi. | Developer |\n| 2 | Melakukan health check setelah aplikasi dijalankan. | Operations |\n';
    expect(items(md).map((a) => [a.line, a.title])).toEqual([
      [5, 'Menstandarkan kebutuhan dan dependency aplikasi.'],
      [6, 'Melakukan health check setelah aplikasi dijalankan.'],
    ]);
  });

  it('reads a section whose text is fenced as Markdown ("```md"), as a course template fences every section', () => {
    const md = '## Action items\n\n```md\n1. Testing all paths of the api endpoints.\n2. Use the staging environment properly.\n```\n\n## Appendix\n\n```md\nconst x = 1;\n```\n';
    expect(items(md).map((a) => [a.line, a.title])).toEqual([
      [4, 'Testing all paths of the api endpoints.'],
      [5, 'Use the staging environment properly.'],
    ]);
    // A fence of code, or one not marked as Markdown, stays code.
    expect(items('## Action items\n\n```bash\nTesting all paths of the api endpoints.\n```\n')).toEqual([]);
    expect(items('## Action items\n\n```md\nx = fetch(url);\n```\n')).toEqual([]);
  });

  it('"Preventation", a misspelling, names the preventative kind; beside "Correction", neither', () => {
    expect(items('### Preventation measures\n\n* Install more load balancers\n').map((a) => a.kind)).toEqual(['preventative']);
    // Korean "재발 방지" (preventing a recurrence), as Japanese "再発防止".
    expect(items('## 재발 방지 액션\n\n- 화이트리스트를 다시 적용한다\n').map((a) => a.kind)).toEqual(['preventative']);
    expect(items('### CORRECTION AND PREVENTATION MEASURES\n\n* Install more load balancers\n').map((a) => a.kind)).toEqual(['other']);
  });

  it('kinds named in French, Spanish, Portuguese, German and Indonesian', () => {
    const kind = (heading: string) => items(`## ${heading}\n\n- Add the alert\n`).map((a) => a.kind)[0];
    expect(['Actions correctives', 'Mesures préventives', 'Acciones de prevención', 'Ações de prevenção', 'Korrekturmaßnahmen', 'Vorbeugende Maßnahmen', 'Tindakan Korektif', 'Tindakan Pencegahan'].map(kind)).toEqual([
      'corrective', 'preventative', 'preventative', 'preventative', 'corrective', 'preventative', 'corrective', 'preventative',
    ]);
    // A prevention plan, and German's compound "Präventionsmaßnahmen".
    expect(['🛡️ Plan de Prevención', 'Plano de prevenção', 'Präventionsmaßnahmen für die Zukunft'].map(kind)).toEqual(['preventative', 'preventative', 'preventative']);
    // Russian: "recommendations for preventing it in the future", corrective and preventive measures.
    expect(['Рекомендации по предотвращению в будущем', 'Корректирующие действия', 'Превентивные меры'].map(kind)).toEqual(['preventative', 'corrective', 'preventative']);
  });

  it('a Chinese or Japanese measure written without spaces is no bare word ("修复所有纹理加载问题")', () => {
    expect(items('## 预防措施\n\n- [x] 修复所有纹理加载问题\n- [ ] 添加错误处理\n- staticshare\n').map((a) => [a.line, a.title, a.done])).toEqual([
      [3, '修复所有纹理加载问题', true],
      [4, '添加错误处理', false],
    ]);
  });

  it('reads measures indented under labels (an indented block of sentences and labels is text, not code)', () => {
    const md =
      '### Corrective and Preventative Measures:\n\n    * Improvements/Fixes:\n        Enhance onboarding and training processes for the team.\n        Develop a troubleshooting playbook for common issues.\n    * Tasks:\n        Schedule dedicated training sessions for team members.\n        Document the steps taken to resolve the issue.\n';
    expect(items(md).map((a) => [a.line, a.title])).toEqual([
      [4, 'Enhance onboarding and training processes for the team.'],
      [5, 'Develop a troubleshooting playbook for common issues.'],
      [7, 'Schedule dedicated training sessions for team members.'],
      [8, 'Document the steps taken to resolve the issue.'],
    ]);
    // Indented commands stay code.
    expect(items('### Corrective measures\n\n    * Restart:\n        sudo systemctl restart nginx\n        curl -I localhost\n')).toEqual([]);
  });

  it('"**Actions:**" under attempted fixes lists what was done, not measures', () => {
    const md = '## Attempted fixes (chronological)\n\n### Session 1: memory (Dec 3, 3pm)\n\n**Actions:**\n\n- ✅ Increased swap to 2GB\n- ✅ Limited the database to 7 days\n\n## Recommendations\n\n- Monitor for 48 hours\n';
    expect(items(md).map((a) => a.title)).toEqual(['Monitor for 48 hours']);
  });

  it('a sub-heading with a priority ("### P0 — …") names a measure, whatever lists and rules sit under it', () => {
    const md =
      '## Action Items\n\n### P0 — Require a migration before a column is added\n\n**What:** Add a CI check.\n\n**Owner:** on-call\n\n---\n\n### P1 — Enforce helm upgrade for rollouts\n\n**What:** Ban kubectl set image.\n\n**Options:**\n\n1. **RBAC:** remove patch on deployments.\n2. **GitOps:** reconcile from git.\n\n---\n\n### P2 — Define a rollback SLA\n\n- Write it in the runbook\n- Review it quarterly\n\n---\n\n## Lessons Learned\n\nMigrations first.\n';
    expect(items(md).map((a) => [a.line, a.title])).toEqual([
      [3, 'Require a migration before a column is added'],
      [11, 'Enforce helm upgrade for rollouts'],
      [22, 'Define a rollback SLA'],
    ]);
    // Without priorities, the sub-headings over lists group them, as before.
    expect(items(md.replace(/P\d — /g, '')).map((a) => a.title)).toContain('Write it in the runbook');
  });

  it('priority sub-headings that mostly name a topic, each over a list ("### P0 — May 22 class (missing entries)"), group its items', () => {
    const md =
      '## Recommended fixes\n\n### P0 — May 22 class (missing entries)\n\n1. **Do not compare against the page after upsert.** Compare against the stored feed.\n2. **Log and alert** when no feed file is written.\n\n### P1 — Editor ergonomics\n\n1. Consider a partial save.\n2. Warn when a publish rewrites history.\n';
    expect(items(md).map((a) => a.line)).toEqual([5, 6, 10, 11]);
  });
});

describe('a status list restating the measures', () => {
  it('is not read as new measures: "## Action Items Status" repeating the follow-ups in order', () => {
    const list = items(
      '## Follow-up Actions\n\n| Action Item | Owner |\n| --- | --- |\n| TLS monitoring: blackbox probe for cert expiry | @ana |\n| Rotate the NPM admin password | @ana |\n\n## Action Items Status\n\n- [ ] TLS certificate monitoring (blackbox probe)\n- [ ] NPM admin password rotation\n',
    );
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [5, 'TLS monitoring: blackbox probe for cert expiry'],
      [6, 'Rotate the NPM admin password'],
    ]);
  });

  it('counts a second list of other measures, or of more of them', () => {
    const list = items('## Follow-up Actions\n\n- Add alerts\n- Rotate keys\n\n## Action Items Status\n\n- [ ] Add alerts\n- [ ] Rotate keys\n- [ ] Write the runbook\n');
    expect(list).toHaveLength(5);
  });
});

describe('the legend of a table of measures', () => {
  it('is no measure: a list defining the values the table uses ("Prevent - …", "P0 - …")', () => {
    const list = items(
      '## Action items\n\nTypes:\n* Prevent - Prevent similar issues from occurring.\n* Detect - Detect similar issues sooner.\n\nPriorities:\n* P0 - Critical for the release.\n* P1 - Important.\n\n| Action Item | Type | Priority |\n| --- | --- | --- |\n| Testing reproduces the inconsistency | Prevent | P0 |\n| Corruption is detected by default | Detect | P1 |\n\n- Write the runbook\n',
    );
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [13, 'Testing reproduces the inconsistency'],
      [14, 'Corruption is detected by default'],
      [16, 'Write the runbook'],
    ]);
  });
});

describe('measures outside an action-items section', () => {
  it('read a table whose header names a column of measures, under no heading of its own', () => {
    const list = items(
      '**Summary**: The chain halted.\n**Resolution**: Restarted.\n\n| Action Item | Type | Owner | Bug |\n| --- | --- | --- | --- |\n| Go version sync across nodes | Prevention | Core team | DONE |\n| Version check before upgrades | Prevention | Core team | TODO |\n\n## Lessons Learned\n\nMany.\n',
    );
    expect(list.map((a) => [a.line, a.title, a.kind])).toEqual([
      [6, 'Go version sync across nodes', 'preventative'],
      [7, 'Version check before upgrades', 'preventative'],
    ]);
  });

  it('leave a table elsewhere alone when the document has an action-items section: it recaps them', () => {
    const list = items('## Summary\n\n| Action Item | Owner |\n| --- | --- |\n| Add alerts | ana |\n\n## Action Items\n\n- Add alerts on disk usage\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([[9, 'Add alerts on disk usage']]);
  });

  it('leave what was done under a resolution section ("### Immediate Actions (Completed)") out of the measures', () => {
    const list = items(
      '## Resolution\n\n### Immediate Actions (Completed)\n\n1. Restored the database from backup\n2. Verified all users\n\n### Follow-up actions\n\n- Add a user count health check\n\n## Action Items\n\n- Create a deployment checklist\n',
    );
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [10, 'Add a user count health check'],
      [14, 'Create a deployment checklist'],
    ]);
    // Steps under "Resolution steps implemented" were carried out, whatever their own heading's words.
    const steps = items('## Resolution Steps Implemented\n\n### 2. Task Cleanup\n\n- Cleared all stuck DAG runs\n\n## Maintenance Recommendations\n\n- Add a queue depth alert\n');
    expect(steps.map((a) => [a.line, a.title])).toEqual([[9, 'Add a queue depth alert']]);
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

  it('"[ ] Patch the server" lines without a list marker are task boxes: a measure each, "[x]" done', () => {
    const md = '## Corrective and Preventative Measures\n\nTask List:\n\n[ ] Patch the Nginx server configuration.\n[x] Add monitoring for Nginx configurations.\n';
    expect(items(md).map((a) => [a.line, a.title, a.done])).toEqual([
      [5, 'Patch the Nginx server configuration.', false],
      [6, 'Add monitoring for Nginx configurations.', true],
    ]);
  });

  it("a whole line in brackets, a template's prompt or an aside", () => {
    expect(items('## Lessons\n\n**Areas for improvement:**  \n*(Point out weak spots, e.g. missing metrics, slow escalations)*\n')).toEqual([]);
    expect(items('## Action items\n\n- Add an alert on slow escalations (owner: ops)\n- (see the runbook)\n').map((a) => a.line)).toEqual([3]);
  });

  it('"None yet." or "N/A"', () => {
    expect(items('## Action items\n\nNone yet.\n')).toEqual([]);
    // A template's example row of "etc" cells.
    expect(items('## Action Items\n\n|Action Item|Type|Owner|Bug|\n|-----------|-----|----|---|\n|etc|etc|etc|etc\n')).toEqual([]);
    expect(items('## Action items\n\n- N/A\n')).toEqual([]);
  });

  it("a template's unfilled slots, alone or after a label", () => {
    const md = '## Corrective and Preventative Measures\n\n- **Improvements/Fixes:** [What are the things that can be improved/fixed (broadly speaking)]\n- **Tasks to address the issue:**\n  - [Task 1: Be very specific, like a TODO, example: patch Nginx server]\n  - [Task 2: ...]\n';
    expect(items(md)).toEqual([]);
    expect(items('## Action items\n\n1. {{ summary }} [link to github issue]\n2. Start writing reports [link to github issue]\n3. {{ Enable logging across all hubs }} [link to github issue]\n').map((a) => a.line)).toEqual([4, 5]);
    // A measure that names its slot's subject is a measure, brackets and all.
    expect(items('## Action items\n\n- Patch the Nginx server [Task 1: done by ops]\n').map((a) => a.line)).toEqual([3]);
    // The slot describing what goes there ("[Steps taken to prevent recurrence]"); not a link's text.
    expect(items('### Prevention Measures\n[Steps taken to prevent recurrence]\n\n---\n')).toEqual([]);
    expect(items('## Action items\n\n- [Steps to reproduce the outage](https://example.com/runbook) in staging\n').map((a) => a.line)).toEqual([3]);
  });

  it("a template's instructions in an HTML comment, blank lines and all", () => {
    const md = '## Action items\n<!--\nDescribe and reference specific action items\n\nExample:\n[KM123](https://trello.com/c/x) - Add backoff for login\n-->\n\n[KM676](https://trello.com/c/y) - Configure log retention\n';
    expect(items(md).map((a) => [a.line, a.title])).toEqual([[9, 'KM676 - Configure log retention']]);
  });

  it('"### Can be improved/fixed" under the measures groups them, as "Improvements/Fixes" does', () => {
    const md = '## Corrective and preventative measures\n\n### Can be improved/fixed\n* New config file was reviewed twice after the server was up.\n* Config files must be fully tested line by line.\n\n### A list of tasks to address the issue\n* Patch the webserver config file.\n';
    expect(items(md).map((a) => a.line)).toEqual([4, 5, 8]);
  });

  it('a one-item list "* Tasks:" over a list written flush below it labels that list', () => {
    const md = '## Corrective and Preventative Measures\n\n* Corrective fixes:\n1. Load balancer configuration management:\n   - Version and test the configurations.\n\n* Preventive tasks:\n1. Add monitoring:\n   - Alert on routing anomalies.\n';
    expect(items(md).map((a) => [a.line, a.kind, a.title])).toEqual([
      [5, 'corrective', 'Version and test the configurations.'],
      [9, 'preventative', 'Alert on routing anomalies.'],
    ]);
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

  it('a column named for the measure with its kind or role ("Mitigation Action") holds the titles, not the finding beside it', () => {
    const list = items('## Lessons Learned & Action Plan\n\n| Finding | Mitigation Action | Status |\n| :--- | :--- | :--- |\n| Emergency credentials took 15 mins to locate. | Centralized physical kit created. | Complete |\n| Initial alert was too technical. | Created a non-technical summary template. | Complete |\n');
    expect(list.map((a) => [a.line, a.title, a.done])).toEqual([
      [5, 'Centralized physical kit created.', true],
      [6, 'Created a non-technical summary template.', true],
    ]);
  });

  it('a lesson labelled in bold beside the measures ("**What went well:** …") is not one', () => {
    const list = items('## Lessons Learned & Action Items\n\n*   **What went well:** The load balancer shielded users.\n*   **What needs improvement:** The alarm took 2 minutes to fire.\n*   **Action Item:** Tune the alarm period down to 1 minute.\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([[5, 'Action Item: Tune the alarm period down to 1 minute.']]);
  });

  it('a list announced as what there was or was found is not measures, unless the line speaks of what will be done', () => {
    expect(items('## Remediation\n\nThere were 2 red herrings that weren’t contributing factors:\n\n- The 404 errors from the WAF\n- The CNAME flattening on the apex domain\n')).toEqual([]);
    expect(items('## Remediation\n\nThere are a few things we will change:\n\n- Alert on 404 errors from the WAF\n- Drop CNAME flattening on the apex domain\n').map((a) => a.line)).toEqual([5, 6]);
  });

  it('a list completing a description of how something was ("the chaos monkey was:") is not measures', () => {
    expect(items('## Action Items\n\nIn this case, the chaos monkey was:\n\n1. Informed about beforehand\n2. Easy to detect\n')).toEqual([]);
    expect(items('## Action Items\n\nThe follow-ups we agreed on were:\n\n1. Alert on the chaos monkey\n2. Page the on-call\n').map((a) => a.line)).toEqual([5, 6]);
  });

  it('a numbered measure in bold with an aside after it holds the list under it as its details', () => {
    const md = '## Actions de prévention\n\n**1. Monitoring UptimeRobot** (gratuit, 15 min setup)\n- ✅ 13 URLs préparées\n- → **Action** : Créer compte\n\n**2. Procédure documentée** ✅ FAIT\n- Scripts de secours prêts\n';
    expect(items(md).map((a) => a.line)).toEqual([3, 7]);
  });

  it('lists comparing how things were and are ("Before This Incident:", "After This Incident:") are not measures', () => {
    const md = '### Process Improvements\n\n**Before This Incident:**\n- Generic error messages\n- Manual env var management\n\n**After This Incident:**\n- Specific error messages\n\n**After Resolution:**\n- [ ] Create a deployment runbook\n';
    expect(items(md).map((a) => [a.line, a.title])).toEqual([[11, 'Create a deployment runbook']]);
  });

  it('a list of questions to answer is not measures', () => {
    const md = '## Prevention Strategy\n\n- Build a materialized view for this query\n\n**Questions to answer:**\n\n1. What\'s our actual disk I/O capacity?\n   - Run `iostat -x 1` during the next incident\n2. When do we need to scale?\n';
    expect(items(md).map((a) => [a.line, a.title])).toEqual([[3, 'Build a materialized view for this query']]);
  });

  it('a word in bold that opens a wrapped line of prose does not start a measure there', () => {
    const md = '## Action Items\n\n- Rename the option in our wrapper.\n\nRenaming the option upstream would be clearer. But the runtime has\n**wide** usage and such a rename is unlikely.\n';
    expect(items(md).map((a) => [a.line, a.title])).toEqual([[3, 'Rename the option in our wrapper.']]);
  });

  it('an item that is only code under a measure ending in a colon is its command or commit, not a measure', () => {
    const list = items("## Corrective Actions\n1. Updated workflow runner to supported label:\n   - `runs-on: macos-latest`\n2. Set macOS OTP explicitly for compatibility:\n   - macOS job `otp-version: '25'`\n3. Commit containing CI fix:\n   - `3e5b985` (`fix(ci): use supported macOS runner`)\n");
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [2, 'Updated workflow runner to supported label'],
      [5, "macOS job otp-version: '25'"],
      [6, 'Commit containing CI fix'],
    ]);
  });

  it('a table of what not to do and what to do instead holds its measures in the "Do" column', () => {
    const list = items("## Prevention Checklist\n\n| ❌ Don't | ✅ Do Instead |\n|----------|---------------|\n| Use the default lock on mobile | Provide a no-op lock in the client config |\n| Make unbounded network requests | Always use timeouts |\n");
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [5, 'Provide a no-op lock in the client config'],
      [6, 'Always use timeouts'],
    ]);
  });

  it('a table Type column decides per row', () => {
    // "mitigate" names neither kind, as in the labelled Google SRE example.
    const list = items('## Action Items\n\n| Action Item | Type | Owner | Bug |\n| --- | --- | --- | --- |\n| Update playbook | mitigate | jen | n/a **DONE** |\n| Add load shedding | prevent | @ag | #12 **TODO** |\n| Freeze prod | other | doc | n/a |\n');
    expect(list.map((a) => [a.line, a.kind, a.owner, a.done, a.issue])).toEqual([
      [5, 'other', 'jen', true, null],
      [6, 'preventative', 'ag', false, '#12'],
      [7, 'other', 'doc', false, null],
    ]);
    // "fix" or "repair" is a type of corrective measure; a heading "Fixes" gives no kind (see above).
    const fixes = items('## Action Items\n\n| Action Item | Type |\n| --- | --- |\n| Develop the final fix and deploy | fix |\n| Add an alert on stuck transactions | mitigate |\n');
    expect(fixes.map((a) => [a.line, a.kind])).toEqual([
      [5, 'corrective'],
      [6, 'other'],
    ]);
  });
});

describe('measures written as lines set apart by blank lines', () => {
  // A plain-text document: labels on lines of their own, every line its own paragraph.
  const doc = [
    'Web server outage',
    '',
    'Improvements We’re Making:',
    '',
    'Automate Config Checks: Add nginx -t to our CI/CD pipeline.',
    '',
    'Better Monitoring: Alert us if services fail to reload.',
    '',
    'Action Plan:',
    '',
    'Add automated Nginx config linting to CI. (Deadline: March 8, 2025)',
    '',
    'Build a staging environment identical to production. (Deadline: March 15, 2025)',
    '',
    'Run monthly "fire drills" to practice incident response. (Ongoing)',
    '',
  ].join('\n');

  it('are a measure each, beside titled lines', () => {
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [5, 'Automate Config Checks: Add nginx -t to our CI/CD pipeline.'],
      [7, 'Better Monitoring: Alert us if services fail to reload.'],
      [11, 'Add automated Nginx config linting to CI.'],
      [13, 'Build a staging environment identical to production.'],
      [15, 'Run monthly "fire drills" to practice incident response. (Ongoing)'],
    ]);
  });

  it('but statements set apart so are not measures, nor is a line left alone among them', () => {
    const told = doc.replace('Add automated Nginx config linting to CI.', 'The team was paged at 14:02.').replace('Build a staging environment identical to production.', 'We are still looking into the cause.');
    expect(items(told).map((a) => a.line)).toEqual([5, 7]);
  });
});

describe('a list announced as what will be done, in a document without an action-items section', () => {
  const letter = '# Interruption of the search API\n\nThe search API was down on Friday.\n\nHere is a list of the actions we will take from this learning experience:\n\n1. We will remake the search infrastructure.\n2. We will monitor the latency of this service.\n\nWhat we saw:\n\n- Latency rose.\n- Logs grew.\n';

  it('is a list of measures', () => {
    expect(items(letter).map((a) => [a.line, a.title])).toEqual([
      [7, 'We will remake the search infrastructure.'],
      [8, 'We will monitor the latency of this service.'],
    ]);
  });

  it('but a list announced otherwise is not, nor is one in a document that has an action-items section', () => {
    expect(items(letter.replace('actions we will take', 'events of the day'))).toEqual([]);
    expect(items(`${letter}\n## Action items\n\n- Add an alert on search latency\n`).map((a) => a.line)).toEqual([17]);
  });

  it('"Some possible actions in the future:" over a list in the conclusion announces measures; a label item is no measure, its children are', () => {
    const doc = '# Reverse proxy IP lost\n\n## Conclusion\n\nWe now have an IP address under our control.\n\nSome possible actions in the future:\n* We could use this more:\n  * to set up a second reverse proxy with failover.\n  * to give the mail gateway its own address.\n* We should investigate using IPv6 on those containers\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [9, 'to set up a second reverse proxy with failover.'],
      [10, 'to give the mail gateway its own address.'],
      [11, 'We should investigate using IPv6 on those containers'],
    ]);
    expect(items(doc.replace('Some possible actions in the future:', 'Some possible reasons:'))).toEqual([]);
  });

  it('"To prevent similar issues:" over a list under another heading announces measures; "To prevent it, we learned:" does not', () => {
    const doc = '# Auth error\n\n## Root Cause\n\nA trigger on the users table.\n\n## Monitoring\n\nTo prevent similar issues:\n1. Never add triggers to the users table\n2. Test the sign-up flow with new accounts regularly\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [10, 'Never add triggers to the users table'],
      [11, 'Test the sign-up flow with new accounts regularly'],
    ]);
    expect(items(doc.replace('To prevent similar issues:', 'To prevent this from happening again:')).map((a) => a.line)).toEqual([10, 11]);
    expect(items(doc.replace('To prevent similar issues:', 'To prevent it, we learned:'))).toEqual([]);
    expect(items(doc.replace('To prevent similar issues:', 'Ways to prevent similar issues:'))).toEqual([]);
  });
});

describe('a measures heading over the whole report', () => {
  const page = [
    '# 0x19. Postmortem',
    '',
    '## Tasks',
    '<img src="https://example.com/meme.png"/>',
    '',
    '### Outage Postmortem: When the Load Balancer Went Rogue',
    '',
    '#### The Epic Saga',
    '',
    '**Duration:** March 15, 2024, 10:00 AM UTC to 2:00 PM UTC',
    '',
    '#### The Odyssey of Discovery',
    '',
    '- **10:00 AM UTC:** monitoring raises the alarm',
    '- **2:00 PM UTC:** the load balancer is found guilty',
    '',
    '#### Lessons Learned',
    '',
    '- **Improvements/Fixes:**',
    '  - Implement automated load balancer health checks.',
    '',
  ].join('\n');

  it('("## Tasks", the course page’s heading, over the report’s title and sections) names no measures of its own', () => {
    const m = check(page).model!;
    expect(m.sections.find((s) => s.heading === 'Tasks')?.keys).toEqual([]);
    expect(m.actionItems.map((a) => [a.line, a.title])).toEqual([[20, 'Implement automated load balancer health checks.']]);
  });

  it('but one whose sub-headings group its measures, a lesson beside them, still holds them', () => {
    const m = check('## Action Items\n\n### Monitoring\n\n- Add an alert on disk use.\n\n### Lessons learned\n\nAlerts matter.\n').model!;
    expect(m.actionItems.map((a) => a.line)).toEqual([5]);
  });
});

describe('measures written as a task line over its field lines', () => {
  const doc = 'Corrective and Preventative Measures\nAction Items:\nTask: Patch Nginx to the latest verified version.\nOwner: DevOps Team\nDue Date: Aug 20, 2024\nTask: Add alerting on Nginx to backend errors.\nOwner: Monitoring Team\nDue Date: Aug 18, 2024\n';

  it('give each measure its owner and due date, and are no measures of their own', () => {
    expect(items(doc).map((a) => [a.line, a.title, a.owner, a.due])).toEqual([
      [3, 'Task: Patch Nginx to the latest verified version.', 'DevOps Team', '2024-08-20'],
      [6, 'Task: Add alerting on Nginx to backend errors.', 'Monitoring Team', '2024-08-18'],
    ]);
  });

  it('and a line of fields alone, or of marks, is never a measure without a title', () => {
    expect(items('## Action Items\n\n| Action | Owner |\n| --- | --- |\n| ??? | ??? |\n| Add an alert | @ana |\n').map((a) => a.title)).toEqual(['Add an alert']);
  });
});


describe('tables and fields named in other languages', () => {
  it('a Japanese table gives each measure its owner, its kind from the category column and its state', () => {
    const list = items(
      '## アクションアイテム\n\n| # | カテゴリ | アクション | 担当 | 期限 | ステータス |\n|---|---|---|---|---|---|\n| 1 | 予防 | recap-worker の証明書をホットリロードする | recap チーム | 2026-04-18 | **Done**（commit f5cf687） |\n| 2 | 検知 | 証明書の鮮度メトリクスを追加する | observability | 2026-05-07 | TODO |\n',
    );
    expect(list.map((a) => [a.line, a.kind, a.owner, a.due, a.title])).toEqual([
      [5, 'preventative', 'recap チーム', '2026-04-18', 'recap-worker の証明書をホットリロードする'],
      [6, 'other', 'observability', '2026-05-07', '証明書の鮮度メトリクスを追加する'],
    ]);
    expect(check('## アクションアイテム\n\n| アクション | 担当 | ステータス |\n|---|---|---|\n| 監視を追加する | platform | TODO |\n').findings.filter((f) => f.rule === 'placeholder-text')).toEqual([]);
  });

  it('a Chinese table titled by its measures column, not by the column of their effects', () => {
    const list = items('## 预防措施\n\n| 措施 | 效果 |\n|------|------|\n| `ping(reconnect=True)` | 自动检测并重连失效连接 |\n| 连接池 | 自动管理连接生命周期 |\n');
    expect(list.map((a) => [a.line, a.kind, a.title])).toEqual([
      [5, 'preventative', 'ping(reconnect=True)'],
      [6, 'preventative', '连接池'],
    ]);
  });

  it('Spanish and German headers name the measure and its owner', () => {
    expect(items('## Acciones\n\n| Acción | Responsable | Estado |\n|---|---|---|\n| Añadir alertas de disco | Ana | Pendiente |\n').map((a) => [a.title, a.owner])).toEqual([['Añadir alertas de disco', 'Ana']]);
    expect(items('## Maßnahmen\n\n| Maßnahme | Verantwortlich |\n|---|---|\n| Backups täglich prüfen | Team Ops |\n').map((a) => [a.title, a.owner])).toEqual([['Backups täglich prüfen', 'Team Ops']]);
  });
});

describe('a measure assigned by initials', () => {
  it('"GK to run through…" is a measure owned by GK, among one-sentence paragraphs', () => {
    const list = items('## Actions\n\nGK to run through the merge to prod deploy principles with the team again.\n\nJS to update the runbook for the load balancer.\n');
    expect(list.map((a) => [a.line, a.owner, a.title])).toEqual([
      [3, 'GK', 'GK to run through the merge to prod deploy principles with the team again.'],
      [5, 'JS', 'JS to update the runbook for the load balancer.'],
    ]);
  });

  it('but a capitalised word before "to be" assigns nothing', () => {
    expect(items('## Action Items\n\n- DNS to be moved to the new provider\n').map((a) => [a.owner, a.title])).toEqual([[null, 'DNS to be moved to the new provider']]);
  });
});

describe('a step of the resolution marked done', () => {
  it('"### 3. Prevention Measures ✅" under "## Resolution Steps Taken" is a step taken, not the measures', () => {
    const result = check('## Resolution Steps Taken\n\n### 2. Model Creation ✅\n\n- Created the models\n\n### 3. Prevention Measures ✅\n\n- All models now properly defined\n- Created this incident documentation\n\n## Action Items\n\n- [ ] Set up database backups\n');
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([[14, 'Set up database backups']]);
    expect(result.findings.filter((f) => f.rule === 'duplicate-section')).toEqual([]);
  });
});

describe('sub-headings led by a priority under a group', () => {
  it('"#### P0: Add Diagnostic Logging" under "### Needed (follow-up)" is a measure, its prose and code its description', () => {
    const list = items(
      '## Remediation\n\n### Needed (follow-up)\n\n#### P0: Add Diagnostic Logging\n\nAdd logging at the gate:\n\n```js\nwarn();\n```\n\n#### P1: Defensive Ledger Initialization\n\nConsider setting the ledger during construction.\n',
    );
    expect(list.map((a) => [a.line, a.priority, a.title])).toEqual([
      [5, 'P0', 'Add Diagnostic Logging'],
      [13, 'P1', 'Defensive Ledger Initialization'],
    ]);
  });
});

describe("a template's row for more", () => {
  it('"... another item" holds no measure', () => {
    const list = items('## Action Items\n\n| Action Item | Type | Owner |\n| --- | --- | --- |\n| Develop a release process | prevent | andre |\n| ... another item | mitigate/prevent | ?? |\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([[5, 'Develop a release process']]);
  });
});

describe('a measure whose one child finishes its sentence', () => {
  it('"Improve alerting via Datadog. We … will add alerts on:" over "Network packets, CPU, disk space" is one measure', () => {
    const list = items('## Corrective actions\n- Improve alerting via Datadog.  We currently have liveness checks, and will add alerts on:\n    - Network packets, CPU, disk space\n- Add improved log rotation in the instance AMI.\n');
    expect(list.map((a) => [a.line, a.title.slice(0, 29)])).toEqual([
      [2, 'Improve alerting via Datadog.'],
      [4, 'Add improved log rotation in '],
    ]);
  });

  it('but a label over one measure still holds it', () => {
    expect(items('## Action Items\n- Short term:\n  - Add alerts on disk space\n').map((a) => a.title)).toEqual(['Add alerts on disk space']);
  });
});

describe("a template's checklist for the report itself", () => {
  it('"Sections above are filled out" and its kind are the report’s chores, not measures', () => {
    const list = items(
      '## Action items\n\n1. Develop a manual testing process for merges to staging\n\n# Actions\n\n- [ ] Incident has been dealt with or is over\n- [ ] Sections above are filled out\n- [ ] Incident title and after-action report is cleaned up\n- [ ] All actionable items above have linked GitHub Issues\n- [ ] Add alerts for 5xx errors on every hub\n',
    );
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [3, 'Develop a manual testing process for merges to staging'],
      [11, 'Add alerts for 5xx errors on every hub'],
    ]);
  });

  it('an "After-action report" heading is the report, not a section of actions', () => {
    const result = check('# After-action report\n\nThese sections should be filled out once we have resolved the incident.\n\n## Action items\n\n- Add alerts\n');
    expect(result.model!.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['5:action-items']);
  });
});

describe('a task-list item whose text runs on to a titled line', () => {
  it('is one task', () => {
    const list = items('## Action Items\n\n- [x] **Decision taken**: only the WordPress sites stay on cPanel; every Node app moves to Vercel.\n      **Confirmed by support**: the process limit cannot be raised on a shared server.\n- [ ] Test a full restore on staging\n');
    expect(list.map((a) => [a.line, a.done, a.title.slice(0, 40)])).toEqual([
      [3, true, 'Decision taken: only the WordPress sites'],
      [5, false, 'Test a full restore on staging'],
    ]);
  });
});

describe('"Future Enhancements" led by priorities', () => {
  it('is a section of measures, each sub-heading one with its priority', () => {
    const list = items('## Future Enhancements\n\n### Priority 1: Add Few-Shot Examples to Prompt\n\n**Show good vs bad examples:**\n```\nEXAMPLE\n```\n\n### Priority 2: Implement Response Validation\n\n**Before posting:**\n- Check for specific patterns\n');
    expect(list.map((a) => [a.line, a.priority, a.title])).toEqual([
      [3, 'P1', 'Add Few-Shot Examples to Prompt'],
      [10, 'P2', 'Implement Response Validation'],
    ]);
  });
});

describe('choices weighed under option sub-headings', () => {
  const doc = '## Recommendations & Next Steps\n\n### Option 1: Proceed without the extended soak (RECOMMENDED)\n\n**Rationale:**\n- Initial canary already passed with 100% success\n\n### Option 2: Increase the rate limit for the soak\n\n**Steps:**\n1. Temporarily increase the limit to 50 requests per second\n2. Re-run the 500-request soak\n\n## Recommended Action\n\n- Acknowledge the extended soak limitations\n- File a P2 task to investigate rate limiting\n';

  it('hold no measures: the decision does', () => {
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [16, 'Acknowledge the extended soak limitations'],
      [17, 'File a P2 task to investigate rate limiting'],
    ]);
    expect(check(doc).findings.filter((f) => f.rule === 'action-items-prose')).toEqual([]);
  });
});

describe('choices weighed in other languages, and what is already in place', () => {
  it('"#### Opcja A:", "### Вариант 2" hold choices; the plan after them holds the measures', () => {
    const doc =
      '## Rekomendacje i rozwiązania\n\n#### Opcja A: Instalacja przełącznika SZR\n\n**Zalety:**\n- Pełna ochrona całego domu\n\n#### Opcja B: Rozszerzenie obwodu backup\n\n- Dodanie kluczowych obwodów\n\n### Вариант 2: Обновить прошивку\n\n- Скачать новую версию\n\n## Plan działania\n\n- [ ] Sprawdź dokumentację instalacji elektrycznej\n- [ ] Wdróż monitoring i alerty\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [18, 'Sprawdź dokumentację instalacji elektrycznej'],
      [19, 'Wdróż monitoring i alerty'],
    ]);
  });

  it('a list announced as already in place ("already employs several security tools:") holds no measures', () => {
    const doc =
      '## Strengthening Our Security Posture\n\nWe are enhancing our security practices by:\n\n1. Pinning every third-party action to a commit hash.\n\n2. Reviewing our CI pipelines every quarter.\n\nIt is worth noting that the project already employs several security tools as part of our development process:\n\n- **Semgrep**: We use Semgrep for static analysis.\n- **Snyk**: We employ Snyk to monitor dependencies.\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [5, 'Pinning every third-party action to a commit hash.'],
      [7, 'Reviewing our CI pipelines every quarter.'],
    ]);
  });
});

describe('measures grouped by the area they work on', () => {
  it('"### Detection" and "### Impact" under the measures group them, and open no detection or impact section', () => {
    const doc = '## Action Items\n\n### Detection\n\n- Add an alert on queue depth\n\n### Mitigation\n\n- Add a runbook for failover\n\n### 3. Customer Impact\n\n- Tag affected tickets automatically\n';
    expect(items(doc).map((a) => [a.line, a.group, a.title])).toEqual([
      [5, 'Detection', 'Add an alert on queue depth'],
      [9, 'Mitigation', 'Add a runbook for failover'],
      [13, '3. Customer Impact', 'Tag affected tickets automatically'],
    ]);
    expect(check(doc).model!.sections.map((s) => s.keys.join('+'))).toEqual(['action-items']);
  });
});

describe('lines broken by hand that tell a story', () => {
  it('are prose, not a block of one-measure lines; a block of short lines still is', () => {
    const story =
      "## What's next\n\nLonger downtime like this was not fun at all. It felt like I lost something.  \nBut losing it to errors like that made me realize that I need to pay attention to the disk space and other stuff before it goes wrong.\n\nSee you in another post.\n";
    expect(items(story)).toEqual([]);
    const lines = "## What's next\n\nAdd an alert on disk space.  \nMove the blog to a larger volume.\n";
    expect(items(lines).map((a) => [a.line, a.title])).toEqual([
      [3, 'Add an alert on disk space.'],
      [4, 'Move the blog to a larger volume.'],
    ]);
  });
});

describe('problems met, between the measures', () => {
  it('"### Problems during Recovery" lists findings, and "### Changes that need to be made" after it is back in the measures', () => {
    const list = items(
      '## Corrective and Preventive Measures\n\nOSU is building a second fiber plant.\n\n### Problems during Recovery\n\n- Email communication was completely down.\n- No off-site status page was published.\n\n### Changes that need to be made\n\n- Deploy an external email relay.\n- Host the status page off site.\n',
    );
    expect(list.map((a) => [a.line, a.title])).toEqual([
      [12, 'Deploy an external email relay.'],
      [13, 'Host the status page off site.'],
    ]);
  });
});

describe('work still to do, by horizon, under the recovery', () => {
  it('"### This Week" and "### This Month" under "## Recovery Checklist" hold measures; what was done today stays the recovery', () => {
    const result = check('## Recovery Checklist\n\n### Immediate (Today)\n- [x] Disable runaway workflows\n\n### This Week\n- [ ] Consolidate 8 workflows into 3\n- [ ] Add cost monitoring\n\n### This Month\n- [ ] Set up billing alerts\n');
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [7, 'Consolidate 8 workflows into 3'],
      [8, 'Add cost monitoring'],
      [11, 'Set up billing alerts'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'duplicate-section')).toEqual([]);
  });
});

describe('advice to readers and pointers to issues are no measures of their own', () => {
  it('"Our recommendations are to:" under "## What should you do?" are steps for users; the team\'s measures come later', () => {
    const result = check(
      '# Worm in our packages\n\n## What should you do?\n\nOur recommendations are to:\n\n1. Look for the malicious files in your home folder.\n2. Check npm logs for suspicious entries.\n\n## How are we preventing it from happening again?\n\n- Move package releases to trusted publishing.\n- Require a security review for workflow changes.\n',
    );
    expect(result.model!.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([
      [1, ''],
      [3, ''],
      [5, ''],
      [10, 'action-items'],
    ]);
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [12, 'Move package releases to trusted publishing.'],
      [13, 'Require a security review for workflow changes.'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'duplicate-section')).toEqual([]);
  });

  it('a list of bare issue links under a paragraph is the issue of the measure the paragraph states', () => {
    const list = items(
      '## Next steps\n\nThe files should be moved to a bucket meant for production:\n\n- https://github.com/acme/shop/issues/320\n\nReview the provider registry on every deploy.\n',
    );
    expect(list.map((a) => [a.line, a.title, a.issue])).toEqual([[3, 'The files should be moved to a bucket meant for production', 'https://github.com/acme/shop/issues/320']]);
    // Alone under the heading, bare issue links are follow-ups of their own, known by their issues.
    expect(items('## Action Items\n\n* https://github.com/acme/proxy/issues/8567\n\n* https://github.com/acme/proxy/issues/8875\n').map((a) => [a.line, a.issue])).toEqual([
      [3, 'https://github.com/acme/proxy/issues/8567'],
      [5, 'https://github.com/acme/proxy/issues/8875'],
    ]);
    // A link with words of its own is a measure.
    expect(items('## Action items\n\n- [Prometheus monitoring for backups (#1095)](https://gitlab.com/acme/infra/issues/1095)\n').map((a) => [a.title, a.issue])).toEqual([
      ['Prometheus monitoring for backups', '#1095'],
    ]);
  });
});

describe('measure words inside other parts of a report with its own measures', () => {
  it('"### 2. Systematic fix - prevention" under "## Changes implemented" and "**Key improvements:**" under "## Technical details" describe; "## Recommendations" holds the measures', () => {
    const result = check(
      '# Anycast IP unreachable\n\n## Changes implemented\n\n### 2. Systematic fix - prevention system\n\n**Prevented duplicate routing table entries:**\n\n- only creates the routing table when anycast IPs are configured\n\n## Verification\n\n**Systematic prevention:**\n- interface restarts no longer accumulate entries\n\n## Recommendations\n\n- [ ] configure the anycast IP on two more servers\n- [ ] add external monitoring for anycast IPs\n\n## Technical details\n\n**Key improvements:**\n- **duplicate prevention:** entries checked before addition\n',
    );
    expect(result.model!.sections.filter((s) => s.keys.length > 0).map((s) => [s.line, s.keys.join('+')])).toEqual([[16, 'action-items']]);
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [18, 'configure the anycast IP on two more servers'],
      [19, 'add external monitoring for anycast IPs'],
    ]);
  });

  it('without a measures section of its own, "### Preventive measures" under "## Details" is the measures', () => {
    const list = items('# Outage\n\n## Details\n\nThe disk filled up.\n\n### Preventive measures\n\n- Alert on disk usage above 80%.\n');
    expect(list.map((a) => [a.line, a.title])).toEqual([[9, 'Alert on disk usage above 80%.']]);
  });
});

describe('a recovery heading over a list of measures by status', () => {
  it('"## Mitigations" over "Implemented: …" and "Suggested: …" items is the measures', () => {
    const result = check('# Bad helm deploy\n\n## Root causes\n\nA helm command ran against the wrong cluster.\n\n## Mitigations\n\n  * Implemented: Alternative cluster ready.\n  * Suggested: Increase helm knowledge in the team.\n');
    expect(result.model!.sections.filter((s) => s.keys.length > 0).map((s) => [s.line, s.keys.join('+')])).toEqual([[3, 'root-cause'], [7, 'action-items']]);
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [9, 'Implemented: Alternative cluster ready.'],
      [10, 'Suggested: Increase helm knowledge in the team.'],
    ]);
  });

  it('so is "## Actions Taken" over "✅ Done - …:" items and one "[TODO] …:", each a title over its description', () => {
    const doc = '# Keys leaked\n\n## Actions Taken\n\n1. ✅ Done - Revoked all access keys:\n   All compromised AWS access keys were revoked\n2. ✅ Done - Confirmed security controls:\n   MFA is enabled on all user accounts\n   Revoked access to all unnecessary users\n3. ✅ Done - CI/CD AWS access:\n   GitHub Actions now authenticate with OIDC\n4. \\[TODO] Automated security scans:\n   Automated tools will be integrated into the pipeline\n';
    const result = check(doc);
    expect(result.model!.sections.filter((s) => s.keys.length > 0).map((s) => [s.line, s.keys.join('+')])).toEqual([[3, 'action-items']]);
    expect(result.model!.actionItems.map((a) => [a.line, a.done])).toEqual([
      [5, true],
      [7, true],
      [10, true],
      [12, false],
    ]);
  });

  it('so is "## Mitigations" whose "Suggested: …" list comes after a paragraph', () => {
    const result = check('## Mitigations\n\nThere is little we can do if DNS fails, other than changing provider.\n\n  * Suggested: Monitor logs better to catch errors like this early.\n');
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([[5, 'Suggested: Monitor logs better to catch errors like this early.']]);
  });

  it('"## Mitigation" over the steps that were taken stays the resolution', () => {
    const result = check('# Bad helm deploy\n\n## Mitigation\n\n- Restored the cluster from backup.\n- Redeployed every release.\n');
    expect(result.model!.sections.filter((s) => s.keys.length > 0).map((s) => [s.line, s.keys.join('+')])).toEqual([[3, 'resolution']]);
  });
});

describe('a recovery heading whose list is announced as what will prevent a repeat', () => {
  it('"### The Solutions": how it was fixed, then "…the two things I\'ll be changing in order to prevent this problem in the future:" over a list', () => {
    const result = check(
      '### The Solutions\n\nI resized the server and vacuumed the database.\n\nThat said, here are the two things that I will be changing in order to prevent this problem in the future:\n\n1. The nightly vacuum is back.\n\n2. Feeds no longer keep their entire history.\n',
    );
    expect(result.model!.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, 'action-items']]);
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [7, 'The nightly vacuum is back.'],
      [9, 'Feeds no longer keep their entire history.'],
    ]);
    // Told only how it was fixed, the list is the recovery.
    expect(check('### The Solutions\n\nWe did the following:\n\n1. Resized the server.\n2. Vacuumed the database.\n').model!.sections.map((s) => s.keys.join('+'))).toEqual(['resolution']);
  });
});

describe('a measures section of one line', () => {
  it('"E2E coverage for the updated contribution flow (already being implemented)" names a measure; a sentence of prose or a deferral does not', () => {
    expect(items('## Follow up actions:\n\nE2E coverage for the updated contribution flow (already being implemented)\n').map((a) => [a.line, a.title])).toEqual([
      [3, 'E2E coverage for the updated contribution flow (already being implemented)'],
    ]);
    expect(items('## Follow up actions\n\nWill be decided at the next review\n')).toEqual([]);
    expect(items('## Follow up actions\n\nWe will install a new monitoring tool that checks the flow.\n')).toEqual([]);
  });
});

describe('the measures under a part of the report, and work still outstanding', () => {
  it('"## Action items" under "# After-action report" is the measures, though the template\'s "# Actions" checklist is another', () => {
    const result = check(
      '# Summary\n\nThe hub went down.\n\n# After-action report\n\n## What went wrong\n\nThe proxy leaked ports.\n\n## Action items\n\n1. Deploy a new core pool with more CPU.\n\n# Actions\n\n- [x] Incident has been dealt with or is over\n',
    );
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([[13, 'Deploy a new core pool with more CPU.']]);
  });

  it('"#### Outstanding" beside "#### Done" under "### Fix" holds the measures still to take', () => {
    const result = check('### Fix\n\n#### Done (2026-06-12)\n\n- All six pods restarted and verified writable.\n\n#### Outstanding\n\n1. Add a Prometheus alert on pool capacity.\n');
    expect(result.model!.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([
      [1, 'resolution'],
      [3, ''],
      [7, 'action-items'],
    ]);
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([[9, 'Add a Prometheus alert on pool capacity.']]);
  });
});

describe('measures written inline, and a horizon of weeks', () => {
  it('"Action point: …" lines after the findings they answer are measures in a document without an action-items section', () => {
    const doc = '# Minority split\n\n## What went wrong\n\nOperators never heard of the release.\n\nAction point: create a low-volume announcement list for operators.\n\nThe fork monitor was slow to show the split.\n\nAction point: enable push-based alerts from the fork monitor.\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [7, 'Action point: create a low-volume announcement list for operators.'],
      [11, 'Action point: enable push-based alerts from the fork monitor.'],
    ]);
    // With an action-items section, the measures are there.
    expect(items(`${doc}\n## Action items\n\n- Document the release process\n`).map((a) => a.line)).toEqual([15]);
  });

  it('"## The Following 2 Weeks" is a horizon of work, a group of measures', () => {
    expect(items('## The Following 2 Weeks\n\nWe evaluated next steps.\n\n- Made a plan to implement load shedding\n- Set up more exhaustive alerting\n').map((a) => [a.line, a.title])).toEqual([
      [5, 'Made a plan to implement load shedding'],
      [6, 'Set up more exhaustive alerting'],
    ]);
  });
});

describe('what a lesson led to', () => {
  it('"**Actions taken:**" and "**Actions planned:**" under a lesson are measures, beside a section of defensive measures', () => {
    const result = check(
      '# Vulnerability\n\n## Lessons learned\n\n### Our bug reporting channels\n\nThe bounty page did not list the component.\n\n**Actions taken:**\n\n1. We have extended the scope of the bounty program.\n\n**Actions planned:**\n\n1. We will set up alerts for critical reports.\n\n### Defensive measures during an incident\n\n- Pause the system when an attack is ongoing.\n',
    );
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([
      [11, 'We have extended the scope of the bounty program.'],
      [15, 'We will set up alerts for critical reports.'],
      [19, 'Pause the system when an attack is ongoing.'],
    ]);
  });
});

describe('items aligned far after their marker', () => {
  it('"1.            Arrange the rewrite…" is a measure, though CommonMark reads its text as indented code; code stays code', () => {
    const doc = 'Agreed actions:\n\n1.            Arrange the rewrite of TRS; lessons learned should be incorporated.\n2.            For now, ensure the support teams are aware of it.\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [3, 'Arrange the rewrite of TRS; lessons learned should be incorporated.'],
      [4, 'For now, ensure the support teams are aware of it.'],
    ]);
    expect(items('## Action items\n\n-     kubectl rollout undo deploy/api --to-revision=3\n')).toEqual([]);
  });
});

describe('measure words in the story of a report with measures of its own', () => {
  it('"### Secondary issue: complex prevention attempts" under "## Root Cause Analysis" tells what was tried; "**Prevention:**" under "## Success Metrics" describes', () => {
    const result = check(
      '# HAProxy restarts\n\n## Root Cause Analysis\n\n### Secondary Issue: Complex Prevention Attempts\n\n- Attempted complex conditional overrides\n\n## Prevention Measures\n\n- Add a restart command that keeps the API state\n\n## Success Metrics\n\n**Prevention:**\n- Clear error messages guide correct behavior\n',
    );
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([[11, 'Add a restart command that keeps the API state']]);
    // "**Action items:**" under a finding is the measures all the same.
    expect(items('# Outage\n\n## Root cause\n\nThe disk filled.\n\n**Action items:**\n- Alert on disk use\n\n## Follow-ups\n\n- Resize the volume\n').map((a) => a.line)).toEqual([8, 12]);
  });
});

describe('a task boxed as one', () => {
  it('"- [ ] Create automated CI/CD pipeline that:" over plain items of what it does is one task; a label over boxed tasks is not', () => {
    const doc = '### Long-term (Planned)\n\n- [ ] Create automated CI/CD pipeline that:\n  - Packages extension\n  - Runs activation tests\n- [ ] Add unit tests for all command handlers\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [3, 'Create automated CI/CD pipeline that'],
      [6, 'Add unit tests for all command handlers'],
    ]);
    expect(items('## Action items\n\n- **Monitoring:**\n  - [ ] Alert on disk use\n  - [ ] Alert on CPU\n').map((a) => a.line)).toEqual([4, 5]);
  });
});

describe('a heading naming the work of the recovery ("## Recovery Actions")', () => {
  const doc = (steps: string) => `# Node loss\n\n## Recovery Actions\n\n${steps}\n\n## Follow-ups\n\n- Add alerting for control-plane health\n`;

  it('over a list of what was done ("1. Verified…", "2. Deleted…") is the resolution, not measures', () => {
    const m = check(doc('1. Verified Harvester and VM status\n2. Deleted failed VMIs so Harvester would recreate them\n3. Observed Kafka brokers restarting')).model!;
    expect(m.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['3:resolution', '9:action-items']);
    expect(m.actionItems.map((a) => a.line)).toEqual([11]);
  });

  it('over a longer list of what was done, one item opening otherwise ("6. Cleanup expired…"), is the resolution', () => {
    const m = check(doc('1. Preserved the journals\n2. Copied the evidence off the device\n3. Stopped the recorder\n4. Cleanup expired 1,235 files\n5. Restarted the recorder')).model!;
    expect(m.actionItems.map((a) => a.line)).toEqual([13]);
  });

  it('over steps still to take stays the measures', () => {
    const m = check(doc('1. Verified the backups\n2. Add a second control-plane node')).model!;
    expect(m.actionItems.map((a) => a.line)).toEqual([5, 6, 10]);
    expect(check(doc('- Need a second node\n- Speed up failover')).model!.actionItems.map((a) => a.line)).toEqual([5, 6, 10]);
  });
});

describe('"## Remediation" over what was done, with the measures in a section of their own', () => {
  const keyed = (m: ReturnType<typeof check>['model']) => m!.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`);

  it('over a list of what was done ("1. Patched…", "2. Ran `e2fsck`…") is the resolution', () => {
    const m = check('# Upgrade\n\n## Remediation Actions\n\n1. Patched the CRDs to remove the conversion blocks.\n2. Ran `e2fsck -f -y` on the volume.\n3. Rebuilt the search storage.\n\n## Follow-up Actions\n\n- Pin the chart version\n').model!;
    expect(keyed(m)).toEqual(['3:resolution', '9:action-items']);
    expect(m.actionItems.map((a) => a.line)).toEqual([11]);
  });

  it('over paragraphs of what was done ("Restarted NFS…:", "Verified port 2049 opened…") is the resolution', () => {
    const m = check('# NFS outage\n\n### Remediation\n\nRestarted NFS on `storage01`:\n\n```sh\nsudo systemctl restart nfs-kernel-server\n```\n\nVerified port 2049 opened and all pods recovered within ~60 seconds.\n\n### Recommendations\n\n#### 1. Add swap\n\nWith no swap, any memory spike fails hard.\n\n#### 2. Cap the ZFS ARC\n\nThe ARC grew to take most of the memory.\n').model!;
    expect(keyed(m)).toEqual(['3:resolution', '13:action-items']);
    expect(m.actionItems.map((a) => a.title)).toEqual(['Add swap', 'Cap the ZFS ARC']);
  });

  it('over parts named as done ("### Immediate Response", "### Security Hardening Implemented") is the resolution', () => {
    const m = check('# Spam relay\n\n## Remediation Actions\n\n### Immediate Response\n1. **Service Isolation** - Mail services taken offline immediately\n2. **Queue Purge** - All pending spam removed from the queue\n\n### Security Hardening Implemented\n- Dual logging architecture\n- Failed login attempt tracking\n\n## Prevention Measures\n\n- Regular security audits of user accounts\n').model!;
    expect(keyed(m)).toEqual(['3:resolution', '13:action-items']);
    expect(m.actionItems.map((a) => a.line)).toEqual([15]);
  });

  it('stays the measures over work still to do, or when it is the only section of measures', () => {
    const todo = check('# Upgrade\n\n## Remediation\n\n1. Patched the CRDs.\n2. Add an upgrade test to CI.\n\n## Follow-up Actions\n\n- Pin the chart version\n').model!;
    expect(todo.actionItems.map((a) => a.line)).toEqual([5, 6, 10]);
    const only = check('# Upgrade\n\n## Remediation\n\n1. Patched the CRDs.\n2. Rebuilt the search storage.\n').model!;
    expect(keyed(only)).toEqual(['3:action-items']);
    const parts = check('# Spam relay\n\n## Remediation Actions\n\n### Immediate Response\n- Mail services taken offline\n\n### Longer Term\n- Add rate limiting\n\n## Prevention Measures\n\n- Audit accounts\n').model!;
    expect(keyed(parts)[0]).toEqual('3:action-items');
  });
});

describe('a line announcing what the writer has to do ("Things I have to do:")', () => {
  it('opens the measures, and a closing word that all is well now is none of them', () => {
    const doc = '# It broke for 6 days\n\n### Epilogue\n\nThings I have to do:\n\n- Never leave a non-essential cron job in place if you are not going\nto be around.\n- Put in place a monitoring system that sends SMS alerts.\n- For now all is ok, everything is working just as well as it ever has.\n';
    const m = check(doc).model!;
    expect(m.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['5:action-items']);
    expect(m.actionItems.map((a) => a.line)).toEqual([7, 9]);
  });
});

describe('numbered sub-headings naming topics over lists of tasks', () => {
  it('("### 2. Terraform Apply Discipline" over "**Ban auto-approve:**" and its tasks) group the tasks: each task is a measure', () => {
    const doc = '# Cluster wiped\n\n## Prevention Measures\n\n### 1. Destructive Provisioners\n\n**Options:**\n- Move to a separate destroy module\n- Use manual scripts for node decommissioning\n\n### 2. Terraform Apply Discipline\n\n**Ban auto-approve:**\n- Add a git pre-commit hook\n- Require manual confirmation\n\n### 3. Blast Radius Limitation\n\n**For node management:**\n- Never apply to all nodes at once\n- Use `-target` for single nodes\n';
    expect(items(doc).map((a) => `${a.line}:${a.kind}`)).toEqual(['8:preventative', '9:preventative', '14:preventative', '15:preventative', '20:preventative', '21:preventative']);
  });

  it('that mostly say what to do stay the measures, their lists the steps', () => {
    const doc = '# Cluster wiped\n\n## Prevention Measures\n\n### 1. Remove destructive provisioners\n\n**Options:**\n- Move to a separate destroy module\n- Use manual scripts\n\n### 2. Enforce plan review\n\n**How:**\n- Add a git pre-commit hook\n- Require manual confirmation\n\n### 3. Blast Radius Limitation\n\n**For node management:**\n- Never apply to all nodes at once\n- Use `-target` for single nodes\n';
    expect(items(doc).map((a) => a.line)).toEqual([5, 11, 17]);
  });
});

describe('an item saying what the one before it means', () => {
  it('("In practice this means…") is no measure', () => {
    const doc = '# Queue waits\n\n##### What do we plan to do in the near future?\n\n6. We will reconfigure the job limits.\n7. We will restructure the queues.\n* In practice this means all the existing queues are temporary.\n';
    expect(items(doc).map((a) => a.line)).toEqual([5, 6]);
  });
});

describe('"Lessons Learned and Actions Taken" in one heading', () => {
  it('holds the measures taken from the lessons, not the story of the recovery', () => {
    const m = check('# Token theft\n\n## Lessons Learned and Actions Taken\n\nWe learned this the hard way and put measures in place:\n\n- Switch publishing to trusted publishers\n- Require manual 2FA for every release\n').model!;
    expect(m.sections.filter((s) => s.keys.length).map((s) => s.keys)).toEqual([['lessons-learned', 'action-items']]);
    expect(m.actionItems.map((a) => a.line)).toEqual([7, 8]);
    expect(check('# X\n\n## Lessons Learned and Resolution\n\n- Restarted the pods\n').model!.sections[1].keys).toEqual(['lessons-learned', 'resolution']);
  });
});

describe('a word on the measures by number after their table', () => {
  it('("**The single highest-leverage fix is #1**: …") is no measure', () => {
    const doc = '# Power outage\n\n## Prevention plan\n\n| # | Action | Priority |\n|---|---|---|\n| 1 | **Fix graceful shutdown** on the host | P0 |\n| 2 | Harden GPU-node scheduling | P1 |\n\n**The single highest-leverage fix is #1**: with a working graceful shutdown, a future outage ends cleanly.\n';
    expect(items(doc).map((a) => a.line)).toEqual([7, 8]);
  });
});

describe('"**Action taken:**" over one paragraph', () => {
  it('is one measure, told in the paragraph however many sentences it runs to; taken, it is done', () => {
    const doc = '# Vuln\n\n## Lessons learned\n\n### Communicating with the whitehat\n\nWe kept them waiting.\n\n**Action taken:**\n\nOur incident response process now requires a private channel with the whitehat. It also keeps them up to date.\n\n**Action planned:**\n\nWe will expand the monitoring checks. They will alert us to events such as this.\n';
    expect(items(doc).map((a) => [a.line, a.done, a.title])).toEqual([
      [11, true, 'Our incident response process now requires a private channel with the whitehat. It also keeps them up to date.'],
      [15, false, 'We will expand the monitoring checks. They will alert us to events such as this.'],
    ]);
  });
});

describe('a recovery heading over work shipped and work still open', () => {
  it('("## 6. Fixes" over "Shipped with this document:" and "Still open:") holds the measures, the shipped ones done', () => {
    const doc = '# Secrets stopped syncing\n\n## 6. Fixes\n\nShipped with this document:\n\n1. **A ServiceMonitor** on the operator.\n2. **Three alerts** on the store.\n\nStill open:\n\n- **Consider a chart upgrade** if upstream has a fix.\n\n## 7. Lessons\n\nMany.\n';
    const m = check(doc).model!;
    expect(m.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['3:action-items', '14:lessons-learned']);
    expect(m.actionItems.map((a) => [a.line, a.done])).toEqual([[7, true], [8, true], [12, false]]);
    expect(check(doc.replace('Still open:', 'Then:')).model!.sections[1].keys).toEqual(['resolution']);
  });

  it('a sub-heading telling what actually happened, among the measures, holds none', () => {
    const doc = '# X\n\n## Action items\n\n- Add an alert on the store\n\n### What actually happened (2026-08-13)\n\n- The controller was rolled by a Helm upgrade\n';
    expect(items(doc).map((a) => a.line)).toEqual([5]);
  });
});

describe('sub-headings of a prevention checklist', () => {
  const doc = "# Deadlock\n\n## 6. Prevention Checklist\n\n### Patterns to Avoid\n\n| ❌ Don't | ✅ Do Instead |\n|---|---|\n| Use the default lock on mobile | Provide `noOpLock` in client config |\n\n### Warning Signs\n\nWatch for these symptoms during development:\n\n- Empty UI after resuming from background\n\n## 7. Lessons\n\n- Test on devices.\n";

  it('"Patterns to Avoid" among the measures is a group of them, read from its "Do Instead" column; "Warning Signs" hold none', () => {
    const m = check(doc).model!;
    expect(m.sections.filter((s) => s.keys.length).map((s) => `${s.line}:${s.keys.join('+')}`)).toEqual(['3:action-items', '17:lessons-learned']);
    expect(m.actionItems.map((a) => [a.line, a.title])).toEqual([[9, 'Provide noOpLock in client config']]);
    // Alone, "Patterns to avoid" is advice: a lesson.
    expect(check('# X\n\n## Patterns to Avoid\n\n- Unbounded requests\n').model!.sections[1].keys).toEqual(['lessons-learned']);
  });
});

describe('an item that is one link to its issue, over why', () => {
  it('is the measure, tracked by that issue; its child is its details', () => {
    const doc = '# X\n\n## Action Items\n\n- [Migrate management of XPro resources into Pulumi](https://github.com/o/r/issues/1886)\n  - One of the key factors delaying the resolution was that none of the configuration was managed as code.\n';
    expect(items(doc).map((a) => [a.line, a.title, a.issue])).toEqual([[5, 'Migrate management of XPro resources into Pulumi', 'https://github.com/o/r/issues/1886']]);
    // A link to a page, not an issue, over measures still labels them.
    const page = '# X\n\n## Action Items\n\n- [Runbook for the database](https://example.com/runbook)\n  - Add a step for rotating credentials\n  - Add a step for failover\n';
    expect(items(page).map((a) => a.line)).toEqual([6, 7]);
  });
});

describe('a closing aside that names no one', () => {
  it('("(see below)", "(for now)") signs no line: paragraphs of prose stay prose', () => {
    const doc = '## Corrective Actions\n\nWe looked at the logs. They were gone (see below)\n\nThe vendor was told. It will reply later (for now)\n';
    expect(items(doc)).toEqual([]);
  });
});

describe('a measure whose condition tells a lack', () => {
  it('("test and notify when `kubectl logs` does not work") is a measure; "the backup was not tested" alone is a finding', () => {
    const doc = '# X\n\n## Action items\n\n### Process improvements\n\n1. test and notify when `kubectl logs` does not work\n\n### Documentation improvements\n\n1. add command to retrieve apiserver logs to sre guide\n';
    expect(items(doc).map((a) => a.line)).toEqual([7, 11]);
    expect(items('# X\n\n## Action items\n\n- The backup was not tested\n- The alert was never routed\n')).toEqual([]);
  });
});

describe('a titled measure over its fields', () => {
  it('("1. **Enhance Monitoring Suite**" over "- **Description:** …") is the measure; the description is no measure of its own', () => {
    const doc =
      '# X\n\n## Follow-Up Actions\n\n1. **Investigate Additional ISP Options**\n   - **Description:** Research potential backup ISPs for the servers.\n\n2. **Enhance Monitoring Suite**\n   - **Description:** Implement deeper route and latency monitoring.\n   - **Owner:** @ops\n';
    expect(items(doc).map((a) => [a.line, a.title, a.owner])).toEqual([
      [5, 'Investigate Additional ISP Options', null],
      [8, 'Enhance Monitoring Suite', 'ops'],
    ]);
  });

  it('a numbered topic over one measure still labels it ("1. **Simulator load handling**" over a sentence)', () => {
    const doc = '# X\n\n## Action Items\n\n1. **Simulator load handling**\n   - Run stress tests of the simulator before each release\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([[6, 'Run stress tests of the simulator before each release']]);
  });
});

describe('a label of measures inside the resolution, over what was done', () => {
  const doc = (verbs: [string, string]) =>
    `# X\n\n## Resolution and Mitigation Steps\n\n1. **Short-Term Resolution:**\n   - Deployed a read-only backup instance.\n\n2. **Long-Term Mitigation:**\n   - ${verbs[0]} a multi-ISP architecture.\n   - ${verbs[1]} the out-of-band connection.\n\n## Follow-Up Actions\n\n1. Review the ISP contracts.\n`;

  it('is the resolution when the document keeps its measures apart', () => {
    const result = check(doc(['Transitioned to', 'Improved']));
    expect(result.model!.actionItems.map((a) => [a.line, a.title])).toEqual([[14, 'Review the ISP contracts.']]);
  });

  it('over work still to do, it holds measures', () => {
    expect(items(doc(['Transition to', 'Improve'])).map((a) => a.line)).toEqual([9, 10, 14]);
  });
});

describe('a numbered topic over its tasks', () => {
  it('("1. **Secrets Management**" over three tasks) groups them: each task is a measure', () => {
    const doc =
      '# X\n\n## Long-term (Roadmap)\n\n1. **Secrets Management**\n   - Evaluate 1Password/Vault for team secrets\n   - Implement secret rotation policy (90 days)\n\n2. **Pre-commit Hooks** (Priority: HIGH)\n   - Install TruffleHog pre-commit hook\n   - Add custom hook to block .env files\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [6, 'Evaluate 1Password/Vault for team secrets'],
      [7, 'Implement secret rotation policy (90 days)'],
      [10, 'Install TruffleHog pre-commit hook'],
      [11, 'Add custom hook to block .env files'],
    ]);
  });

  it('in a list of titles that say what to do, each title is the measure and its list the steps', () => {
    const doc =
      '# X\n\n## Recommendations for Public Release\n\n1. **Enable GitHub Secret Scanning**\n   - Settings → Security → Code security and analysis\n   - Enable "Secret scanning" and "Push protection"\n\n2. **Document Secret Management**\n   - Update SECURITY.md with .env guidelines\n   - Add a "Managing Secrets" section to docs\n\n3. **Final Audit**\n   - Run TruffleHog on entire git history\n   - Verify no secrets in any reachable commits\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [5, 'Enable GitHub Secret Scanning'],
      [9, 'Document Secret Management'],
      [13, 'Final Audit'],
    ]);
  });

  it('over what the title means, the title is the measure', () => {
    const doc = '# Outage\n\n## Recommendations\n\n1. **Trust GitHub releases**\n   - Check the release list for the current version\n   - The VERSION file may be out of sync for a while\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([[5, 'Trust GitHub releases']]);
  });
});

describe('the author signing the report under the last list', () => {
  it('("\\- @maxwofford") is no measure', () => {
    const doc = '# X\n\nLeftover tasks:\n- Find a replacement for heroku-deflater to serve gz assets.\n- Switch the non-reversible framework defaults.\n\n\\- [@maxwofford](https://github.com/maxwofford)\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [4, 'Find a replacement for heroku-deflater to serve gz assets.'],
      [5, 'Switch the non-reversible framework defaults.'],
    ]);
  });
});

describe('one sentence of things named, run over a list', () => {
  it('("…no upper bound on the following three components:" over "The size of…,", "The number of…, and") holds no measures', () => {
    const doc =
      '# X\n\n### Remediation\n\n* Bound the untrusted manifest cache\n\nThese changes modified the protocol, which had placed no upper bound on the following three components:\n\n* The size of an individual manifest entry,\n* The number of manifest entries carried in a single message, and\n* The number of entries a node would retain in its cache.\n';
    expect(items(doc).map((a) => a.line)).toEqual([5]);
  });

  it('measures written as one sentence still count ("Add a cap,", "Add alerts, and")', () => {
    const doc = '# X\n\n## Action items\n\nWe will:\n\n* add a cap on the cache,\n* add alerts on its size, and\n* document the limits.\n';
    expect(items(doc).map((a) => a.line)).toEqual([7, 8, 9]);
  });
});

describe('what the measures section holds besides measures', () => {
  it('advice to the report’s readers ("Here are a few things you can do…:") is no measure of the team', () => {
    const doc =
      '# X\n\n## Action items\n\n- Add an alert on new collaborators\n\n## What can we learn from this incident and improve?\n\nHere are a few things you can do to help protect your account: \n\n- **[Add 2FA now](https://pypi.org/help/#twofa)**.\n- Use a unique password.\n\nWe will also:\n\n- Email owners when a collaborator is removed\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [5, 'Add an alert on new collaborators'],
      [16, 'Email owners when a collaborator is removed'],
    ]);
  });

  it('a task assigned to its owner over a statement on it is the measure; over tasks, the tasks are', () => {
    const doc =
      '# X\n\n## Action Items\n\n- ICL to build 22.0.3\n- Hypha to coordinate 9-10 am for Wednesday Feb 12\n  - 22.1.0 will contain comet and wasmvm patches\n- Platform team to harden the release process\n  - Ops to add an upgrade checklist\n  - Release team to publish notes a day ahead\n';
    expect(items(doc).map((a) => [a.line, a.title])).toEqual([
      [5, 'ICL to build 22.0.3'],
      [6, 'Hypha to coordinate 9-10 am for Wednesday Feb 12'],
      [9, 'Ops to add an upgrade checklist'],
      [10, 'Release team to publish notes a day ahead'],
    ]);
  });

  it('a table of measured outcomes is no list of measures ("Measured Outcomes" shares only a stem with "measures")', () => {
    const doc = '# X\n\n## Measured Outcomes\n\n| Metric | Value |\n|---|---|\n| Detection latency | ~2s |\n\n## Action Items\n\n- [ ] Add a failover alert\n';
    const result = check(doc).model!;
    expect(result.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, ''], [9, 'action-items']]);
    expect(result.actionItems.map((a) => a.line)).toEqual([11]);
  });
});

describe('bold labels as the report’s sections', () => {
  it('"**Action Items**:" after "**Prevention**:" is the next section, its measures of no kind; under "**Action Items**:", "**Corrective:**" groups', () => {
    const doc =
      '**Summary**:\n\nA large order broke the factory.\n\n**Prevention**:\n\nThere are talks of limiting orders.\n\n**Action Items**:\n\n1. Limit the number of pizzas per order.\n2. Warn on large orders.\n';
    const result = check(doc);
    expect(result.model!.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, 'summary'], [5, 'action-items'], [9, 'action-items']]);
    expect(result.model!.actionItems.map((a) => [a.line, a.kind])).toEqual([[11, 'other'], [12, 'other']]);
    expect(result.findings.filter((f) => f.rule === 'duplicate-section')).toEqual([]);
    const grouped = check('**Action Items**:\n\n**Corrective:**\n\n1. Fix the oven.\n');
    expect(grouped.model!.actionItems.map((a) => [a.line, a.kind])).toEqual([[5, 'corrective']]);
  });
});

describe('more forms of measures and of work done', () => {
  it('reads "🔲" lines as open tasks, beside "✅ COMPLETE:" lines done', () => {
    const doc = '# X\n\n## Action Items\n\n### Immediate\n\n✅ COMPLETE: Manual backfills executed\n🔲 TODO: Monitor the first 24h of the new cron\n\n### Short-Term\n\n🔲 Fix FUELINST ingestion\n🔲 Add email alerts\n';
    expect(items(doc).map((a) => [a.line, a.done, a.title])).toEqual([
      [7, true, 'COMPLETE: Manual backfills executed'],
      [8, false, 'Monitor the first 24h of the new cron'],
      [12, false, 'Fix FUELINST ingestion'],
      [13, false, 'Add email alerts'],
    ]);
  });

  it('"### Immediate Actions" over what was done is the resolution when the measures have sections of their own', () => {
    const doc = '# X\n\n### Immediate Actions\n- Migrated validation to a faster server\n- Scheduled an onsite assessment\n\n### Corrective Measures\n- Add node metrics monitoring\n';
    const result = check(doc).model!;
    expect(result.sections.map((s) => [s.line, s.keys.join('+')])).toEqual([[1, ''], [3, 'resolution'], [7, 'action-items']]);
    expect(result.actionItems.map((a) => a.line)).toEqual([8]);
    // Over what is still to do, they are measures.
    expect(items('# X\n\n### Immediate Actions\n- Add a cable lock\n\n### Corrective Measures\n- Add node metrics monitoring\n').map((a) => a.line)).toEqual([4, 7]);
  });
});
