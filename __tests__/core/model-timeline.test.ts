import { describe, expect, it } from 'vitest';
import { evidenceOf } from '../../src/core/model/evidence.js';
import { check } from '../helpers.js';

const model = (md: string) => check(md).model!;

describe('timeline lines without letters or digits', () => {
  it('are separators, not entries', () => {
    const m = model('## Timeline\n\n*09:00*: alert fired<br />\n\\\\\\\\\n*09:30*: rolled back<br />\n…\n');
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [3, '09:00'],
      [5, '09:30'],
    ]);
  });
});

describe('the window from timeline impact markers', () => {
  it('takes OUTAGE BEGINS / OUTAGE ENDS over INCIDENT BEGINS / ENDS when the summary gives neither', () => {
    const m = model(
      '## Summary\n\nSearch was down for 66 minutes.\n\n## Timeline\n\n2015-10-21 (all times UTC)\n\n' +
        '| Time | Description |\n| --- | --- |\n| 14:54 | **OUTAGE BEGINS** backends melt |\n| 15:01 | **INCIDENT BEGINS** declared |\n' +
        '| 15:36 | OUTAGE MITIGATED |\n| 16:00 | **OUTAGE ENDS**, traffic back |\n| 16:30 | **INCIDENT ENDS** |\n',
    );
    expect([m.incident.start?.time, m.incident.start?.line, m.incident.end?.time, m.incident.end?.line]).toEqual([
      '2015-10-21T14:54:00Z',
      11,
      '2015-10-21T16:00:00Z',
      14,
    ]);
    expect(check('## Summary\n\nSearch was down for 66 minutes.\n\n## Timeline\n\n2015-10-21 (all times UTC)\n\n- 14:54 outage begins\n- 16:00 outage ends\n').findings.filter((f) => f.rule === 'duration-mismatch')).toEqual([]);
  });

  it('reads markers in the body under a time heading, preferring "service is restored" to "incident resolved"', () => {
    const m = model(
      '## Timeline\n\nAll times in UTC.\n\n### 2024-03-01 09:00\n\nAlerts fire.\n\n### 2024-03-01 09:40\n\n**Service is restored** from backup.\n\n### 2024-03-01 11:00\n\nCleanup done. Incident resolved.\n',
    );
    expect(m.incident.start).toBeUndefined();
    expect([m.incident.end?.time, m.incident.end?.line]).toEqual(['2024-03-01T09:40:00Z', 9]);
  });

  it('uses a time written in the marker sentence itself', () => {
    const m = model(
      '## Timeline\n\nAll times in UTC.\n\n### 2024-03-10 14:00\n\nWe look at the logs. The issues started on Mar 8th at 3pm UTC. We fix it.\n',
    );
    expect([m.incident.start?.time, m.incident.start?.line, m.incident.start?.column]).toEqual(['2024-03-08T15:00:00Z', 7, 44]);
  });

  it('leaves a window stated in the summary alone', () => {
    const m = model('## Summary\n\nFrom 10:00 to 11:00 UTC on 2024-01-02.\n\n## Timeline\n\n- 10:30 UTC outage begins\n- 10:50 UTC outage ends\n');
    expect([m.incident.start?.time, m.incident.end?.time]).toEqual(['2024-01-02T10:00:00Z', '2024-01-02T11:00:00Z']);
  });

  it('ignores verbs about other things ("Investigation begins", "Server restarts begin")', () => {
    const m = model('## Timeline\n\nAll times in UTC.\n\n- 2024-01-02 10:00 Investigation begins\n- 2024-01-02 10:30 Server restarts begin\n');
    expect([m.incident.start, m.incident.end]).toEqual([undefined, undefined]);
  });
});

