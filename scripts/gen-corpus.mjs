#!/usr/bin/env node
// Synthetic postmortem corpus for `npm run bench`.
//
//   import { generateCorpus } from './gen-corpus.mjs';
//   generateCorpus(dir, count, seed) -> { dir, files, bytes, defects, manifest }
//
//   node scripts/gen-corpus.mjs [--out DIR] [--count N] [--seed S] [--manifest FILE]
//
// The documents imitate the shapes seen in the real samples under
// /work/shared/corpus (ALX/Holberton student postmortems, EDGI/univaf/mybinder
// incident logs, the Google SRE-book example, status-page entries, company
// blog posts, front-matter driven reports), but every sentence is assembled
// from the phrase banks below; no real file is copied.
//
// Determinism: file i depends only on (seed, i), never on `count`, the clock
// or Math.random, so corpus-200-S is a prefix of corpus-2000-S.
// Roughly 10% of the files carry a deliberate defect (missing sections,
// out-of-order times, TODO placeholders, broken front matter, ...); the
// manifest lists them.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------- random ---

function hash32(str) {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

class Rng {
  constructor(seed) {
    this.a = seed >>> 0;
  }
  float() {
    // mulberry32
    this.a = (this.a + 0x6d2b79f5) | 0;
    let t = Math.imul(this.a ^ (this.a >>> 15), 1 | this.a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo, hi) {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  chance(p) {
    return this.float() < p;
  }
  pick(arr) {
    return arr[Math.floor(this.float() * arr.length)];
  }
  /** pairs: [[value, weight], ...] */
  weighted(pairs) {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let x = this.float() * total;
    for (const [v, w] of pairs) {
      x -= w;
      if (x < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  shuffle(arr) {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  }
  sample(arr, n) {
    return this.shuffle(arr.slice()).slice(0, Math.max(0, Math.min(n, arr.length)));
  }
}

// ------------------------------------------------------------ time zones ---

const ZONES = [
  // label as written in the doc, IANA name for front matter, offset (minutes)
  { label: 'UTC', iana: 'UTC', off: 0, w: 10 },
  { label: 'GMT', iana: 'Europe/London', off: 0, w: 3 },
  { label: 'PST', iana: 'America/Los_Angeles', off: -480, w: 6 },
  { label: 'PDT', iana: 'America/Los_Angeles', off: -420, w: 4 },
  { label: 'PT', iana: 'America/Los_Angeles', off: -480, w: 1 },
  { label: 'US/Pacific', iana: 'America/Los_Angeles', off: -420, w: 2 },
  { label: 'GMT+1', iana: 'Africa/Lagos', off: 60, w: 3 },
  { label: 'WAT', iana: 'Africa/Lagos', off: 60, w: 3 },
  { label: 'EAT', iana: 'Africa/Nairobi', off: 180, w: 3 },
  { label: 'CDT', iana: 'America/Chicago', off: -300, w: 2 },
  { label: 'CST', iana: 'America/Chicago', off: -360, w: 1 },
  { label: 'EST', iana: 'America/New_York', off: -300, w: 2 },
  { label: 'EDT', iana: 'America/New_York', off: -240, w: 1 },
  { label: 'Eastern time', iana: 'America/New_York', off: -300, w: 1 },
  { label: 'CET', iana: 'Europe/Berlin', off: 60, w: 2 },
  { label: 'CEST', iana: 'Europe/Berlin', off: 120, w: 1 },
  { label: 'BST', iana: 'Europe/London', off: 60, w: 1 },
  { label: 'IST', iana: 'Asia/Kolkata', off: 330, w: 2 },
  { label: 'JST', iana: 'Asia/Tokyo', off: 540, w: 1 },
];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const DAY_MS = 86400000;
const EPOCH_START = Date.UTC(2015, 0, 1) / DAY_MS;
const EPOCH_END = Date.UTC(2025, 11, 31) / DAY_MS;

function ymd(dayNum) {
  const d = new Date(dayNum * DAY_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), wd: d.getUTCDay() };
}
const p2 = (n) => String(n).padStart(2, '0');
function ordinal(n) {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd', 'th', 'th', 'th', 'th', 'th', 'th'][n % 10];
  return `${n}${s}`;
}

function fmtDate(dayNum, style) {
  const { y, m, d, wd } = ymd(dayNum);
  switch (style) {
    case 'iso': return `${y}-${p2(m)}-${p2(d)}`;
    case 'isoLoose': return `${y}-${m}-${d}`;
    case 'long': return `${MONTHS[m - 1]} ${d}, ${y}`;
    case 'longOrd': return `${MONTHS[m - 1]} ${ordinal(d)}, ${y}`;
    case 'dmy': return `${p2(d)}-${p2(m)}-${y}`;
    case 'mdy': return `${p2(m)}/${p2(d)}/${y}`;
    case 'short': return `${MONTHS[m - 1].slice(0, 3)} ${d} ${y}`;
    case 'dayLong': return `${d} ${MONTHS[m - 1]} ${y}`;
    case 'weekday': return `${WEEKDAYS[wd]}, ${MONTHS[m - 1]} ${d}, ${y}`;
    case 'monthDay': return `${MONTHS[m - 1]} ${d}`;
    default: return `${y}-${p2(m)}-${p2(d)}`;
  }
}

/** clock: { h24: bool, pad: bool, lower: bool, hourOnly: bool, nospace: bool } */
function fmtTime(min, clock) {
  const t = ((min % 1440) + 1440) % 1440;
  const h = Math.floor(t / 60);
  const mm = t % 60;
  if (clock.h24) return `${clock.pad ? p2(h) : h}:${p2(mm)}`;
  const h12 = h % 12 === 0 ? 12 : h % 12;
  let ap = h < 12 ? 'AM' : 'PM';
  if (clock.lower) ap = ap.toLowerCase();
  const sp = clock.nospace ? '' : ' ';
  if (clock.hourOnly && mm === 0) return `${h12}${sp}${ap}`;
  return `${clock.pad ? p2(h12) : h12}:${p2(mm)}${sp}${ap}`;
}

function isoStamp(dayNum, min, off, zulu) {
  const ms = (dayNum * 1440 + min - (zulu ? off : 0)) * 60000;
  const d = new Date(ms);
  const base = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:00`;
  if (zulu) return `${base}Z`;
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return `${base}${sign}${p2(Math.floor(a / 60))}:${p2(a % 60)}`;
}

function durationText(min, rng) {
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (min >= 2880) return `${Math.round(min / 1440)} days`;
  if (h === 0) return rng.pick([`${m} minutes`, `${m} min`, `about ${m} minutes`]);
  const hs = h === 1 ? 'hour' : 'hours';
  if (m === 0) return rng.pick([`${h} ${hs}`, `${h}h`, `${h} ${hs} 0 minutes`]);
  return rng.pick([`${h} ${hs} ${m} minutes`, `${h} ${hs} and ${m} minutes`, `${h}h${p2(m)}m`, `${h}h ${m}m`]);
}

// ---------------------------------------------------------------- people ---

const PEOPLE = [
  'Maria Chen', 'Tunde Okafor', 'Priya Raman', 'Jonas Berg', 'Aisha Bello', 'Diego Alvarez',
  'Yuki Tanaka', 'Sam Patel', 'Fatima Yusuf', 'Liam Byrne', 'Wanjiru Kamau', 'Chen Wei',
  'Olga Petrova', 'Kwame Mensah', 'Emma Schulz', 'Ravi Iyer', 'Noah Fischer', 'Amara Nwosu',
  'Lucas Moreau', 'Sofia Rossi', 'Hiro Sato', 'Zainab Abdi', 'Mateo Silva', 'Grace Wanjiku',
];
const handleOf = (name) => (name[0] + name.split(' ').slice(-1)[0]).toLowerCase();

const ORGS = ['acme', 'northwind', 'globex', 'initech', 'umbrella-labs', 'hooli', 'contoso', 'stark-ops'];
const REPOS = ['platform', 'infra', 'deploy', 'api', 'web', 'ops', 'helm-charts', 'runbooks'];

// ------------------------------------------------------------- scenarios ---

// {svc} service name, {code} HTTP code, {n1}/{n2} people, {pct} impact
const SCENARIOS = [
  {
    key: 'nginx-workers',
    titles: ['Nginx Service Outage', '502 Bad Gateway on the {svc}', 'Web tier returning 502s'],
    svc: ['public website', 'web frontend', 'storefront', 'customer portal'],
    code: 502,
    symptom: 'HTTP 502 Bad Gateway errors and request timeouts',
    detect: ['Automated monitoring alert fired for an elevated 5xx rate on the load balancer.', 'PagerDuty paged the on-call engineer: 502 rate above 20% on the {svc}.'],
    investigate: ['Checked nginx error logs and found "worker_connections are not enough" messages.', 'Confirmed the upstream application servers were healthy and answering health checks.', 'Compared the running nginx configuration with the last known good revision.', 'Looked at CPU and memory on the edge hosts; both were pinned.'],
    misleading: ['Initial hypothesis was a DDoS attack because of the unusual traffic pattern; traffic analysis showed nothing abnormal.', 'Suspected the application release from the morning and rolled it back, which did not help.'],
    cause: 'A configuration update reduced `worker_processes` to 1 and `worker_connections` to 512. Under normal evening traffic the edge hosts ran out of connection slots, and nginx started failing requests with 502s.',
    trigger: 'A routine configuration push to the edge hosts.',
    fix: ['Rolled back to the previous nginx configuration; partial service restoration observed.', 'Raised `worker_connections` to 4096, set `worker_processes auto` and reloaded nginx.'],
    actions: ['Add `nginx -t` and a short load test to the configuration deploy pipeline', 'Alert on nginx worker connection saturation', 'Require peer review for edge configuration changes', 'Document the sizing rules for nginx workers in the runbook', 'Test configuration changes in staging before production'],
    snippets: [
      { lang: 'nginx', body: 'worker_processes auto;\n\nevents {\n    worker_connections 4096;\n    multi_accept on;\n}\n\nhttp {\n    keepalive_timeout 65;\n    upstream app {\n        server 10.0.1.11:8080 max_fails=3;\n        server 10.0.1.12:8080 max_fails=3;\n    }\n}' },
      { lang: '', body: '2024/06/20 14:02:11 [alert] 1187#1187: 512 worker_connections are not enough\n2024/06/20 14:02:11 [alert] 1187#1187: 512 worker_connections are not enough\n2024/06/20 14:02:12 [error] 1187#1187: *88231 upstream timed out (110: Connection timed out)' },
    ],
  },
  {
    key: 'mysql-disk',
    titles: ['MySQL Database Outage', 'Database ran out of disk space', 'Database Full'],
    svc: ['user authentication', 'orders database', 'primary database', 'reporting API'],
    code: 500,
    symptom: 'login failures and HTTP 500 errors',
    detect: ['Users reported login failures and monitoring showed database response times climbing.', 'Sentry sent an e-mail about a new database connection error happening thousands of times.'],
    investigate: ['The database console showed the data volume at 100% usage.', 'Tried to connect through the bastion host; new connections were refused.', 'Listed the largest tables and log files on the data volume.'],
    misleading: ['Investigation first focused on slow query optimization, delaying the identification of the disk space issue.', 'Assumed a bad index migration and started reviewing recent schema changes.'],
    cause: 'The general query log had been left enabled after a debugging session, and the binary logs were never purged. Together they filled the data volume, after which MySQL refused writes and eventually new connections.',
    trigger: 'Log growth from a debugging flag left on in production.',
    fix: ['Cleared temporary files and purged old binary logs to free up disk space.', 'Expanded the data volume and adjusted log rotation settings.'],
    actions: ['Alert when any database volume is above 80% full', 'Set `binlog_expire_logs_seconds` on all database servers', 'Conduct a database server capacity review', 'Automate log rotation for MySQL logs', 'Document and share learnings with the team'],
    snippets: [
      { lang: 'sql', body: "SELECT table_schema, ROUND(SUM(data_length + index_length) / 1024 / 1024, 1) AS mb\nFROM information_schema.tables\nGROUP BY table_schema\nORDER BY mb DESC;\n\nPURGE BINARY LOGS BEFORE NOW() - INTERVAL 3 DAY;" },
      { lang: 'sh', body: '$ df -h /var/lib/mysql\nFilesystem      Size  Used Avail Use% Mounted on\n/dev/nvme1n1    200G  200G     0 100% /var/lib/mysql' },
    ],
  },
  {
    key: 'ddos',
    titles: ['DDoS Attack on the {svc}', 'The Day the Internet Threw a Party', 'Traffic flood and slow pages'],
    svc: ['e-commerce website', 'public API', 'marketing site', 'login service'],
    code: 503,
    symptom: 'slow page loads and intermittent 503 errors',
    detect: ['Network traffic spike triggered the DDoS detection system.', 'Monitoring reported suspiciously high network traffic and server load.'],
    investigate: ['Analysed request logs by source ASN and user agent.', 'Checked whether a marketing campaign had gone out that morning.', 'Verified CDN cache hit ratio and origin load.'],
    misleading: ['We briefly considered a misconfiguration on our CDN, but further analysis ruled that out.', 'We initially suspected a sudden influx of legitimate traffic from a newsletter.'],
    cause: 'A distributed denial of service attack from a botnet of roughly 40,000 addresses flooded the origin with uncacheable search requests.',
    trigger: 'Start of the attack.',
    fix: ['Enabled rate limiting and traffic filtering rules on the edge firewall.', 'Engaged the DDoS protection provider to block malicious IP ranges.'],
    actions: ['Enable always-on DDoS protection for the origin', 'Implement real-time traffic monitoring and alerts', 'Write a DDoS response runbook', 'Cache search results at the edge for anonymous users', 'Run a game day for traffic floods'],
    snippets: [
      { lang: 'sh', body: "$ awk '{print $1}' access.log | sort | uniq -c | sort -rn | head -5\n  91822 203.0.113.7\n  90417 198.51.100.23\n  88210 192.0.2.91\n  87001 203.0.113.54\n  86322 198.51.100.101" },
    ],
  },
  {
    key: 'tls-cert',
    titles: ['Expired TLS certificate', 'Incorrect TLS Certificates deployed', 'SSL outage'],
    svc: ['API endpoint', 'package registry', 'staging and production endpoints', 'mobile API'],
    code: 'SSL',
    symptom: 'TLS handshake failures for all HTTPS clients',
    detect: ['Sentry began sending alerts because the scraper was encountering SSL errors while connecting to the API.', 'Customers reported certificate warnings in their browsers.'],
    investigate: ['Ran `curl -v` against the endpoints and saw the certificate had expired.', 'Checked the renewal job logs; the last successful renewal was 91 days earlier.', 'Compared the certificates on the load balancers with the ones in the service templates.'],
    misleading: ['A browser exception for the invalid certificate made the endpoints look healthy during the first sanity check.', 'Suspected a CDN incident because the provider status page showed degraded performance.'],
    cause: 'Certificate renewal relied on an external service that had been discontinued, so the renewal job silently did nothing for three months.',
    trigger: 'Certificate expiry.',
    fix: ['Issued new certificates manually and applied them to the load balancers.', 'Corrected the certificates referenced in the service templates and redeployed.'],
    actions: ['Add a daily check that every domain has a certificate valid for at least 14 days', 'Move certificate renewal into an internal periodic job', 'Page on renewal job failures', 'Remove manual certificate changes from the load balancer console'],
    snippets: [
      { lang: 'sh', body: '$ echo | openssl s_client -connect api.example.com:443 2>/dev/null | openssl x509 -noout -dates\nnotBefore=Apr 30 21:27:00 2025 GMT\nnotAfter=Jul 29 21:27:00 2025 GMT' },
    ],
  },
  {
    key: 'php-typo',
    titles: ['Web Stack Debugging Outage', 'WordPress returning 500', 'Apache 500 errors on the blog'],
    svc: ['WordPress site', 'company blog', 'LAMP stack'],
    code: 500,
    symptom: 'HTTP 500 Internal Server Error on every page',
    detect: ['Automated monitoring alert indicated HTTP 500 errors.', 'Customer service forwarded several tickets about the blog being down.'],
    investigate: ['Checked Apache error logs; nothing useful was logged.', 'Ran `strace` on the Apache worker processes while sending requests with curl.', 'Found a "No such file or directory" error for a `.phpp` file.', 'Used `grep` to find the typo in `wp-settings.php`.'],
    misleading: ['Assumed the Apache configuration was corrupt and checked every virtual host file.', 'Suspected the database and checked MySQL performance, which was normal.'],
    cause: 'A typo in `wp-settings.php` referenced `class-wp-locale.phpp` instead of `class-wp-locale.php`, so every request failed while bootstrapping WordPress.',
    trigger: 'Deployment of an edited `wp-settings.php`.',
    fix: ['Corrected the file extension with `sed` and restarted Apache.', 'Automated the fix with a Puppet manifest so every web server gets it.'],
    actions: ['Patch `wp-settings.php` on all servers', 'Add monitoring on server logs for "No such file or directory" errors', 'Add a syntax check for configuration files to the deployment pipeline', 'Conduct a training session on using `strace` for debugging'],
    snippets: [
      { lang: 'puppet', body: "# Fixes bad \"phpp\" extensions to \"php\" in wp-settings.php\nexec { 'fix-wordpress':\n  command => 'sed -i s/phpp/php/g /var/www/html/wp-settings.php',\n  path    => '/usr/local/bin/:/bin/'\n}" },
      { lang: '', body: 'open("/var/www/html/wp-includes/class-wp-locale.phpp", O_RDONLY) = -1 ENOENT (No such file or directory)\nwrite(2, "PHP Fatal error:  require_once(): Failed opening required", 58) = 58' },
    ],
  },
  {
    key: 'dns',
    titles: ['DNS misconfiguration took down the {svc}', 'Website unreachable after DNS change', 'wrong DNS record'],
    svc: ['marketing website', 'API gateway', 'status page', 'docs site'],
    code: 'NXDOMAIN',
    symptom: 'NXDOMAIN responses and "site cannot be reached" errors',
    detect: ['The synthetic uptime check from three regions failed.', 'The security team noticed the website being down.'],
    investigate: ['Queried the authoritative name servers with `dig`.', 'Reviewed the DNS provider audit log.', 'Checked TTLs to estimate how long resolvers would cache the bad answer.'],
    misleading: ['Suspected the hosting provider because its hypervisor had problems the week before.', 'Looked at the load balancer health checks first.'],
    cause: 'A Terraform change renamed the DNS zone resource, which caused the provider to delete and recreate the apex records. The recreated A record pointed at a decommissioned address.',
    trigger: 'Applying an infrastructure change from a feature branch.',
    fix: ['Restored the previous DNS records from the provider history.', 'Pointed the record at an old backup server to restore basic functionality, then reverted once the main server was back.'],
    actions: ['Protect DNS records with `prevent_destroy`', 'Lower TTLs before planned DNS changes', 'Add external DNS monitoring from several regions', 'Only apply infrastructure changes from the main branch'],
    snippets: [
      { lang: 'sh', body: '$ dig +short www.example.com @ns1.example-dns.net\n192.0.2.250\n$ dig +short www.example.com @8.8.8.8\n;; connection timed out; no servers could be reached' },
      { lang: 'hcl', body: 'resource "aws_route53_record" "apex" {\n  zone_id = aws_route53_zone.main.zone_id\n  name    = "example.com"\n  type    = "A"\n  ttl     = 300\n  records = [var.web_ip]\n\n  lifecycle {\n    prevent_destroy = true\n  }\n}' },
    ],
  },
  {
    key: 'memory-leak',
    titles: ['API pods OOM-killed', 'Memory leak in the {svc}', 'Cascading failure in search'],
    svc: ['search API', 'recommendation service', 'checkout API', 'notification worker'],
    code: 500,
    symptom: 'HTTP 500 errors and pods restarting in a loop',
    detect: ['Kubernetes reported containers terminated with OOMKilled.', 'Monitoring detected a high level of HTTP 500s and paged on-call.'],
    investigate: ['Graphed container memory over the last week; it grew linearly after each deploy.', 'Took a heap snapshot from one pod before it was killed.', 'Found thousands of retained event listeners in the heap snapshot.'],
    misleading: ['Raised the memory limit, which only delayed the next crash.', 'Suspected a noisy neighbour on the node and cordoned it.'],
    cause: 'A change to the HTTP client wrapper registered a new listener on a shared emitter for every request and never removed it. Memory grew until the pods hit their limit and were killed, and the remaining pods received more traffic and died faster.',
    trigger: 'A traffic increase after a product announcement.',
    fix: ['Shifted traffic to a sacrificial cluster and doubled the instance count elsewhere.', 'Deployed a fix that removes the listener when the request finishes.'],
    actions: ['Add a memory growth alert per deployment', 'Run a soak test before each release', 'Add load shedding to the {svc}', 'Update the playbook with instructions for cascading failure', 'Build regression tests for the HTTP client wrapper'],
    snippets: [
      { lang: 'js', body: "// before\nclient.on('response', (res) => metrics.observe(res));\n\n// after\nconst onResponse = (res) => metrics.observe(res);\nclient.once('response', onResponse);" },
      { lang: 'sh', body: '$ kubectl get pods -l app=search\nNAME                      READY   STATUS             RESTARTS   AGE\nsearch-7d9c6b7f9c-2xkqp   0/1     CrashLoopBackOff   14         2h\nsearch-7d9c6b7f9c-8s7hm   0/1     OOMKilled          13         2h\nsearch-7d9c6b7f9c-qq2lt   1/1     Running            12         2h' },
    ],
  },
  {
    key: 'k8s-node-limit',
    titles: ['Simultaneous launches exhausted the cluster', 'Node pool limit reached', 'Pending pods during a traffic spike'],
    svc: ['launch service', 'build cluster', 'notebook service', 'CI runners'],
    code: 'timeout',
    symptom: 'launch timeouts and many pending pods',
    detect: ['We heard reports from users that launches were broken or slow.', 'The pending-pods alert fired for the production cluster.'],
    investigate: ['Noted there were many pending pods waiting for a node.', 'Checked the cluster autoscaler logs; it reported the node pool at its maximum size.', 'Looked at the build queue, which had spiked at the same time.'],
    misleading: ['Assumed the image registry was slow because image pulls took minutes.', 'Blamed the new placeholder pod configuration.'],
    cause: 'Two large events launched at the same time. The node pool reached its upper limit, and the placeholder pods that normally trigger early scale-up were already consumed.',
    trigger: 'Two tutorials with more than 100 users each starting at the same time.',
    fix: ['Increased the node pool limit.', 'Increased the number of placeholder pods for the duration of the event.'],
    actions: ['Show the node limit as a threshold on the capacity dashboard', 'Add a checklist step to quota increase requests', 'Decrease the launch timeout to 5 minutes', 'Consider dedicated nodes for large events'],
    snippets: [
      { lang: 'yaml', body: 'scheduling:\n  userPlaceholder:\n    enabled: true\n    replicas: 40\ncluster:\n  nodePools:\n    user:\n      minNodes: 3\n      maxNodes: 12' },
    ],
  },
  {
    key: 'conn-pool',
    titles: ['Connection pool exhaustion', 'Checkout failures', 'Database queries piling up'],
    svc: ['checkout service', 'payments API', 'order service'],
    code: 504,
    symptom: 'HTTP 504 Gateway Timeout for checkout requests',
    detect: ['The checkout success rate SLO alert fired.', 'Customer support reported a surge of failed payments.'],
    investigate: ['Database CPU was low, but active connections were at the pool maximum.', 'Traced a slow endpoint that held a connection while calling a third-party API.', 'Reviewed the release notes of the deploy that went out an hour earlier.'],
    misleading: ['Suspected the payment provider and opened a ticket with them.', 'Scaled up the database instance, which had no effect.'],
    cause: 'A new fraud check called an external API inside a database transaction. When the external API slowed down, every request held its connection for seconds and the pool of 20 connections was exhausted.',
    trigger: 'Latency increase at the fraud check provider.',
    fix: ['Disabled the fraud check with a feature flag.', 'Moved the external call outside the transaction and redeployed.'],
    actions: ['Never hold a database connection across network calls (lint rule)', 'Add a pool saturation dashboard and alert', 'Set a 2 second timeout on the fraud check client', 'Add the fraud check provider to the dependency map'],
    snippets: [
      { lang: 'python', body: 'with db.transaction() as tx:\n    order = tx.create_order(cart)\n    # BUG: network call while holding the connection\n    verdict = fraud_client.check(order, timeout=None)\n    tx.update_order(order.id, verdict=verdict)' },
    ],
  },
  {
    key: 'redis-eviction',
    titles: ['Cache stampede after Redis failover', 'Slow pages after cache flush', 'Redis eviction storm'],
    svc: ['product catalog', 'session store', 'feed service'],
    code: 503,
    symptom: 'very slow pages and 503 errors under load',
    detect: ['Latency alert for the p99 of the catalog API fired.', 'The on-call engineer saw the database CPU at 100%.'],
    investigate: ['Redis reported a cache hit ratio near zero.', 'Found a failover event in the Redis logs a few minutes before the alert.', 'Checked `maxmemory-policy` on the new primary.'],
    misleading: ['Rolled back the latest deploy on the assumption that it caused the slowdown.', 'Suspected a bad query plan after statistics were updated.'],
    cause: 'After an automatic failover the new Redis primary started empty and every request went to the database at once. The database could not serve the burst of identical queries.',
    trigger: 'A scheduled maintenance event on the cache cluster.',
    fix: ['Put the site into read-only mode and warmed the cache with a script.', 'Enabled request coalescing for catalog lookups.'],
    actions: ['Add request coalescing to all cache lookups', 'Warm the cache before failing over', 'Alert on cache hit ratio below 80%', 'Document the failover procedure'],
    snippets: [
      { lang: '', body: '1:S 14 Mar 2023 09:12:04.117 * MASTER <-> REPLICA sync started\n1:M 14 Mar 2023 09:12:05.021 # Failover election won\n1:M 14 Mar 2023 09:12:05.022 # configEpoch set to 7 after successful failover' },
    ],
  },
  {
    key: 'bad-flag',
    titles: ['Bad feature flag rollout', 'Broken sign-in after release', 'Dashboard login failures'],
    svc: ['dashboard', 'mobile app backend', 'sign-in service'],
    code: 401,
    symptom: 'users unable to sign in to their dashboard',
    detect: ['Some users opened tickets that they could not sign in to their dashboard.', 'The login success rate dropped on the product dashboard.'],
    investigate: ['A customer representative reviewed the ticket and reproduced the issue.', 'Investigated the controllers and views for inconsistencies.', 'The console error indicated the model was raising an error while talking to the database.'],
    misleading: ['Checked that the views were validating form fields correctly, which was not the cause.', 'Assumed the identity provider was down.'],
    cause: 'A misspelled column name in the new database model, shipped with a feature flag that was enabled for everyone instead of 5% of users.',
    trigger: 'Release of the new profile model.',
    fix: ['Turned the feature flag off.', 'Corrected the misspelling and pushed a new build.'],
    actions: ['Set up a CI pipeline that runs the test suite on every pull request', 'Require a staged rollout for feature flags', 'Add monitoring for login success rate', 'Write tests for each new model before merging'],
    snippets: [
      { lang: 'diff', body: '-    last_sigin_at = models.DateTimeField(null=True)\n+    last_signin_at = models.DateTimeField(null=True)' },
    ],
  },
  {
    key: 'firewall',
    titles: ['Firewall change blocked all traffic', '403 errors for all users', 'Load balancer firewall incident'],
    svc: ['load balancer', 'content API', 'subscriber site'],
    code: 403,
    symptom: 'HTTP 403 errors for all requests',
    detect: ['The on-call management system reported that the site was not responding.', 'Subscribers complained on social media that they were denied access.'],
    investigate: ['Checked the load balancer health and the backend servers.', 'Listed the firewall rules with `ufw status numbered`.', 'Escalated to other engineers to check the network path.'],
    misleading: ['Suspected expired subscriber tokens.', 'Restarted the web servers.'],
    cause: 'While the load balancer was being tuned, the firewall configuration was changed so that all ports except 22 were blocked.',
    trigger: 'Manual tuning of the load balancer.',
    fix: ['Configured the firewall to allow ports 80 and 443 again.', 'Removed unused rules from the firewall.'],
    actions: ['Keep firewall configuration in version control', 'Add an external HTTP check that pages on 403 spikes', 'Review firewall rules every quarter'],
    snippets: [
      { lang: 'sh', body: '$ sudo ufw status numbered\nStatus: active\n     To                         Action      From\n     --                         ------      ----\n[ 1] 22/tcp                     ALLOW IN    Anywhere\n$ sudo ufw allow 80/tcp && sudo ufw allow 443/tcp' },
    ],
  },
  {
    key: 'ci-billing',
    titles: ['Broken deploys with no CI budget', 'CI pipeline down', 'Deploys blocked by Terraform state'],
    svc: ['deploy pipeline', 'CI system', 'release process'],
    code: 'n/a',
    symptom: 'all CI workflows failing and deploys blocked',
    detect: ['A hotfix was ready, but all GitHub checks were failing.', 'Developers reported that no workflows had run for hours.'],
    investigate: ['Found payment failure messages below the fold on the workflow summary screen.', 'The Terraform plan showed important resources would be destroyed.', 'Discovered the Terraform state had been altered outside Terraform Cloud.'],
    misleading: ['Assumed this was a GitHub-wide outage.', 'Thought the runner image had been removed.'],
    cause: 'The organization ran out of Actions budget, and separately a `terraform import` run from a pull request branch left the shared state out of sync with the configuration on `main`.',
    trigger: 'Billing limit reached at the start of the month.',
    fix: ['Built and uploaded the Docker images manually.', 'Restored the last in-sync Terraform state through the API.'],
    actions: ['Set up billing alerts for CI spend', 'Document an on-call escalation path for ops issues', 'Never run `terraform import` against shared state', 'Lock Terraform state while pull requests are open'],
    snippets: [
      { lang: 'sh', body: '$ terraform plan\n  # aws_security_group.bastion will be destroyed\n  - resource "aws_security_group" "bastion" {\nPlan: 0 to add, 0 to change, 1 to destroy.' },
    ],
  },
  {
    key: 'queue-lag',
    titles: ['Notification delays', 'Kafka consumer lag', 'Queue backlog delayed e-mails'],
    svc: ['notification pipeline', 'event bus', 'billing worker'],
    code: 'lag',
    symptom: 'e-mails and push notifications delayed by up to two hours',
    detect: ['The consumer lag alert fired for the notifications topic.', 'Support reported that password reset e-mails were not arriving.'],
    investigate: ['Consumer group lag was growing on every partition.', 'Found one poison message that made consumers crash and restart.', 'Checked broker health, which was fine.'],
    misleading: ['Added more consumers, which made rebalancing worse.', 'Suspected the e-mail provider.'],
    cause: 'A malformed message with a 12 MB payload made the consumer crash on deserialization. Each restart triggered a group rebalance, so no partition made progress.',
    trigger: 'A bulk import produced the oversized message.',
    fix: ['Skipped the poison message by moving the consumer offset.', 'Deployed a consumer that sends undecodable messages to a dead-letter topic.'],
    actions: ['Add a dead-letter topic for every consumer', 'Limit message size at the producer', 'Alert on consumer restarts', 'Write a runbook for skipping poison messages'],
    snippets: [
      { lang: 'sh', body: '$ kafka-consumer-groups --bootstrap-server kafka:9092 --describe --group notifier\nTOPIC          PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG\nnotifications  0          1822911         1901277         78366\nnotifications  1          1822870         1901190         78320' },
    ],
  },
  {
    key: 'symlink',
    titles: ['"Hello World" update failure', 'Stale home page after update', 'Broken symlink in sites-enabled'],
    svc: ['home page', 'landing page'],
    code: 200,
    symptom: 'the old home page content being served',
    detect: ['Customer support received a complaint that the new home page was not appearing.', 'The content check in monitoring failed.'],
    investigate: ['Confirmed the home page was serving the old string.', 'Verified the file in `sites-available` had been updated.', 'Found that the file in `sites-enabled` was a copy, not a symbolic link.'],
    misleading: ['Suspected the CDN cache and purged it.', 'Checked the deploy script logs, which reported success.'],
    cause: 'GNU `sed -i` had been used on the file in `sites-enabled` months earlier, which replaced the symbolic link with a regular file. The new deploy script edited `sites-available` and never verified the link.',
    trigger: 'Scheduled content update.',
    fix: ['Replaced the file in `sites-enabled` with a symbolic link.', 'Restarted the web server and confirmed the new content.'],
    actions: ['Make the deploy script recreate the symlink every time it runs', 'Add a README in `sites-enabled`', 'Update training materials for new hires'],
    snippets: [
      { lang: 'sh', body: '$ ls -l /etc/nginx/sites-enabled/\n-rw-r--r-- 1 root root 812 Jan 17 14:51 default\n$ sudo ln -sf /etc/nginx/sites-available/default /etc/nginx/sites-enabled/default\n$ sudo service nginx restart' },
    ],
  },
  {
    key: 'third-party',
    titles: ['Payment provider outage', 'Card payments failing', 'Upstream provider degradation'],
    svc: ['payments', 'checkout', 'SMS delivery'],
    code: 502,
    symptom: 'card payments failing with a generic error',
    detect: ['The payment success rate dropped below 90%.', 'Merchants reported failed transactions.'],
    investigate: ['Error responses from the provider contained `upstream_unavailable`.', 'Checked the provider status page, which was still green.', 'Confirmed other regions were unaffected.'],
    misleading: ['Assumed our API keys had been rotated.', 'Looked for a bad deploy on our side.'],
    cause: 'The payment provider had a regional outage. Our integration had no fallback provider and retried aggressively, which increased latency for the whole checkout.',
    trigger: 'Provider outage.',
    fix: ['Reduced retries and showed a friendly error message.', 'Switched card processing to the secondary provider.'],
    actions: ['Implement automatic failover to the secondary provider', 'Add a circuit breaker around the payment client', 'Subscribe the on-call channel to the provider status feed'],
    snippets: [
      { lang: 'json', body: '{\n  "error": {\n    "type": "api_error",\n    "code": "upstream_unavailable",\n    "message": "The upstream service is temporarily unavailable."\n  }\n}' },
    ],
  },
  {
    key: 'secret-rotation',
    titles: ['Expired API credentials', 'Scraper silently failing', 'Integration broke after secret rotation'],
    svc: ['scraper', 'sync job', 'import service', 'reporting pipeline'],
    code: 401,
    symptom: 'HTTP 401 errors, so the background job silently imported nothing',
    detect: ['Someone noticed that no new records had arrived for a week.', 'The daily report was empty.'],
    investigate: ['Job logs showed HTTP 401 responses that were logged at debug level only.', 'The credentials in the secret store had been rotated eight days earlier.', 'Checked whether the job had been running at all.'],
    misleading: ['Suspected the upstream site had changed its markup.', 'Restarted the job twice.'],
    cause: 'The credentials were rotated in the secret store, but the job read them only at start-up and did not treat authentication failures as errors.',
    trigger: 'Scheduled credential rotation.',
    fix: ['Restarted the job with the new credentials.', 'Backfilled the missing days.'],
    actions: ['Treat 401 responses as errors and alert on them', 'Alert when a job imports zero records for 24 hours', 'Reload secrets without restarting', 'Add the job to the rotation checklist'],
    snippets: [
      { lang: '', body: '2019-02-20T23:00:03Z DEBUG fetch page=1 status=401\n2019-02-20T23:00:03Z INFO  import finished records=0 duration=0.41s' },
    ],
  },
  {
    key: 'backup-lock',
    titles: ['Nightly backup locked the database', 'Slow API during backup window', 'Cron job overload'],
    svc: ['reporting API', 'admin panel', 'customer API'],
    code: 504,
    symptom: 'timeouts for most write requests',
    detect: ['Write latency alert fired for the primary database.', 'The overnight on-call was paged for 504 errors.'],
    investigate: ['Found long-running `LOCK TABLES` statements in the process list.', 'Matched the start time with the backup cron job.', 'Saw two backup jobs running because the schedule was duplicated.'],
    misleading: ['Suspected a noisy batch import.', 'Thought the replica lag alert was the cause instead of a symptom.'],
    cause: 'The backup job was added to cron twice during a server migration. Two concurrent `mysqldump` runs without `--single-transaction` locked tables for minutes at a time.',
    trigger: 'Nightly backup schedule.',
    fix: ['Killed the duplicate backup job.', 'Switched backups to `--single-transaction` and a replica.'],
    actions: ['Run backups from a replica', 'Manage cron jobs with configuration management only', 'Alert on table lock wait time'],
    snippets: [
      { lang: 'sh', body: '$ crontab -l | grep dump\n0 0 * * * /usr/local/bin/backup.sh\n0 0 * * * /usr/local/bin/backup.sh\n$ mysqldump --single-transaction --quick --all-databases > /backup/all.sql' },
    ],
  },
];

// ----------------------------------------------------------- phrase bank ---

const FILLER = [
  'This incident was severe enough to be worth a report, but it also exposed gaps in how we respond outside business hours.',
  'We want to be transparent about what happened and what we are changing as a result.',
  'Several teams were involved, and coordination happened in the incident channel.',
  'The problem was not immediately obvious because most alerts were side-effects of the actual issue.',
  'We were lucky that the incident happened during a low-traffic period.',
  'Logs provided useful information once we knew where to look.',
  'Communication with customers happened through the status page and social media.',
  'The on-call engineer followed the runbook, but the runbook did not cover this case.',
  'Debugging was complicated by the fact that we changed several things at the same time.',
  'We will only deploy emergency hotfixes until the underlying issue is resolved.',
  'This was a big breaking change that required us to kick users out, which we should try to avoid.',
  'Monitoring quickly alerted us, but the alert went to a channel that nobody was watching.',
  'We apologize to everyone who was affected and thank you for your patience.',
  'In hindsight the warning signs were visible in the dashboards for several days.',
  'The fix itself was small; finding it took most of the time.',
  'Nobody was paged for the first part of the incident because the error rate stayed below the alert threshold.',
  'Our metrics did not reflect the failures users experienced, which delayed the response.',
  'The incident commander rotated after two hours to avoid fatigue.',
  'Customer support handled a large number of tickets during the outage.',
  'No data was lost, but some requests had to be retried by clients.',
];

const WENT_WELL = ['Monitoring alerted us before most users noticed.', 'The team was able to divide up work effectively.', 'Rollback was fast and well rehearsed.', 'Logging and tooling made the cause clear once we looked.', 'Status page updates went out quickly.', 'The runbook covered the first mitigation step.'];
const WENT_WRONG = ['Only one person saw the alerts.', 'The incident was a result of a problem we knew was coming.', 'Escalation took too long.', 'There were no automated post-deployment tests.', 'We changed too many things at once.', 'Alerts fired on symptoms, not on the cause.', 'The on-call engineer did not have access to the cloud console.'];
const LUCKY = ['A team member happened to be online late.', 'Traffic was low because of a public holiday.', 'A backup from the previous night was available.'];

const IMPACT_TEXT = [
  'Approximately {pct}% of users were affected.',
  'About {pct}% of requests failed during the incident.',
  '{pct}% of users experienced {symptom}.',
  'Users experienced {symptom}; we estimate {pct}% of traffic was affected.',
  'All users, which is pretty much everyone, saw {symptom}. {pct}% of users affected.',
];

// --------------------------------------------------------- incident model ---

function lc(s) {
  // lower-case a sentence start unless it is an acronym or code ("DNS", "GNU", "`x`")
  return /^[A-Z](?:[a-z]|\s)/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function firstSentence(s) {
  return s.split('. ')[0].replace(/\.$/, '') + '.';
}

function fill(s, ctx) {
  return s.replace(/\{(\w+)\}/g, (m, k) => (ctx[k] !== undefined ? String(ctx[k]) : m));
}

function buildIncident(rng, idx) {
  const sc = rng.pick(SCENARIOS);
  const svc = rng.pick(sc.svc);
  const people = rng.sample(PEOPLE, rng.int(2, 5));
  const ctx = { svc, code: sc.code, n1: people[0], n2: people[1], pct: rng.pick([5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 78, 80, 90, 100]), symptom: sc.symptom };
  const day = rng.int(EPOCH_START, EPOCH_END);
  const zone = rng.weighted(ZONES.map((z) => [z, z.w]));
  const duration = rng.weighted([
    [rng.int(5, 30), 2],
    [rng.int(30, 180), 6],
    [rng.int(180, 600), 3],
    [rng.int(600, 1800), 1],
    [rng.int(2880, 8000), 0.4],
  ]);
  const start = rng.int(0, 1439);
  const title = fill(rng.pick(sc.titles), ctx);
  const severity = rng.weighted([['SEV1', 1], ['SEV2', 3], ['SEV3', 4], ['SEV4', 2]]);
  return { idx, sc, svc, people, ctx, day, zone, duration, start, end: start + duration, title, severity };
}

function buildEvents(rng, inc, n) {
  const { sc, ctx, people } = inc;
  const texts = [];
  const f = (s) => fill(s, ctx);
  texts.push(f(rng.pick(sc.detect)));
  const pool = [];
  pool.push(`${rng.pick(people)} acknowledged the page and began investigating.`);
  for (const s of sc.investigate) pool.push(f(s));
  if (rng.chance(0.7)) pool.push(`Misleading path: ${f(rng.pick(sc.misleading))}`);
  pool.push(rng.pick([`Escalated to the ${rng.pick(['database', 'network', 'platform', 'security', 'SRE'])} team.`, `${people[0]} declared an incident and named ${people[1] || people[0]} incident commander.`, 'Incident escalated to the senior engineering team.']));
  pool.push(rng.pick(['Status page updated: investigating.', 'Customer support notified and a canned response prepared.', 'Posted an update in the incident channel.']));
  pool.push(`Root cause identified: ${lc(firstSentence(f(sc.cause)))}`);
  for (const s of sc.fix) pool.push(f(s));
  const extras = ['Checked dashboards for related anomalies.', 'Synthetic checks still failing from two regions.', 'Second engineer joined the call.', 'Shared findings in the incident channel.', 'Verified the change in the staging environment.', 'Error rate dropping, monitoring closely.', 'Confirmed no data loss in the affected tables.', 'Asked the vendor for more details.', 'Reviewed the deploy history for the last 24 hours.', 'Partial service restoration observed.'];
  const spare = rng.shuffle(extras.slice());
  while (pool.length < n - 2) {
    const e = spare.length ? spare.pop() : `${rng.pick(people)} ${rng.pick(['checked the dashboards again', 'posted a status update', 'paired with the on-call engineer', 'reviewed recent changes'])}.`;
    pool.splice(rng.int(1, pool.length), 0, e);
  }
  // keep investigation before fixes: pool is in a sensible order; drop extras from the middle if too long
  while (pool.length > n - 2 && pool.length > 2) pool.splice(rng.int(1, pool.length - 3), 1);
  texts.push(...pool);
  texts.push(rng.pick(['Full service restored; monitoring normal.', 'Verified the site was up and running with HTTP 200 responses.', 'Incident resolved.', 'Everything returned back to normal.', 'All errors stopped and the incident was closed.']));
  // times: first at start, last at end, sorted random offsets in between
  const k = texts.length;
  const offs = [0];
  for (let i = 1; i < k - 1; i++) offs.push(rng.int(1, Math.max(1, inc.duration - 1)));
  offs.sort((a, b) => a - b);
  if (k > 1) offs.push(inc.duration);
  // round to 5 minutes sometimes, like humans do
  const round5 = rng.chance(0.5);
  return texts.map((text, i) => {
    let t = inc.start + offs[i];
    if (round5 && i > 0 && i < k - 1) t = Math.round(t / 5) * 5;
    return { t, text };
  });
}

function buildActions(rng, inc, n) {
  const generic = ['Improve the incident response runbook', 'Add the service to the weekly reliability review', 'Write an end-to-end test that runs after every deploy', 'Set up Slack integrations so alerts are highly visible', 'Schedule a game day to rehearse this failure', 'Review on-call escalation paths', 'Update the architecture diagram'];
  const texts = rng.shuffle(inc.sc.actions.map((a) => fill(a, inc.ctx)));
  while (texts.length < n) texts.push(rng.pick(generic));
  const items = texts.slice(0, n).map((text) => {
    const owner = rng.pick(inc.people);
    const dueDay = inc.day + rng.int(3, 90);
    return {
      text,
      owner,
      handle: handleOf(owner),
      due: fmtDate(dueDay, 'iso'),
      done: rng.chance(0.35),
      type: rng.pick(['mitigate', 'prevent', 'process', 'detect', 'repair']),
      bug: rng.chance(0.6) ? `${rng.pick(ORGS)}/${rng.pick(REPOS)}#${rng.int(10, 4999)}` : null,
    };
  });
  return items;
}

// ---------------------------------------------------------------- render ---

function wrap(text, width) {
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join('\n');
}

function paragraph(rng, n, opts = {}) {
  const s = rng.sample(FILLER, n).join(' ');
  return opts.wrap ? wrap(s, opts.wrap) : s;
}

function slugify(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48) || 'incident';
}

/**
 * Document style decides how headings, timelines and action items look.
 * Profiles follow the real families in the sample corpus.
 */
const PROFILES = [
  ['alx', 30],
  ['plain', 9],
  ['incidentLog', 18],
  ['sre', 7],
  ['frontmatter', 18],
  ['numbered', 6],
  ['bold', 5],
  ['questions', 3],
  ['status', 2],
  ['blog', 1.5],
  ['template', 0.5],
];

const SIZE_CLASSES = [
  // [name, weight, timeline entries, action items, filler paragraphs, code blocks]
  ['tiny', 6, [0, 3], [0, 2], [0, 0], [0, 0]],
  ['small', 26, [3, 6], [2, 4], [0, 1], [0, 0]],
  ['medium', 46, [6, 10], [3, 6], [1, 2], [0, 1]],
  ['large', 16, [10, 18], [5, 9], [3, 6], [1, 3]],
  ['huge', 6, [18, 34], [8, 14], [8, 16], [3, 5]],
];

class Doc {
  constructor(rng, style) {
    this.rng = rng;
    this.lines = [];
    this.style = style; // { heading: 'atx'|'atxColon'|'bold'|'plain'|'numbered'|'h1hr'|'setext', level, tight }
    this.secNo = 0;
  }
  raw(s) {
    this.lines.push(s);
  }
  blank() {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }
  block(s) {
    this.blank();
    this.lines.push(s);
    this.blank();
  }
  heading(text, depth = 0) {
    const st = this.style;
    const lvl = Math.min(6, st.level + depth);
    this.blank();
    switch (st.heading) {
      case 'atx': this.raw(`${'#'.repeat(lvl)} ${text}`); break;
      case 'atxColon': this.raw(`${'#'.repeat(lvl)} ${text}:`); break;
      case 'numbered':
        if (depth === 0) this.raw(`${'#'.repeat(lvl)} ${++this.secNo}. ${text}`);
        else this.raw(`${'#'.repeat(lvl)} ${text}`);
        break;
      case 'bold': this.raw(depth === 0 ? `**${text}**` : `**${text}:**`); break;
      case 'plain': this.raw(depth === 0 && this.rng.chance(0.5) ? text : `${text}:`); break;
      case 'h1hr': this.raw(`# ${text}`); this.raw(this.rng.pick(['***', '* * *', '---'])); break;
      case 'setext': this.raw(text); this.raw((depth === 0 ? '=' : '-').repeat(Math.max(3, text.length))); break;
      case 'atxRule': this.raw(`${'#'.repeat(lvl)} ${text}:`); this.raw('-'.repeat(text.length + 4)); break;
      default: this.raw(`## ${text}`);
    }
    if (!st.tight) this.raw('');
  }
  text() {
    let s = this.lines.join('\n').replace(/\n{4,}/g, '\n\n\n');
    return s;
  }
}

const SECTION_NAMES = {
  summary: ['Issue Summary', 'Summary', 'Incident Summary', 'Overview', 'Executive Summary'],
  timeline: ['Timeline', 'Events Timeline', 'Incident Timeline', 'Timeline of Events', 'Chronology'],
  rootCause: ['Root Cause', 'Root Causes', 'Root cause analysis', 'Cause'],
  rootCauseAndResolution: ['Root Cause and Resolution', 'Root Cause And Resolution', 'Root cause and resolution'],
  resolution: ['Resolution', 'Remediation', 'Mitigation'],
  actions: ['Corrective and Preventative Measures', 'Corrective and Preventive Measures', 'Corrective And Preventative Measures', 'Action Items', 'Follow-ups', 'Corrective/Preventative measures', 'Follow-up Actions', 'Next Steps', 'Corrective measures and prevention', 'Action items'],
  lessons: ['Lessons Learned', 'Lessons', 'Lessons learnt', 'Lessons and thoughts'],
  impact: ['Impact', 'User Impact', 'Customer Impact'],
  detection: ['Detection', 'How we found out'],
};

function tzPhrase(rng, zone) {
  return rng.pick([
    `All times in ${zone.label}.`,
    `All times in ${zone.label}`,
    `*(All times ${zone.label}, 24-hour clock.)*`,
    `_All times are ${zone.label}._`,
    `(all times ${zone.label})`,
  ]);
}

// ---- timeline renderers

function timeLabel(inc, ev, fmt) {
  const dayOff = Math.floor(ev.t / 1440);
  return { time: fmtTime(ev.t, fmt.clock), date: fmtDate(inc.day + dayOff, fmt.dateStyle), dayOff };
}

function renderTimeline(doc, inc, events, fmt) {
  const rng = doc.rng;
  const tz = inc.zone.label;
  const kind = fmt.timeline;
  const marker = fmt.marker;
  const multiDay = events.length && events[events.length - 1].t >= 1440;
  const withDate = (ev) => {
    const { time, date, dayOff } = timeLabel(inc, ev, fmt);
    return multiDay || fmt.alwaysDate ? `${date} ${time}` : time;
  };
  switch (kind) {
    case 'boldBullets': {
      const tzs = fmt.tzPerEntry ? ` ${fmt.tzParen ? `(${tz})` : tz}` : '';
      const colonIn = rng.chance(0.6);
      for (const ev of events) {
        const t = `${withDate(ev)}${tzs}`;
        doc.raw(colonIn ? `${marker} **${t}:** ${ev.text}` : `${marker} **${t}** - ${ev.text}`);
        if (fmt.loose) doc.raw('');
      }
      break;
    }
    case 'plainLines': {
      const sep = rng.pick([' - ', ' – ', ': ']);
      const hb = rng.chance(0.25) ? '  ' : '';
      for (const ev of events) {
        const { time, date } = timeLabel(inc, ev, fmt);
        const pre = fmt.alwaysDate ? `${date} ${time}` : time;
        doc.raw(`${pre}${fmt.tzPerEntry ? ` ${fmt.tzParen ? `(${tz})` : tz}` : ''}${sep}${ev.text}${hb}`);
      }
      break;
    }
    case 'dateBullets': {
      for (const ev of events) {
        const { time, date } = timeLabel(inc, ev, fmt);
        doc.raw(`${marker} ${date} ${time} ${tz} - ${ev.text}`);
      }
      break;
    }
    case 'h3': {
      let lastDay = -1;
      events.forEach((ev, i) => {
        const { time, date, dayOff } = timeLabel(inc, ev, fmt);
        const showDate = fmt.alwaysDate || dayOff !== lastDay;
        lastDay = dayOff;
        const approx = rng.chance(0.05) ? '~' : '';
        const label = fmt.h3Labels && rng.chance(0.6) ? ` - ${ev.text.split(/[.:;,]/)[0].slice(0, 40)}` : '';
        doc.blank();
        doc.raw(`${'#'.repeat(Math.min(6, Math.max(3, doc.style.level + 1)))} ${showDate ? `${date} ` : ''}${approx}${time}${label}`);
        doc.raw('');
        doc.raw(fmt.wrap ? wrap(ev.text, 80) : ev.text);
        if (fmt.extraProse && rng.chance(0.5)) {
          doc.raw('');
          doc.raw(paragraph(rng, rng.int(1, 3), { wrap: fmt.wrap ? 80 : 0 }));
        }
        if (fmt.snippetAt === i && inc.sc.snippets.length) {
          const sn = rng.pick(inc.sc.snippets);
          doc.raw('');
          doc.raw('```' + sn.lang);
          doc.raw(sn.body);
          doc.raw('```');
        }
      });
      break;
    }
    case 'table': {
      const first = timeLabel(inc, events[0] || { t: inc.start }, fmt);
      if (rng.chance(0.6)) doc.block(`${first.date} (*all times ${tz}*)`);
      const cols = rng.pick([['Time', 'Description'], [`Time (${tz})`, 'Event'], ['Time', 'Event', 'Who']]);
      doc.raw(`| ${cols.join(' | ')} |`);
      doc.raw(`| ${cols.map((c) => '-'.repeat(Math.max(3, c.length))).join(' | ')} |`);
      events.forEach((ev, i) => {
        let text = ev.text.replace(/\|/g, '\\|');
        if (i === 0 && rng.chance(0.5)) text = `**OUTAGE BEGINS** -- ${text}`;
        if (i === events.length - 1 && rng.chance(0.5)) text = `**OUTAGE ENDS**, ${text}`;
        const row = [withDate(ev), text];
        if (cols.length === 3) row.push(rng.pick(inc.people));
        doc.raw(`| ${row.join(' | ')} |`);
      });
      break;
    }
    case 'phaseLabels': {
      const phases = ['Issue Detection', 'Actions Taken', 'Investigation', 'Misleading Paths', 'Escalation', 'Mitigation', 'Resolution', 'Monitoring'];
      events.forEach((ev, i) => {
        const { time, date } = timeLabel(inc, ev, fmt);
        const ph = i === events.length - 1 ? 'Resolution' : phases[Math.floor((i * (phases.length - 2)) / Math.max(1, events.length - 1))];
        doc.raw(`${marker} **${ph} (${date}, ${time})**: ${ev.text}`);
        doc.raw('');
      });
      break;
    }
    case 'sentences': {
      events.forEach((ev, i) => {
        const time = fmtTime(ev.t, fmt.clock);
        const zoneTxt = rng.chance(0.6) ? ` ${tz}` : '';
        const t = ev.text.charAt(0).toLowerCase() + ev.text.slice(1);
        doc.raw(i > 0 && rng.chance(0.2) ? `${marker} ${ev.text.replace(/\.$/, '')} at ${time}${zoneTxt}.` : `${marker} At ${time}${zoneTxt}, ${t}`);
      });
      break;
    }
    case 'italic': {
      const br = rng.chance(0.5);
      events.forEach((ev, i) => {
        const time = fmtTime(ev.t, fmt.clock);
        if (br) {
          doc.raw(`*${time}*: ${ev.text}${i < events.length - 1 ? '<br />' : ''}`);
          if (i < events.length - 1) doc.raw('\\\\\\\\');
        } else doc.raw(`${marker} *${time} ${tz}* - ${ev.text}`);
      });
      break;
    }
    case 'paragraphs': {
      for (const ev of events) {
        doc.raw(`${fmtTime(ev.t, fmt.clock)} - ${ev.text}`);
        doc.raw('');
      }
      break;
    }
    case 'noTimes': {
      const sc = inc.sc;
      const f = (x) => fill(x, inc.ctx);
      const first = events[0] ? fmtTime(events[0].t, fmt.clock) : fmtTime(inc.start, fmt.clock);
      const last = events.length ? fmtTime(events[events.length - 1].t, fmt.clock) : fmtTime(inc.end, fmt.clock);
      doc.raw(`Detection: ${f(sc.detect[0]).replace(/\.$/, '')} at ${first}.`);
      doc.raw(`Actions Taken: ${f(sc.investigate.join(' '))}`);
      doc.raw(`Misleading Paths: ${f(rng.pick(sc.misleading))}`);
      doc.raw(`Escalation: The incident was escalated to the ${rng.pick(['security team', 'network operations center', 'database team', 'platform team'])}.`);
      doc.raw(`Resolution: ${f(sc.fix.join(' '))} The service returned to normal at ${last}.`);
      break;
    }
    default:
      for (const ev of events) doc.raw(`- ${fmtTime(ev.t, fmt.clock)} ${ev.text}`);
  }
}

// ---- action item renderers

function renderActions(doc, inc, items, kind, fmt) {
  const rng = doc.rng;
  const m = fmt.marker;
  if (!items.length) return;
  switch (kind) {
    case 'bullets':
      for (const it of items) doc.raw(`${m} ${it.text}${it.done && rng.chance(0.5) ? rng.pick([' (Accomplished.)', ' **(Done during this incident)**', ' (DONE)']) : ''}`);
      break;
    case 'nestedGroups': {
      const half = Math.max(1, Math.ceil(items.length / 2));
      const groups = rng.pick([['Corrective Actions', 'Preventative Measures'], ['Improvements/Fixes', 'Specific Tasks'], ['Short term', 'Long term']]);
      doc.raw(`${m} **${groups[0]}:** `);
      for (const it of items.slice(0, half)) doc.raw(`  ${m} ${it.text}.`);
      if (items.length > half) {
        doc.raw('');
        doc.raw(`${m} **${groups[1]}:**`);
        for (const it of items.slice(half)) doc.raw(`  ${m} ${it.text}.`);
      }
      break;
    }
    case 'boldGroups': {
      const half = Math.max(1, Math.ceil(items.length / 2));
      doc.raw(rng.pick(['**Improvements:**', '**Improvements and Fixes:**', '**Improvements/Fixes:**']));
      items.slice(0, half).forEach((it, i) => doc.raw(rng.chance(0.6) ? `${i + 1}. **${rng.pick(['Monitoring', 'Configuration Review', 'Testing', 'Scalability', 'Automation', 'Documentation', 'Alerting', 'Process'])}:** ${it.text}.` : `${i + 1}. ${it.text}.`));
      if (items.length > half) {
        doc.raw('');
        doc.raw('**Tasks:**');
        for (const it of items.slice(half)) doc.raw(`${m} ${it.text}${rng.chance(0.3) ? ` ETA: ${rng.int(1, 6)} weeks` : ''}`);
      }
      break;
    }
    case 'taskList':
      for (const it of items) {
        const due = rng.chance(0.7) ? rng.pick([`, due ${it.due}`, ` (due: ${it.due})`, ` — due ${it.due}`]) : '';
        const link = it.bug && rng.chance(0.4) ? ` ${it.bug}` : '';
        doc.raw(`- [${it.done ? 'x' : ' '}] ${it.text} @${it.handle}${due}${link}`);
      }
      break;
    case 'ownerTable': {
      const cols = rng.pick([['Action', 'Owner', 'Due', 'Status'], ['Action Item', 'Owner', 'Due Date'], ['#', 'Task', 'Owner', 'Due', 'Ticket']]);
      doc.raw(`| ${cols.join(' | ')} |`);
      doc.raw(`|${cols.map(() => rng.pick(['---', ' --- ', ':---'])).join('|')}|`);
      items.forEach((it, i) => {
        const row = cols.map((c) => {
          switch (c) {
            case '#': return String(i + 1);
            case 'Action': case 'Action Item': case 'Task': return it.text;
            case 'Owner': return rng.chance(0.7) ? `@${it.handle}` : it.owner;
            case 'Due': case 'Due Date': return it.due;
            case 'Status': return it.done ? 'Done' : rng.pick(['Open', 'In progress', 'TODO']);
            case 'Ticket': return it.bug || 'n/a';
            default: return '';
          }
        });
        doc.raw(`| ${row.join(' | ')} |`);
      });
      break;
    }
    case 'sreTable':
      doc.raw('| Action Item | Type | Owner | Bug |');
      doc.raw('| ----------- | ---- | ----- | --- |');
      for (const it of items) doc.raw(`| ${it.text} | ${it.type} | ${it.handle} | ${it.bug ? `Bug ${1000000 + (hash32(it.bug) % 8999999)}` : 'n/a'} **${it.done ? 'DONE' : 'TODO'}** |`);
      break;
    case 'mentions':
      for (const it of items) doc.raw(`- @${it.handle} will ${it.text.charAt(0).toLowerCase()}${it.text.slice(1)}`);
      break;
    case 'numberedGroups': {
      const groups = rng.sample(['Process', 'Deployment', 'Monitoring', 'Documentation', 'Code and Configuration changes', inc.svc.replace(/^\w/, (c) => c.toUpperCase())], rng.int(1, 3));
      let gi = 0;
      let n = 0;
      const per = Math.ceil(items.length / groups.length);
      items.forEach((it, i) => {
        if (i % per === 0) {
          doc.heading(groups[gi++] || 'Other', 1);
          n = 0;
        }
        const [org, rest] = (it.bug || `${rng.pick(ORGS)}/${rng.pick(REPOS)}#${rng.int(10, 999)}`).split('/');
        const [repo, num] = rest.split('#');
        doc.raw(`${++n}. ${it.text}.${rng.chance(0.2) ? ' (DONE)' : ''}`);
        doc.raw(`   [Issue](https://github.com/${org}/${repo}/issues/${num})`);
      });
      break;
    }
    case 'plainLines':
      for (const it of items) doc.raw(rng.chance(0.4) ? `${rng.pick(['Monitoring', 'Process', 'Testing', 'Tooling', 'Documentation', 'Training', 'Configuration'])}: ${it.text}.` : `${it.text}.`);
      break;
    case 'emoji':
      for (const it of items) doc.raw(`${m} ${rng.pick(['🗒', '✅', '🔧', '📌'])} ${it.text}.`);
      break;
    default:
      for (const it of items) doc.raw(`- ${it.text}`);
  }
}

// ---- front matter

function renderFrontMatter(rng, inc, defect) {
  const z = inc.zone;
  const zulu = rng.chance(0.4);
  const lines = ['---'];
  const q = rng.chance(0.5) ? '"' : '';
  lines.push(`title: ${q}${inc.title.replace(/"/g, "'")}${q}`);
  if (rng.chance(0.3)) lines.push(`id: INC-${1000 + inc.idx}`);
  lines.push(`severity: ${rng.chance(0.85) ? inc.severity : inc.severity.toLowerCase()}`);
  if (rng.chance(0.85)) {
    const st = isoStamp(inc.day, inc.start, z.off, zulu);
    lines.push(rng.chance(0.3) ? `start: '${st}'` : `start: ${st}`);
    lines.push(`end: ${isoStamp(inc.day, inc.end, z.off, zulu)}`);
  } else {
    lines.push(`date: ${fmtDate(inc.day, 'iso')}`);
  }
  if (rng.chance(0.7)) lines.push(`timezone: ${rng.chance(0.7) ? z.iana : z.label}`);
  if (rng.chance(0.5)) lines.push(`status: ${rng.pick(['draft', 'in-review', 'published', 'final'])}`);
  if (rng.chance(0.5)) {
    lines.push('authors:');
    for (const p of inc.people.slice(0, rng.int(1, 3))) lines.push(`  - ${handleOf(p)}`);
  }
  if (rng.chance(0.4)) lines.push(`services: [${inc.svc.replace(/ /g, '-')}]`);
  if (rng.chance(0.3)) lines.push(`tags: [${rng.sample(['outage', 'database', 'network', 'deploy', 'security', 'capacity', 'customer-facing'], rng.int(1, 3)).join(', ')}]`);
  if (defect === 'brokenFrontMatter') {
    const how = rng.int(0, 3);
    if (how === 0) lines.splice(1, 1, `title: "${inc.title.replace(/"/g, "'")}`); // unterminated quote
    else if (how === 1) lines.splice(2, 0, 'severity: [SEV2'); // unclosed flow sequence
    else if (how === 2) lines.splice(lines.length, 0, 'timezone:\tUTC', '  bad-indent: true'); // tab + bad indentation
    else lines.splice(2, 0, `start: ${fmtDate(inc.day, 'iso')}T25:61:00Z`, 'start: duplicate');
    if (rng.chance(0.3)) return lines.join('\n') + '\n'; // and never closed
  }
  lines.push('---');
  return lines.join('\n') + '\n';
}

// ---- helpers shared by profiles

function summaryBullets(doc, inc, fmt, labels) {
  const rng = doc.rng;
  const z = inc.zone.label;
  const s = fmtTime(inc.start, fmt.clock);
  const e = fmtTime(inc.end, fmt.clock);
  const dS = fmtDate(inc.day, fmt.dateStyle);
  const dE = fmtDate(inc.day + Math.floor(inc.end / 1440), fmt.dateStyle);
  const sameDay = dS === dE;
  const durTxt = durationText(inc.duration, rng);
  const dur = rng.weighted([
    [sameDay ? `${dS}, ${s} - ${e} ${rng.chance(0.5) ? `(${z})` : z} (${durTxt})` : `${dS}, ${s} - ${dE}, ${e} (${z})`, 5],
    [`Outage from ${dS} ${s} ${z} to ${dE} ${e} ${z} (${durTxt}).`, 2],
    [`${durTxt}`, 1],
    [`${dS}, from ${s} to ${e} ${z}`, 2],
    [fmtDate(inc.day, 'long'), 0.5], // date only (real sample does this)
  ]);
  const impact = fill(rng.pick(IMPACT_TEXT), inc.ctx);
  const cause = fill(inc.sc.cause, inc.ctx).split('. ')[0].replace(/\.$/, '') + '.';
  const m = fmt.marker;
  const rows = [[labels.duration, dur], ['Impact', impact], ['Root Cause', cause]];
  if (rng.chance(0.3)) rows.splice(1, 0, ['Start Time', `${dS}, ${s} (${z})`], ['End Time', `${dE}, ${e} (${z})`]);
  const boldColonIn = rng.chance(0.7);
  for (const [k, v] of rows) {
    if (fmt.summaryStyle === 'hardbreak') {
      doc.raw(`**${k}:**  `);
      doc.raw(v);
      doc.raw('');
    } else doc.raw(boldColonIn ? `${m} **${k}:** ${v}` : `${m} **${k}**: ${v}`);
  }
}

function summaryProse(rng, inc, fmt) {
  const z = inc.zone.label;
  const s = fmtTime(inc.start, fmt.clock);
  const e = fmtTime(inc.end, fmt.clock);
  const d = fmtDate(inc.day, fmt.dateStyle);
  const sym = inc.sc.symptom;
  const opener = rng.pick([
    `On ${d}, from ${s} to ${e} ${z}, the ${inc.svc} returned ${sym}.`,
    `Between ${s} and ${e} ${z} on ${d}, requests to the ${inc.svc} resulted in ${sym}.`,
    `From ${s} to ${e} ${z}, requests to our servers received ${sym}.`,
    `Commencing at ${s} (${z}) on ${d}, and concluding at ${e} (${z}), the ${inc.svc} experienced ${sym}.`,
    `At ${s} ${z}, the ${inc.svc} started returning ${sym}, until ${e} ${z}.`,
    `During the incident, the ${inc.svc} was unavailable for ${durationText(inc.duration, rng)}.`,
  ]);
  const impact = fill(rng.pick(IMPACT_TEXT), inc.ctx);
  const cause = `The root cause was ${rng.chance(0.3) ? 'that ' : ''}${lc(firstSentence(fill(inc.sc.cause, inc.ctx)))}`;
  return `${opener} ${impact} ${cause}`;
}

function codeBlock(doc, rng, inc, i = 0) {
  if (i >= inc.sc.snippets.length) {
    bigLogBlock(doc, rng, inc, rng.int(6, 20));
    return;
  }
  const sn = inc.sc.snippets[i];
  doc.blank();
  const fence = rng.chance(0.9) ? '```' : '~~~';
  doc.raw(fence + (rng.chance(0.8) ? sn.lang : ''));
  doc.raw(sn.body);
  doc.raw(fence);
  doc.blank();
}

function bigLogBlock(doc, rng, inc, lines) {
  doc.blank();
  doc.raw('```');
  const lv = ['INFO', 'WARN', 'ERROR', 'DEBUG'];
  for (let i = 0; i < lines; i++) {
    const t = inc.start + Math.floor((i * inc.duration) / Math.max(1, lines));
    const d = fmtDate(inc.day + Math.floor(t / 1440), 'iso');
    doc.raw(`${d}T${fmtTime(t, { h24: true, pad: true })}:${p2(rng.int(0, 59))}.${String(rng.int(0, 999)).padStart(3, '0')}Z ${rng.pick(lv)} [${inc.svc.replace(/ /g, '-')}] ${rng.pick(['request failed', 'upstream timeout', 'retrying', 'health check failed', 'connection reset by peer', 'pool exhausted', 'recovered', 'slow response'])} id=${rng.int(100000, 999999)} latency_ms=${rng.int(3, 30000)}`);
  }
  doc.raw('```');
  doc.blank();
}

function lessons(doc, inc, fmt) {
  const rng = doc.rng;
  doc.heading(rng.pick(SECTION_NAMES.lessons));
  const sub = fmt.sectionDepthSub;
  doc.heading(rng.pick(['What went well', 'What Went Well']), sub);
  for (const s of rng.sample(WENT_WELL, rng.int(1, 3))) doc.raw(`${fmt.marker} ${s}`);
  doc.heading(rng.pick(['What went wrong', 'What Went Wrong']), sub);
  for (const s of rng.sample(WENT_WRONG, rng.int(1, 3))) doc.raw(`${fmt.marker} ${s}`);
  if (rng.chance(0.4)) {
    doc.heading('Where we got lucky', sub);
    for (const s of rng.sample(LUCKY, rng.int(1, 2))) doc.raw(`${fmt.marker} ${s}`);
  }
}

// ---- profiles

function renderDocument(rng, inc, profile, size, defects) {
  const [, , tlR, aiR, fillR, codeR] = size;
  const nEvents = rng.int(tlR[0], tlR[1]);
  const nActions = rng.int(aiR[0], aiR[1]);
  const nFill = rng.int(fillR[0], fillR[1]);
  const nCode = rng.int(codeR[0], codeR[1]);
  let events = nEvents > 0 ? buildEvents(rng, inc, Math.max(2, nEvents)) : [];
  const actions = buildActions(rng, inc, nActions);

  const has = (d) => defects.includes(d);
  if (has('outOfOrder') && events.length >= 3) {
    const i = rng.int(1, events.length - 2);
    const j = Math.min(events.length - 1, i + 1);
    [events[i].text, events[j].text] = [events[j].text, events[i].text];
    // move the later entry before the earlier one in time
    events[j].t = events[i].t - rng.int(10, 90);
  }
  let todoNote = null;
  if (has('todo')) {
    const where = rng.int(0, 3);
    if (where === 0 && actions.length) actions[rng.int(0, actions.length - 1)].text = rng.pick(['TODO', 'TBD', 'TODO: fill in', '???']);
    else if (where === 1 && actions.length) {
      Object.assign(actions[0], { owner: 'TODO', handle: 'TODO', due: 'TBD' });
      actions[0].text += rng.pick([' (owner: TODO)', ' - owner TBD', ' (TODO: assign owner)']);
    } else if (where === 2 && events.length) events[rng.int(0, events.length - 1)].text = rng.pick(['TODO: describe what happened here', 'TBD', '<!-- TODO -->', 'XXX fill in later']);
    else todoNote = rng.pick(['TODO: add the root cause analysis once the vendor replies.', 'TODO: fill in impact numbers', '**TBD** - timeline still being reconstructed', '<!-- TODO: action items -->']);
  }
  const missing = has('missingSection') ? rng.pick(['timeline', 'rootCause', 'actions', 'summary']) : null;
  const skip = (s) => missing === s;
  if (has('endBeforeStart')) inc = { ...inc, end: inc.start - rng.int(15, 120) };

  const clock = rng.chance(0.5)
    ? { h24: true, pad: rng.chance(0.8) }
    : { h24: false, pad: rng.chance(0.25), lower: rng.chance(0.1), hourOnly: rng.chance(0.2), nospace: rng.chance(0.05) };
  const fmt = {
    clock,
    dateStyle: rng.pick(['iso', 'iso', 'long', 'long', 'longOrd', 'dmy', 'short', 'dayLong', 'mdy']),
    marker: rng.weighted([['-', 6], ['*', 3], ['+', 1]]),
    tzPerEntry: rng.chance(0.6),
    tzParen: rng.chance(0.3),
    loose: rng.chance(0.15),
    alwaysDate: false,
    sectionDepthSub: 1,
  };
  let fm = '';
  const wantFm = profile === 'frontmatter' || profile === 'questions' || (profile === 'status' && rng.chance(0.7)) || rng.chance(0.08) || has('brokenFrontMatter');
  if (wantFm) fm = renderFrontMatter(rng, inc, has('brokenFrontMatter') ? 'brokenFrontMatter' : null);

  const headingStyles = {
    alx: () => rng.weighted([[{ heading: 'atx', level: 2 }, 6], [{ heading: 'atxColon', level: 2 }, 2], [{ heading: 'atx', level: 3 }, 2], [{ heading: 'atx', level: 4 }, 1], [{ heading: 'h1hr', level: 1 }, 1], [{ heading: 'atxRule', level: 2 }, 1], [{ heading: 'setext', level: 1 }, 0.5]]),
    plain: () => ({ heading: 'plain', level: 0 }),
    incidentLog: () => ({ heading: 'atx', level: 2 }),
    sre: () => ({ heading: 'atx', level: rng.chance(0.8) ? 2 : 3 }),
    frontmatter: () => rng.weighted([[{ heading: 'atx', level: 2 }, 6], [{ heading: 'numbered', level: 2 }, 1]]),
    numbered: () => ({ heading: 'numbered', level: rng.chance(0.7) ? 2 : 3 }),
    bold: () => ({ heading: 'bold', level: 0 }),
    questions: () => ({ heading: 'atx', level: 2 }),
    status: () => ({ heading: 'atx', level: 2 }),
    blog: () => ({ heading: 'atx', level: 2 }),
    template: () => ({ heading: 'atx', level: 3 }),
  };
  const style = headingStyles[profile]();
  style.tight = rng.chance(profile === 'alx' || profile === 'plain' ? 0.35 : 0.08);
  if (style.heading === 'plain' || style.heading === 'h1hr') style.tight = true;
  const doc = new Doc(rng, style);
  if (rng.chance(0.04)) doc.raw(''); // leading blank line
  const tzNote = () => doc.block(tzPhrase(rng, inc.zone));
  const title = inc.title;
  const dateIso = fmtDate(inc.day, 'iso');

  const timelineSection = (name) => {
    if (skip('timeline')) return;
    doc.heading(name || rng.pick(SECTION_NAMES.timeline));
    if (!events.length) {
      doc.raw(rng.pick(['No timeline was recorded.', 'The timeline will be added later.', 'See the incident channel for details.']));
      return;
    }
    renderTimeline(doc, inc, events, fmt);
  };
  const actionsSection = (kind, name) => {
    if (skip('actions')) return;
    doc.heading(name || rng.pick(SECTION_NAMES.actions));
    if (has('emptyActions') || !actions.length) {
      if (rng.chance(0.5)) doc.raw(rng.pick(['None yet.', 'TBD', '- ']));
      return;
    }
    if (rng.chance(0.25)) doc.block(rng.pick(['The following measures will be put in place to make sure the same thing never repeats itself:', 'We are taking the following steps to prevent recurrence and improve response times:', 'To address the issue and prevent recurrence, we will:']));
    renderActions(doc, inc, actions, kind, fmt);
  };
  const fillerParas = (n, wrapW) => {
    for (let i = 0; i < n; i++) doc.block(paragraph(rng, rng.int(2, 5), { wrap: wrapW }));
  };

  switch (profile) {
    case 'alx': {
      const tstyle = rng.pick(['h1', 'h1', 'h1emoji', 'bold', 'none']);
      if (tstyle === 'h1') doc.raw(`# ${rng.pick(['Postmortem: ', 'Outage Postmortem: ', 'Post-mortem - ', 'Incident Report: ', ''])}${title}`);
      else if (tstyle === 'h1emoji') doc.raw(`# ${rng.pick(['🚨', '🔥', '💥'])} Outage Postmortem: ${title} ${rng.pick(['🚨', '🔥', ''])}`.trim());
      else if (tstyle === 'bold') { doc.raw(`**Postmortem: ${title}**`); doc.raw(''); doc.raw('---'); }
      if (rng.chance(0.35)) doc.block(rng.pick([`![${rng.pick(['Party GIF', 'meme', 'Database Crash Meme', 'Flogging a dead horse'])}](https://example.com/img/${slugify(title)}.${rng.pick(['png', 'jpg', 'gif'])})`, '<p align="center">\n<img src="postmortem.jpg" width=100% height=100% />\n</p>']));
      if (!skip('summary')) {
        doc.heading(rng.pick(['Issue Summary', 'Issue Summary', 'Summary', 'Incident Summary']));
        if (rng.chance(0.6)) {
          fmt.summaryStyle = style.heading === 'atx' && style.level === 3 && rng.chance(0.5) ? 'hardbreak' : 'bullets';
          summaryBullets(doc, inc, fmt, { duration: rng.pick(['Duration', 'Duration of the outage', 'Duration']) });
        } else doc.raw(summaryProse(rng, inc, fmt));
      }
      fmt.timeline = rng.weighted([['boldBullets', 8], ['dateBullets', 2], ['phaseLabels', 1.5], ['sentences', 1], ['italic', 0.5], ['plainLines', 1], ['paragraphs', 1]]);
      fmt.alwaysDate = fmt.timeline === 'dateBullets' || (fmt.timeline === 'plainLines' && rng.chance(0.5));
      if (fmt.timeline === 'dateBullets') fmt.dateStyle = rng.pick(['dmy', 'dmy', 'iso', 'mdy']);
      const tlName = rng.chance(0.2) ? `Timeline (all times in ${inc.zone.label})` : undefined;
      if (tlName) fmt.tzPerEntry = false;
      timelineSection(tlName);
      if (!skip('rootCause')) {
        if (rng.chance(0.75)) {
          doc.heading(rng.pick(SECTION_NAMES.rootCauseAndResolution));
          const mode = rng.int(0, 2);
          const cause = fill(inc.sc.cause, inc.ctx);
          const res = inc.sc.fix.map((f) => fill(f, inc.ctx)).join(' ');
          if (mode === 0) { doc.heading('Root Cause', 1); doc.raw(cause); doc.heading('Resolution', 1); doc.raw(res); }
          else if (mode === 1) { doc.raw(`${fmt.marker} **Root Cause:** ${cause}`); doc.raw(`${fmt.marker} **Resolution:** ${res}`); }
          else { doc.raw('**Root Cause:**  '); doc.raw(cause); doc.raw(''); doc.raw('**Resolution:**  '); doc.raw(res); }
        } else {
          doc.heading('Root Cause');
          doc.raw(fill(inc.sc.cause, inc.ctx));
        }
        if (nCode > 0) {
          doc.block(rng.pick(['**Fix applied:**', 'The fix:', 'Commands used:', '**Puppet Script:**']));
          for (let i = 0; i < nCode; i++) codeBlock(doc, rng, inc, i);
        }
      }
      fillerParas(Math.floor(nFill / 2));
      actionsSection(rng.weighted([['bullets', 4], ['nestedGroups', 3], ['boldGroups', 3], ['emoji', 1], ['taskList', 1], ['plainLines', 0.5]]));
      if (nFill > 0 || rng.chance(0.3)) {
        if (rng.chance(0.3)) doc.heading(rng.pick(['Conclusion', 'TL;DR']));
        fillerParas(Math.max(1, nFill - Math.floor(nFill / 2)));
      }
      if (rng.chance(0.1)) doc.block('---');
      break;
    }
    case 'plain': {
      if (rng.chance(0.5)) doc.raw(rng.pick([`Postmortem: ${title}`, title, `Incident report - ${title}`]));
      if (rng.chance(0.2)) doc.raw(`${fmtDate(inc.day, 'long')} by ${inc.people[0]}`);
      if (!skip('summary')) {
        doc.heading('Issue Summary');
        doc.raw(summaryProse(rng, inc, fmt));
        if (rng.chance(0.4)) doc.raw(`Root Cause Identification: ${firstSentence(fill(inc.sc.cause, inc.ctx))}`);
      }
      fmt.timeline = rng.weighted([['plainLines', 6], ['noTimes', 1]]);
      fmt.alwaysDate = rng.chance(0.5);
      if (fmt.alwaysDate) fmt.dateStyle = rng.pick(['dmy', 'longOrd', 'long', 'iso']);
      timelineSection(rng.pick(['Timeline', 'Events Timeline', `Timeline (all times in ${inc.zone.label})`]));
      if (!skip('rootCause')) {
        doc.heading(rng.pick(SECTION_NAMES.rootCauseAndResolution));
        doc.raw(fill(inc.sc.cause, inc.ctx));
        doc.raw(inc.sc.fix.map((f) => fill(f, inc.ctx)).join(' '));
      }
      fillerParas(Math.min(2, nFill));
      if (!skip('actions')) {
        doc.heading(rng.pick(SECTION_NAMES.actions));
        if (rng.chance(0.4)) doc.raw(rng.pick(['TODO:', 'Tasks:', 'Improvements:']));
        if (!has('emptyActions')) renderActions(doc, inc, actions, 'plainLines', fmt);
      }
      break;
    }
    case 'incidentLog': {
      doc.raw(`# ${dateIso}${rng.pick([': ', ', ', ' - '])}${title}`);
      doc.blank();
      if (!skip('summary')) {
        doc.heading('Summary');
        const w = rng.chance(0.4) ? 80 : 0;
        doc.raw(w ? wrap(summaryProse(rng, inc, fmt), 80) : summaryProse(rng, inc, fmt));
        fillerParas(Math.min(2, nFill), w);
      }
      fmt.timeline = rng.chance(0.85) ? 'h3' : 'boldBullets';
      fmt.clock = { h24: true, pad: rng.chance(0.7) };
      fmt.dateStyle = rng.chance(0.9) ? 'iso' : 'short';
      fmt.alwaysDate = rng.chance(0.6);
      fmt.h3Labels = rng.chance(0.2);
      fmt.extraProse = nFill > 1;
      fmt.wrap = rng.chance(0.3);
      fmt.tzPerEntry = false;
      fmt.snippetAt = nCode > 0 ? rng.int(0, Math.max(0, events.length - 1)) : -1;
      if (!skip('timeline')) {
        doc.heading('Timeline');
        tzNote();
        if (rng.chance(0.2)) {
          doc.raw('links to dashboards during incident window:');
          doc.raw('');
          doc.raw(`- [overview](https://grafana.example.com/d/overview?from=${inc.day}&to=${inc.day + 1})`);
          doc.raw(`- [pod status](https://grafana.example.com/d/pods?from=${inc.day}&to=${inc.day + 1})`);
          doc.blank();
        }
        renderTimeline(doc, inc, events, fmt);
        if (rng.chance(0.3)) doc.block('Incident resolved.');
      }
      if (!skip('rootCause') && rng.chance(0.5)) {
        doc.heading(rng.pick(['Conclusion', 'Root Cause', 'Cause']));
        doc.raw(fill(inc.sc.cause, inc.ctx));
      }
      if (nFill > 0 || rng.chance(0.6)) lessons(doc, inc, fmt);
      actionsSection(rng.weighted([['bullets', 3], ['mentions', 2], ['numberedGroups', 2], ['taskList', 1]]), rng.pick(['Action Items', 'Action items']));
      if (nCode > 1) { doc.heading('Supporting Information'); bigLogBlock(doc, rng, inc, rng.int(10, 40)); }
      if (rng.chance(0.7)) {
        doc.heading('Responders');
        for (const p of inc.people.slice(0, rng.int(1, inc.people.length))) doc.raw(`- @${handleOf(p)}`);
      }
      if (rng.chance(0.2)) {
        doc.blank();
        doc.raw('');
        for (let i = 0; i < rng.int(1, 4); i++) doc.raw(`[issue-${100 + i}]: https://github.com/${rng.pick(ORGS)}/${rng.pick(REPOS)}/issues/${rng.int(100, 999)}`);
      }
      break;
    }
    case 'sre': {
      doc.raw(`# ${title} Postmortem (incident #${rng.int(100, 9999)})`);
      style.tight = false;
      doc.heading('Date'); doc.raw(dateIso);
      doc.heading('Authors'); for (const p of inc.people.slice(0, 3)) doc.raw(`* ${handleOf(p)}`);
      doc.heading('Status'); doc.raw(rng.pick(['Complete, action items in progress', 'Draft', 'Final', 'In review']));
      if (!skip('summary')) { doc.heading('Summary'); doc.raw(`${inc.svc.replace(/^\w/, (c) => c.toUpperCase())} down for ${durationText(inc.duration, rng)} because of ${inc.sc.symptom}.`); }
      doc.heading('Impact'); doc.raw(fill(rng.pick(IMPACT_TEXT), inc.ctx));
      if (!skip('rootCause')) { doc.heading('Root Causes'); doc.raw(fill(inc.sc.cause, inc.ctx)); }
      doc.heading('Trigger'); doc.raw(inc.sc.trigger);
      doc.heading('Resolution'); doc.raw(inc.sc.fix.map((f) => fill(f, inc.ctx)).join(' '));
      doc.heading('Detection'); doc.raw(fill(inc.sc.detect[0], inc.ctx));
      actionsSection('sreTable', 'Action Items');
      lessons(doc, inc, fmt);
      fmt.timeline = 'table';
      fmt.clock = { h24: true, pad: true };
      timelineSection('Timeline');
      if (nCode > 0 || rng.chance(0.5)) {
        doc.heading('Supporting Information');
        doc.raw(`* Monitoring dashboard, <http://monitor/${slugify(inc.svc)}?end_time=${dateIso.replace(/-/g, '')}>`);
        for (let i = 0; i < nCode; i++) codeBlock(doc, rng, inc, i);
      }
      break;
    }
    case 'frontmatter':
    case 'numbered':
    case 'bold': {
      if (profile === 'bold') { doc.raw(`**${rng.pick(['Postmortem: ', 'Incident: ', ''])}${title}**`); doc.raw(''); doc.raw('---'); }
      else if (rng.chance(0.85)) doc.raw(`# ${rng.chance(0.3) ? `${dateIso} ` : ''}${title}`);
      if (!skip('summary')) {
        doc.heading(rng.pick(SECTION_NAMES.summary));
        doc.raw(summaryProse(rng, inc, fmt));
        if (rng.chance(0.5)) {
          doc.heading(rng.pick(SECTION_NAMES.impact));
          doc.raw(fill(rng.pick(IMPACT_TEXT), inc.ctx));
        }
      }
      fillerParas(Math.min(2, nFill));
      fmt.timeline = rng.weighted([['boldBullets', 4], ['table', 3], ['h3', 2], ['plainLines', 1]]);
      if (fmt.timeline === 'table' || fmt.timeline === 'h3') fmt.tzPerEntry = false;
      if (!skip('timeline')) {
        doc.heading(rng.pick(SECTION_NAMES.timeline));
        if (!fmt.tzPerEntry && fmt.timeline !== 'table') tzNote();
        if (events.length) renderTimeline(doc, inc, events, fmt);
        else doc.raw('Timeline to be reconstructed from the incident channel.');
      }
      if (!skip('rootCause')) {
        doc.heading(rng.pick(SECTION_NAMES.rootCause));
        doc.raw(fill(inc.sc.cause, inc.ctx));
        for (let i = 0; i < nCode; i++) codeBlock(doc, rng, inc, i);
        doc.heading(rng.pick(SECTION_NAMES.resolution));
        const fixes = inc.sc.fix.map((f) => fill(f, inc.ctx));
        if (rng.chance(0.5)) fixes.forEach((f, i) => doc.raw(`${i + 1}. ${f}`));
        else doc.raw(fixes.join(' '));
      }
      if (nFill > 2) lessons(doc, inc, fmt);
      const kind = profile === 'frontmatter' ? rng.weighted([['taskList', 4], ['ownerTable', 3], ['bullets', 1], ['nestedGroups', 1]]) : rng.weighted([['bullets', 2], ['taskList', 2], ['ownerTable', 2], ['nestedGroups', 2], ['boldGroups', 1]]);
      actionsSection(kind);
      if (rng.chance(0.3) && actions.length > 2) {
        doc.heading(rng.pick(['Follow-ups', 'Open Questions', 'Related Incidents']));
        doc.raw(`- ${rng.pick(['Revisit the alert thresholds after two weeks', 'Share this report in the engineering all-hands', 'Check whether similar configuration exists in other regions'])}`);
      }
      if (nFill > 3) fillerParas(nFill - 3);
      if (nCode > 1) { doc.heading('Appendix'); bigLogBlock(doc, rng, inc, rng.int(8, 30)); }
      break;
    }
    case 'questions': {
      doc.raw(`_Date: ${fmtDate(inc.day, 'dayLong').replace(/ (\d{4})$/, ', $1')}_`);
      doc.heading('What was the problem?');
      doc.raw(summaryProse(rng, inc, fmt).replace(/ from \S+ to \S+ \S+,/, ''));
      doc.heading('Why did it happen?');
      doc.raw(fill(inc.sc.cause, inc.ctx));
      for (let i = 0; i < nCode; i++) codeBlock(doc, rng, inc, i);
      doc.heading('How did we fix it?');
      doc.raw(inc.sc.fix.map((f) => fill(f, inc.ctx)).join(' '));
      fillerParas(nFill);
      doc.heading('Lessons and thoughts');
      for (const it of actions) doc.raw(`- ${it.text}.`);
      break;
    }
    case 'status': {
      if (rng.chance(0.6)) {
        const ups = events.length ? events : buildEvents(rng, inc, 4);
        const parts = [`Our ${inc.svc} is showing ${inc.sc.symptom}. We are investigating.`];
        for (const ev of ups.slice(1)) parts.push(`**Update${rng.chance(0.7) ? ':' : ''} ${fmtTime(ev.t, { h24: true, pad: true })}** ${ev.text}`);
        doc.raw(parts.join('<br /><br />'));
      } else {
        doc.raw(`# ${dateIso} - ${inc.svc} outage`);
        doc.block(`Last updated: ${fmtDate(inc.day + rng.int(0, 3), 'iso')}`);
        doc.raw(`On ${fmtDate(inc.day, 'weekday')} the ${inc.svc} was affected by ${inc.sc.symptom}.`);
        fmt.timeline = 'italic';
        fmt.clock = { h24: true, pad: true };
        if (events.length) { doc.heading('Timeline'); renderTimeline(doc, inc, events, fmt); }
      }
      break;
    }
    case 'blog': {
      doc.raw(`## ${dateIso} ${title}`);
      doc.block(`<div class="subtitle"><time datetime="${fmtDate(inc.day + 2, 'iso')}T00:00:00Z">${fmtDate(inc.day + 2, 'dayLong')}</time> · by ${inc.people.slice(0, 2).join(' and ')}</div>`);
      const z = inc.zone;
      doc.raw(`Between approximately ${fmtDate(inc.day, 'iso')} ${fmtTime(inc.start, { h24: true, pad: true })} ${z.label} and ${fmtDate(inc.day + Math.floor(inc.end / 1440), 'iso')} ${fmtTime(inc.end, { h24: true, pad: true })} ${z.label} the ${inc.svc} had ${inc.sc.symptom}.`);
      doc.block(fill(inc.sc.cause, inc.ctx));
      fillerParas(Math.max(1, nFill));
      doc.block('To prevent similar issues in the future, we have made a few changes along with more long term improvements:');
      actions.forEach((it, i) => doc.raw(`${i + 1}. ${it.text}.`));
      doc.block('We apologize to everyone affected.');
      break;
    }
    case 'template': {
      doc.raw(`# Title - ${rng.pick(['Postmortem', 'Incident #'])}`);
      const hints = { Date: '_YYYY-MM-DD_', Authors: '_Who wrote this postmortem?_', Status: '_Draft / In review / Complete, action items in progress_', Summary: '_One or two sentences: what broke, for how long, for whom._', Impact: '_Users, requests or revenue affected._', 'Root Causes': '', Trigger: '', Resolution: '', Detection: '_How did we find out?_' };
      for (const [h, hint] of Object.entries(hints)) { doc.heading(h); if (hint && rng.chance(0.6)) doc.raw(hint); }
      for (const h of ['Action Items', 'Lessons Learned', 'Timeline']) { doc.blank(); doc.raw(`## ${h}`); doc.raw(''); }
      break;
    }
  }
  if (todoNote) doc.block(todoNote);
  let body = doc.text();
  body = body.replace(/^\n+(?=.)/, rng.chance(0.05) ? '\n' : '');
  body = body.replace(/\n*$/, rng.chance(0.9) ? '\n' : '');
  return fm + (fm && !fm.endsWith('---\n') ? '' : fm ? (rng.chance(0.8) ? '\n' : '') : '') + body;
}

// ------------------------------------------------------------- file tree ---

function pathFor(rng, inc, profile, taken) {
  const team = `team-${p2(rng.int(1, 24))}`;
  const { y, m } = ymd(inc.day);
  const d = fmtDate(inc.day, 'iso');
  const slug = slugify(inc.title);
  const folder = rng.weighted([
    [`${team}/${y}`, 6],
    [`${team}/${y}/q${Math.ceil(m / 3)}`, 2],
    [`${team}/archive/${y}`, 1],
    [`${team}/${y}/${d}-${slug}`, 1.5],
  ]);
  const name = folder.endsWith(slug)
    ? rng.pick(['postmortem.md', 'README.md', 'Blog_Post.md', 'Postmortem.md'])
    : rng.weighted([
      [`${d}-${slug}.md`, 5],
      [`${d}--${slug}.md`, 2],
      [`INC-${1000 + inc.idx}-${slug}.md`, 1],
      [`${profile === 'alx' ? 'postmortem' : 'incident'}-${slug}.md`, 1],
    ]);
  let p = `${folder}/${name}`;
  if (taken.has(p)) p = p.replace(/\.md$/, `-${inc.idx}.md`);
  taken.add(p);
  return p;
}

const DEFECTS = ['missingSection', 'outOfOrder', 'todo', 'brokenFrontMatter', 'endBeforeStart', 'emptyActions'];

/**
 * Generate `count` postmortems under `dir`. Returns stats and a manifest
 * (array of { path, profile, size, bytes, defects, zone, date }).
 */
export function generateCorpus(dir, count, seed = 1) {
  const root = resolve(dir);
  mkdirSync(root, { recursive: true });
  const taken = new Set();
  const manifest = [];
  let bytes = 0;
  let withDefects = 0;
  for (let i = 0; i < count; i++) {
    const rng = new Rng(hash32(`postmortem:${seed}:${i}`));
    const profile = rng.weighted(PROFILES);
    let size = rng.weighted(SIZE_CLASSES.map((s) => [s, s[1]]));
    if (profile === 'status' || profile === 'template') size = SIZE_CLASSES[0];
    if (profile === 'sre' && size[0] === 'tiny') size = SIZE_CLASSES[2];
    const inc = buildIncident(rng, i);
    const defects = [];
    if (profile !== 'template' && rng.chance(0.1)) {
      defects.push(rng.pick(DEFECTS));
      if (rng.chance(0.2)) {
        const second = rng.pick(DEFECTS);
        if (!defects.includes(second)) defects.push(second);
      }
    }
    const text = renderDocument(rng, inc, profile, size, defects);
    const rel = pathFor(rng, inc, profile, taken);
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    const b = Buffer.byteLength(text);
    bytes += b;
    if (defects.length) withDefects++;
    manifest.push({ path: rel, profile, size: size[0], bytes: b, defects, zone: inc.zone.label, date: fmtDate(inc.day, 'iso'), scenario: inc.sc.key });
  }
  return { dir: root, files: count, bytes, defects: withDefects, manifest };
}

// ------------------------------------------------------------------- CLI ---

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : def;
  };
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: node scripts/gen-corpus.mjs [--out DIR] [--count N] [--seed S] [--manifest FILE]');
    process.exit(0);
  }
  const count = Number(opt('--count', 200));
  const seed = Number(opt('--seed', 1));
  const out = opt('--out', `.bench/corpus-${count}-${seed}`);
  if (!Number.isInteger(count) || count < 0 || !Number.isFinite(seed)) {
    console.error('gen-corpus: --count must be a non-negative integer and --seed a number');
    process.exit(2);
  }
  const t0 = performance.now();
  const r = generateCorpus(out, count, seed);
  const mf = opt('--manifest', null);
  if (mf) writeFileSync(mf, JSON.stringify(r.manifest, null, 1) + '\n');
  console.log(`wrote ${r.files} files (${(r.bytes / 1024).toFixed(0)} KiB, ${r.defects} with defects) to ${r.dir} in ${((performance.now() - t0) / 1000).toFixed(2)}s`);
}