describe('timeline dates', () => {
  it('rolls clocks past midnight to the next day and reads "Day 2"', () => {
    const m = model('## Summary\n\nOn 2024-02-28 the API failed (UTC).\n\n## Timeline\n\n- 23:50 UTC alert\n- 00:20 UTC rollback\n- Day 2 09:15 UTC postmortem\n');
    expect(m.timeline.map((t) => [t.line, t.time, t.rolled ?? false])).toEqual([
      [7, '2024-02-28T23:50:00Z', false],
      [8, '2024-02-29T00:20:00Z', true],
      [9, '2024-02-29T09:15:00Z', false],
    ]);
  });

  it('take no date from a date in one event\'s words in a table ("restored from Oct 29 backups"), and keep its words as the event', () => {
    const m = model('# X\n\n**Date:** 2025-11-01\n\n## Timeline\n\n| Time | Event |\n|------|-------|\n| 11:50 AM | Entered troubleshooting mode |\n| 11:52 AM | Databases restored from Oct 29 backups |\n| 11:53 AM | Services restarted successfully |\n');
    expect(m.timeline.map((t) => [t.line, t.time, t.text])).toEqual([
      [9, '2025-11-01T11:50', 'Entered troubleshooting mode'],
      [10, '2025-11-01T11:52', 'Databases restored from Oct 29 backups'],
      [11, '2025-11-01T11:53', 'Services restarted successfully'],
    ]);
    // A column of dates, short or named so, dates its rows.
    const dated = model('## Timeline\n\n| Day | Time | Event |\n|---|---|---|\n| 2025-10-29 | 11:50 | Backup taken |\n| | 11:52 | Alert fired |\n| 2025-11-01 | 09:00 | Restored |\n');
    expect(dated.timeline.map((t) => t.time?.slice(5, 10))).toEqual(['10-29', '10-29', '11-01']);
  });
});

describe('a status page without a timeline section', () => {
  it('reads headings of an update word and its time ("### Update 27.08.2022 10:00 Uhr:") as its updates, newest first', () => {
    const m = model('# Störung LernSax\n\n## Aktualisierungen\n\n### Update 27.08.2022 10:00 Uhr:\n\nDas System funktioniert wieder.\n\n### Update 26.08.2022 18:00 Uhr:\n\nWiederherstellung läuft.\n\n### Resolved at 2022-08-25 07:00 UTC\n\nLernSax ist nicht verfügbar.\n');
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [5, '2022-08-27T10:00'],
      [9, '2022-08-26T18:00'],
      [13, '2022-08-25T07:00:00Z'],
    ]);
  });

  it('reads headings that open with their date and time and title the update ("## 06.05.2026, 02:00 Uhr – Behoben"), one entry each', () => {
    const m = model(
      '# DNS-Störung\n\n## 06.05.2026, 02:00 Uhr – Behoben\n\nDie DENIC hat die Signatur korrigiert.\n\n## 05.05.2026, 23:30 Uhr – Ursache identifiziert\n\n**Mögliche Auswirkungen:**\n\n- Anmeldung schlägt fehl\n- E-Mails verzögert\n\n## 05.05.2026, 21:50 Uhr – Erste Meldungen\n\nNutzer melden Fehler.\n',
    );
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [3, '2026-05-06T02:00'],
      [7, '2026-05-05T23:30'],
      [14, '2026-05-05T21:50'],
    ]);
  });

  it('reads a "Resolved <date> <time>" heading as an update too, though "Resolved" names the resolution', () => {
    const m = model('## Investigating 2025-02-20 10:13a\n\nThe node is offline.\n\n## Resolved  2025-02-21 4:06p\n\nThe node is back online.\n\n## Investigating 2025-04-03 10:06a\n\nIt locked up again.\n');
    expect(m.timeline.map((t) => [t.line, t.time, t.evidence ?? null])).toEqual([
      [1, '2025-02-20T10:13', null],
      [5, '2025-02-21T16:06', 'recovery'],
      [9, '2025-04-03T10:06', null],
    ]);
  });
});

describe('where the timeline ends the incident', () => {
  it('is not a fix the impact outlived', () => {
    const held = model('## Timeline\n\n- 10:00 UTC alerts fire\n- 10:30 UTC fix deployed\n- 11:00 UTC postmortem meeting\n');
    expect(held.course.end?.line).toBe(4);
    const outlived = model('## Timeline\n\n- 10:00 UTC alerts fire\n- 10:30 UTC fix deployed\n- 11:00 UTC errors again\n');
    expect(outlived.course.end).toBeUndefined();
  });
});

describe('a timeline told in paragraphs', () => {
  it('gives a paragraph the evidence of its own time, not of a later sentence with a time of its own', () => {
    const m = model('## Timeline of events\n\nAt 02:00 AM UTC we received an email that all media had been blocked.\n\nAt 03:00 AM UTC we decided to move to another provider. We switched the DNS records at 03:24 AM UTC. This resolved the outage for most users at 03:41 AM UTC.\n');
    expect(m.timeline.map((t) => [t.line, t.evidence ?? null])).toEqual([
      [3, null],
      [5, null],
    ]);
    // A later time in the entry's own sentence stays with it.
    const own = model('## Timeline\n\nFrom 10:00 UTC to 10:20 UTC the site was down. It came back at 10:25 UTC.\n');
    expect(own.timeline.map((t) => t.evidence ?? null)).toEqual(['impact']);
  });
});

describe('a timeline written in a code block under a label', () => {
  it('ends with the block: the prose after it is a note, not an untimed entry', () => {
    const m = model('## Tokens\n\nTimeline:\n\n```\n10:00 UTC - cloud open\n10:40 UTC - we realized the mistake, cloud closed\n11:30 UTC - cloud open\n```\n\nThe conclusion is simple: prepare such scripts earlier.\n\n**Gap characteristics**:\n- **Duration**: 1.5-2 hours\n- **Pod state**: running\n');
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [6, '10:00'],
      [7, '10:40'],
      [8, '11:30'],
    ]);
  });
});

describe('a weekday beside a clock time', () => {
  it('("9:00 AM on Friday", "Saturday 10:15") dates the entry on that weekday after the day in force', () => {
    const m = model('## Timeline\n\n- Between 3AM and 4AM on Wednesday, January 15, 2020, logins failed.\n- Service was partially restored by 2:00 PM on Wednesday.\n- Service was fully restored by 9:00 AM on Friday.\n- Saturday 10:15 UTC: the last caches were rebuilt.\n');
    expect(m.timeline.map((t) => t.time?.slice(0, 16))).toEqual(['2020-01-15T03:00', '2020-01-15T14:00', '2020-01-17T09:00', '2020-01-18T10:15']);
    expect(check('## Timeline\n\n- Between 3AM and 4AM on Wednesday, January 15, 2020, logins failed.\n- Service was partially restored by 2:00 PM on Wednesday.\n- Service was fully restored by 9:00 AM on Friday.\n').findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });
});

describe('a status page of stamped paragraphs', () => {
  it('has its stamps as the updates, a list or a time inside an update being part of it', () => {
    const m = model(
      '**2020-05-30 16:15 Update 2**\n\nThe network is stable again.\n\n**2020-05-26 23:10 Update 1**\n\ngit is back.\n\n---\n\nSome services are down:\n\n- the proxy, since the 24th\n- git, since 22:24 tonight\n\n2020-05-26 23:00:00\n',
    );
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [1, '2020-05-30T16:15'],
      [5, '2020-05-26T23:10'],
      [16, '2020-05-26T23:00'],
    ]);
  });
});

describe('an undated timeline past midnight', () => {
  it('keeps the clocks after midnight on the next day, and a window of bare clocks on the day of its entries', () => {
    const md =
      '## Issue Summary\n\nThe server was down for six hours between 00:00 and 06:00.\n\n## Timeline\n\n**23:00** - An engineer installs the monitoring agent.\n\n**00:00** - Response times slow down; the server does not come back after a reboot.\n\n**00:30** - Tried another device.\n\n**06:00** - A new server is up and the services are back online.\n';
    const result = check(md);
    const m = result.model!;
    const hours = (order: number | undefined) => (order ?? NaN) / 3_600_000;
    expect(m.timeline.map((t) => [t.line, hours(t.order)])).toEqual([
      [7, 23],
      [9, 24],
      [11, 24.5],
      [13, 30],
    ]);
    expect([hours(m.incident.start?.order), hours(m.incident.end?.order)]).toEqual([24, 30]);
    expect(result.findings.filter((f) => f.rule.startsWith('timeline') || f.rule === 'duration-mismatch')).toEqual([]);
  });
});

describe('a bare clock in an AM/PM timeline', () => {
  it('is read as PM when that keeps the timeline in order', () => {
    const m = model('## Timeline\n\nAll times UTC.\n\n- 2024-06-12 10:40 AM alert\n- 11:50 AM rollback\n- 1:00 fixed\n- 1:30 all clear\n');
    expect(m.timeline.map((t) => t.time)).toEqual(['2024-06-12T10:40:00Z', '2024-06-12T11:50:00Z', '2024-06-12T13:00:00Z', '2024-06-12T13:30:00Z']);
  });
});

describe('an end stated without its day', () => {
  it('is on the day the timeline recovers at that clock time', () => {
    const m = model('## Summary\n\nCommencing at 20:11 (UTC) on March 28, 2025, and concluding at 14:24 (UTC), users could not sign in.\n\n## Timeline\n\n### 2025-03-28 20:11\n\nSign-ins fail.\n\n### 2025-03-31 14:24\n\nVerified the site was up and running with HTTP 200 responses.\n');
    expect(m.incident.end?.time).toBe('2025-03-31T14:24:00Z');
    expect(check('## Summary\n\nCommencing at 20:11 (UTC) on March 28, 2025, and concluding at 14:24 (UTC), users could not sign in.\n\n## Timeline\n\n### 2025-03-28 20:11\n\nSign-ins fail.\n\n### 2025-03-31 14:24\n\nVerified the site was up and running with HTTP 200 responses.\n').findings.filter((f) => f.rule === 'timeline-window')).toEqual([]);
  });
});

describe('what an entry reports', () => {
  it('reads errors in a rehearsal on staging as no impact of the incident, unless production is named too', () => {
    expect(evidenceOf('we attempted to migrate our staging cluster and found errors')).toBeUndefined();
    expect(evidenceOf('errors on staging and production')).toBe('impact');
    expect(evidenceOf('errors on the pre-production cluster')).toBeUndefined();
    expect(evidenceOf('users report errors')).toBe('impact');
    expect(evidenceOf('Issue #214 was detected by our monitoring service')).toBe('impact');
    expect(evidenceOf('Incident INC-1426 declared')).toBe('impact');
  });

  it('reads performance back to acceptable levels as the recovery, alerts declared resolved as the resolution, "<START OF OUTAGE>" as the impact', () => {
    expect(evidenceOf('The application performance went back to acceptable levels')).toBe('recovery');
    expect(evidenceOf('Latency was back to normal')).toBe('recovery');
    expect(evidenceOf('The team is back to normal work')).not.toBe('recovery');
    expect(evidenceOf('Our monitoring declared the alerts as resolved')).toBe('resolved');
    expect(evidenceOf('Tag 0.13.6+1 is pushed <START OF OUTAGE>')).toBe('impact');
    expect(evidenceOf('Fix lands. <END OF OUTAGE>')).toBe('recovery');
  });

  it('reads an alarm inside while the service still works, a failover and a "non-degraded" state as no impact', () => {
    expect(evidenceOf('One drive disappeared from the RAID array. Our monitoring fired. The setup was still functional.')).toBeUndefined();
    expect(evidenceOf('The fail-over was complete. At this point there has been minimal disruption.')).toBeUndefined();
    expect(evidenceOf('That meant failing over to our secondary database, a decision we took at 12:57 UTC.')).toBeUndefined();
    expect(evidenceOf('We had to restore the array to a non-degraded state.')).toBeUndefined();
    expect(evidenceOf('Requests were failing on the primary')).toBe('impact');
    expect(evidenceOf('The API was degraded')).toBe('impact');
  });

  it('reads a check that was done as what it found, and one to do as nothing yet', () => {
    expect([evidenceOf('Verified the site was up and running with HTTP 200 responses.'), evidenceOf('Verify whether the site is up and running'), evidenceOf('ensuring Apache is up and running')]).toEqual(['recovery', undefined, undefined]);
    expect([evidenceOf('PHASE 5: Verified fix successful (HTTP 200, no more 502)'), evidenceOf('Fix confirmed by the on-call'), evidenceOf('No more 5xx errors')]).toEqual(['recovery', 'recovery', 'recovery']);
    // Name resolution is no resolution of the incident; "INCIDENT END" ends it.
    expect([evidenceOf('Kubernetes control plane operational (nodes NotReady - awaiting CNI)'), evidenceOf('service not operational'), evidenceOf('database health check added')]).toEqual(['recovery', undefined, undefined]);
    expect([evidenceOf('a staff member received a 500-response error after sending'), evidenceOf('HTTP 404-error pages')]).toEqual(['impact', 'impact']);
    expect([evidenceOf('Verified DNS resolution working'), evidenceOf('INCIDENT END: Both CoreDNS pods Running/Ready'), evidenceOf('Resolution: restarted the pods')]).toEqual([undefined, 'resolved', 'fix']);
    // Access regained or service restored by someone, a server live again; not a fix going live, nor access still lost.
    expect([evidenceOf('Nginx server revived, users regained access to the application'), evidenceOf('Engineer restored service'), evidenceOf('Server is live'), evidenceOf('The fix is live'), evidenceOf('Users could not regain access')]).toEqual([
      'recovery',
      'recovery',
      'recovery',
      undefined,
      undefined,
    ]);
  });

  it('reads a cluster, a connection or the network coming back as the recovery', () => {
    expect(evidenceOf('All 3 k3s nodes Ready, cluster recovered')).toBe('recovery');
    expect(evidenceOf('Factorio connection restored')).toBe('recovery');
    expect(evidenceOf('OSL Network was restored.')).toBe('recovery');
    expect(evidenceOf('Pods recover, cluster returns to healthy state')).toBe('recovery');
    expect(evidenceOf('connection pool exhausted on the cluster')).not.toBe('recovery');
    expect([evidenceOf('Team is back up.'), evidenceOf('We are back online after a night of sleep'), evidenceOf('The site is back up'), evidenceOf('Everything back to normal')]).toEqual([undefined, undefined, 'recovery', 'recovery']);
    expect([evidenceOf('Recovery verified, exited troubleshooting mode'), evidenceOf('Services restarted successfully'), evidenceOf('Recovery plan drafted')]).toEqual(['recovery', 'recovery', undefined]);
    expect([evidenceOf('New Relic email sent notifying of search failure'), evidenceOf('Notified the team about the outage'), evidenceOf('Notification settings changed')]).toEqual(['impact', 'impact', undefined]);
    expect([evidenceOf('Loki alert rules extended'), evidenceOf('alerts fire'), evidenceOf('Fix v2 deployed: sleep 10'), evidenceOf('Patch #3 applied')]).toEqual([undefined, 'impact', 'fix', 'fix']);
    expect([evidenceOf('Outage notification'), evidenceOf('Customers notified')]).toEqual(['impact', undefined]);
    expect([evidenceOf('Boom! Production servers go dark.'), evidenceOf('the API went offline'), evidenceOf('Rollback success.'), evidenceOf('rolled back successfully'), evidenceOf('decided to roll back')]).toEqual([
      'impact',
      'impact',
      'fix',
      'fix',
      undefined,
    ]);
    // Someone discovering the outage sees the impact; discovering what caused it is the diagnosis.
    expect([evidenceOf('Sysadmin discovers outage on web server, debugging begins'), evidenceOf('outage discovered'), evidenceOf('Sysadmin discovers that all error logs are disabled')]).toEqual(['impact', 'impact', undefined]);
    expect([evidenceOf('Monitoring system screamed, alerting us to the chaos'), evidenceOf('Added alerting for disk usage'), evidenceOf('alerting rules updated')]).toEqual(['impact', undefined, undefined]);
    expect([evidenceOf('Voice PE functional'), evidenceOf('site was functional again.'), evidenceOf('the API is not functional'), evidenceOf('functional tests added')]).toEqual([
      'recovery',
      'recovery',
      undefined,
      undefined,
    ]);
  });

  it('gives an entry none of the evidence of a later time its text runs on into (a table broken into a paragraph)', () => {
    const m = model(
      '## Timeline\n\n| Time | Description |\n| --- | --- |\n| 8:28AM PST | Users report errors. |\n| 9:12AM PST | "OSL arrives on-site and confirms the systems |\n\nhad been rebooted." 9:30AM PST| Root cause found. 11:15AM PST| OSL Network was restored.\n',
    );
    expect(m.timeline.map((t) => [t.line, t.evidence ?? null])).toEqual([
      [5, 'impact'],
      [6, null],
    ]);
  });

  it('joins a wrapped line that opens with a number after a word no sentence ends on', () => {
    const m = model(
      '## Timeline\n\n**17:20 UTC:** the engineer takes a snapshot. This procedure normally happens once every\n24 hours (at 01:00 UTC), but the engineer wanted a newer copy.\n\n**19:00 UTC:** load rises\nsharply.\n',
    );
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [3, '17:20'],
      [6, '19:00'],
    ]);
    expect(m.timeline[0].text).toContain('(at 01:00 UTC)');
  });

  it('dates "### Tonight\'s Events" after a lead-up of other days with the incident\'s own day', () => {
    const m = model(
      '# Hotfix\n\n**Date:** November 17, 2025\n\n## Timeline of Events\n\n### Pre-History\n\n**September 9, 2025**\n- the job processor was disabled\n\n### Tonight\'s Events\n\n- 12:30 AM - Deployment\n- 1:18 AM - Final fix\n',
    );
    expect(m.timeline.filter((t) => t.time).map((t) => [t.line, t.time])).toEqual([
      [14, '2025-11-17T00:30'],
      [15, '2025-11-17T01:18'],
    ]);
  });
});

describe('day lines without a year', () => {
  const doc = '## Timeline\n\nMonday 4th November:\n\n7:30am deployed the new login system.\n\n8:55am system live in its reverted form.\n\nTuesday 5th November\n\n6:30am deployed the new login system again.\n\n9:27am first report of login issues.\n';

  it('order the clocks under them, and no order finding is made across days', () => {
    const result = check(doc);
    expect(result.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [5, '07:30'],
      [7, '08:55'],
      [11, '06:30'],
      [13, '09:27'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });

  it('but a clock out of order within a day is still one', () => {
    const result = check(doc.replace('9:27am first report', '6:10am first report'));
    expect(result.findings.filter((f) => f.rule === 'timeline-order').map((f) => f.line)).toEqual([13]);
  });
});

describe('a chat written as a timeline of dotted times', () => {
  it('"8.48 SB created…" lines are entries, and a line telling a time inside an entry’s paragraph is part of it', () => {
    const m = model('## Timeline\n\n8.48 SB created a new works index in production.<br>\n08.52 RC reports Works API down.<br>\nRC LogicMonitor first flagged it at 8:50am\n\n9.06 SB tested the API locally.\n');
    expect(m.timeline.map((t) => [t.line, t.time])).toEqual([
      [3, '08:48'],
      [4, '08:52'],
      [7, '09:06'],
    ]);
    expect(check('## Timeline\n\nAll times UTC.\n\n8.48 SB created a new works index.<br>\n08.52 RC reports Works API down.<br>\nRC LogicMonitor first flagged it at 8:50am\n\n9.06 SB tested the API locally.\n').findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });
});

describe('a note under a time heading, wrapped before the time it tells', () => {
  it('"…entered `DEGRADED` state at" over "06:09 UTC (05:09 BST):" is the note going on, not an entry of its own', () => {
    const doc =
      '## Timeline\n\n### 2021-09-01 12:00 BST - Alert fires\n\nThe pool is degraded.\n\n### 2021-09-01 12:36 BST - Locating the failure\n\nPrometheus shows that the pool entered `DEGRADED` state at\n06:09 UTC (05:09 BST):\n\n### 2021-09-01 13:15 BST - Monitoring\n\nNo new errors.\n';
    expect(model(doc).timeline.map((t) => t.line)).toEqual([3, 7, 12]);
    expect(check(doc).findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
    // A line that opens with its time after a sentence that ended is still an entry of its own.
    const ended = doc.replace('state at\n06:09 UTC (05:09 BST):', 'state.\n12:40 BST paged the storage team.');
    expect(model(ended).timeline.map((t) => t.line)).toEqual([3, 7, 10, 12]);
  });
});

describe('dates that hold for what follows them', () => {
  it('a date line after a statement for the whole timeline dates the entries under it', () => {
    const result = check('## Timeline\n\nTimeline for September 17, 2018: (all times UTC)\n\n- 22:07 Advisory email goes out\n- 23:21 Version 0.17.0rc4 tagged\n\nSeptember 18, 2018:\n\n- 00:24 Version 0.16.3 tagged\n- 20:44 Release binaries available\n');
    expect(result.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [5, '2018-09-17T22:07:00Z'],
      [6, '2018-09-17T23:21:00Z'],
      [10, '2018-09-18T00:24:00Z'],
      [11, '2018-09-18T20:44:00Z'],
    ]);
    expect(result.findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });

  it('but a page’s "Last updated" under the timeline is no entry', () => {
    const m = model('## Timeline\n\nJune 10th, 2024:\n- 15:30 CEST: Deployment of a new release\n- 17:20 CEST: Service is back to nominal performance.\n\n<div class="tldr">\n    <h5>Last updated: 2024-06-09 10:30:00 CET</h5>\n</div>\n\nLast updated: 2024-06-09 10:30\n');
    expect(m.timeline.map((t) => t.line)).toEqual([4, 5]);
  });
});

describe('entries that give the time before the date', () => {
  it('"10:02 AM December 4, 2024:" then "8:29 AM February 26, 2025:" run in order, each on its own day', () => {
    const result = check(
      '## Timeline (all times PST)\n\n12:07 AM December 4, 2024: A user reported the warning.\n\n10:02 AM December 4, 2024: An executive offered help.\n\n8:29 AM February 26, 2025: Documentation was written.\n\n2:00 AM May 29, 2025: A task was created.\n',
    );
    expect(result.model!.timeline.map((t) => [t.line, t.time])).toEqual([
      [3, '2024-12-04T08:07:00Z'],
      [5, '2024-12-04T18:02:00Z'],
      [7, '2025-02-26T16:29:00Z'],
      [9, '2025-05-29T10:00:00Z'], // PST as written: UTC−8 in May too
    ]);
    expect(result.findings.filter((f) => f.rule === 'timeline-order')).toEqual([]);
  });
});

describe("kramdown's attribute list under a timeline", () => {
  it('("{: .table.table-striped }" under a table, "{: .timeline}" under a list) is styling, no entry', () => {
    const table = model('## Incident Timeline\n\nTime  | State\n----- | ---\n12:00 | Galaxy became unresponsive.\n18:21 | Galaxy is back online.\n{: .table.table-striped }\n');
    expect(table.timeline.map((t) => [t.line, t.time])).toEqual([
      [5, '12:00'],
      [6, '18:21'],
    ]);
    const list = model('## Timeline\n\n- 12:00 Galaxy became unresponsive.\n- 18:21 Galaxy is back online.\n\n{: .timeline}\n');
    expect(list.timeline.map((t) => t.line)).toEqual([3, 4]);
  });
});
