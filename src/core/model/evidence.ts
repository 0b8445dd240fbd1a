/**
 * What a timeline entry reports about the incident, read from its words, for
 * the checks that compare the timeline with what the document states:
 *
 * - `impact`: the impact being seen or noticed (an alert, complaints, errors,
 *   the site down, someone noticing a drop);
 * - `recovery`: the service coming back ("service restored", "back to normal",
 *   "users regained access", "server is live");
 * - `resolved`: the incident declared resolved or closed, which may come
 *   after the recovery;
 * - `fix`: a fix applied ("fixes the config", "Issue Resolution"), which
 *   ends the impact when nothing after it says otherwise.
 *
 * A deploy, a merge or a meeting is none of these: such entries sit before
 * and after an incident as a matter of course. An entry that says several
 * things reports the first of recovery, resolved, impact, fix.
 */
import type { TimelineEntry } from '../types.js';

const IMPACT_WORDS =
  /\b(?:alerts?(?![ \t-]+(?:rules?|config\w{0,9}|thresholds?|definitions?|polic(?:y|ies)|routing|manager)\b)|alerted|alerting[ \t]+(?:us|the|our|on-?call|engineers?|team|ops|staff|sres?)|alarms?|paged|pager|complain\w{0,4}|(?:issues?|problems?|outages?|errors?|failures?|incidents?)(?:[ \t]+#?[A-Z]{0,8}-?\d{1,7})?[ \t]+(?:(?:is|was|were|are)[ \t]+)?(?:reported|detected|discovered|noticed|observed|declared)|reports?[ \t]+of|discover(?:s|ed|ing)?[ \t]+(?:(?:a|an|the)[ \t]+)?(?:outages?|downtime|errors|failures?)\b|(?:outage|incident|downtime|error|failure)[ \t]+notifications?|notif(?:y|ies|ying|ied|ications?)[ \t]+(?:(?:us|them|the[ \t]+team|on-?call|engineers?)[ \t]+)?(?:of|about)[ \t]|reported[ \t]+(?:(?:a|an|the)[ \t]+)?(?:issues?|problems?|outages?|errors?|failures?|incidents?)|not[ \t]+(?:respond\w{0,3}|working|loading|reachable|accessible|available)|unresponsive|unavailable|inaccessible|unreachable|errors|error[ \t]+rates?|erroring|failing(?![ \t]+(?:over|back)\b)|failures|timeouts?|timing[ \t]+out|crash\w{0,4}|degraded|(?:went|goes|go|gone|is|was|were|are)[ \t]+down|(?:went|goes|go|gone)[ \t]+(?:dark|offline)|(?:could[ \t]{0,3}n[o\u2019']t|could[ \t]+not|unable[ \t]+to|can[\u2019']t|cannot)[ \t]+(?:access|sign|log|load|reach|connect|use|open)|[45]\d\d[ \t-]+(?:response[ \t-]+)?errors?|[45]\d\d[ \t]+responses?|[45]xx|noticed|notices|noticing|observed|observes|(?:we|they|team|engineers?|users?|customers?)[ \t]+observe|(?:begins?|began|starts?|started)[ \t]+(?:to[ \t]+)?(?:drop|fail|error|time[ \t]+out)\w{0,3})\b/gi;

const RECOVERY_WORDS =
  /\b(?:(?:outage|impact|downtime|disruption|degradation)[ \t]+(?:ends?|ended|over)|end[ \t]+of[ \t]+(?:the[ \t]+)?(?:outage|impact|downtime|disruption|degradation)|(?:services?|site|website|api|access|traffic|functionality|operations?|order|servers?|cluster|connection|connectivity|network)[ \t]+(?:(?:is|are|was|were|has|have)[ \t]+)?(?:been[ \t]+)?(?:fully[ \t]+)?(?:restored|recovered|back|resumed)|fully[ \t]+(?:restored|recovered|operational)|(?:services?|site|website|api|cluster|control[ \t]+plane|system|servers?|database|app(?:lication)?)[ \t]+(?:(?:is|are|was|were|now|back)[ \t]+)?(?:operational|healthy)(?![ \t]+(?:check|checks|status|probe))|operational[ \t]+again|(?:(?:is|are|was|were|now|fully)[ \t]+)?(?<!\bstill[ \t]{1,3})functional(?=[ \t]*(?:again\b|[.;,!)]|$))|(?<!\b(?:team|teams|we|everyone|everybody|engineers?|people|staff|crew|i|on-?call)[ \t]{1,3}(?:(?:is|are|was|were|am|got|get|came|come)[ \t]{1,3})?)back[ \t]+(?:online|up|to[ \t]+(?:normal|acceptable|expected|usual)(?![ \t]+(?:for|when|if)\b))|return(?:s|ed)?[ \t]+(?:back[ \t]+)?to[ \t]+(?:normal|(?:a[ \t]+)?healthy[ \t]+state)|resumed[ \t]+normal|(?:running|operating|working|loading|serving|responding|processing)(?:[ \t]+[\p{L}]{1,20})?[ \t]+(?:normally|again)|now[ \t]+(?:running|operating|working|loading)[ \t]+properly|(?:is|was|were|are|now)[ \t]+up[ \t]+and[ \t]+running|recovered[ \t]+(?:fully|completely)|resolution[ \t]+(?:is[ \t]+)?confirmed|recovery[ \t]+(?:(?:is|was)[ \t]+)?(?:verified|confirmed|complete[d]?)|(?:restarted|came[ \t]+back(?:[ \t]+up)?)[ \t]+successfully|(?:verified|confirmed)[ \t]+(?:the[ \t]+)?fix(?:es)?(?:[ \t]+(?:is|was|as))?[ \t]+(?:successful|working|works|worked|effective)|fix(?:es)?[ \t]+(?:(?:is|was)[ \t]+)?(?:verified|confirmed|successful|worked)|no[ \t]+more[ \t]+(?:errors|failures|timeouts|(?:[45]\d\d|[45]xx)s?(?:[ \t]+errors)?)|(?:regain(?:s|ed)?|restor(?:es|ed)|recover(?:s|ed))[ \t]+(?:full[ \t]+)?(?:access|service|connectivity)|(?:services?|site|website|api|app(?:lication)?|servers?|system)[ \t]+(?:(?:is|are|was|were)[ \t]+)(?:back[ \t]+)?live)\b/giu;

const RESOLVED_WORDS =
  /\b(?:(?:incidents?|issues?|outages?|problems?)[ \t]+(?:(?:is|was|has[ \t]+been|have[ \t]+been|declared|marked|considered|officially)[ \t]+){0,2}(?:resolved|closed|mitigated)|resolved[ \t]+the[ \t]+(?:issues?|incidents?|problems?|outages?)|(?:declared?|marks?|marked)[ \t]+(?:the[ \t]+(?:alerts?|incidents?|issues?|outages?)[ \t]+)?(?:as[ \t]+)?(?:resolved|closed)|all[ \t-]+clear|(?:incident|outage)[ \t]+end(?:s|ed)?(?![ \t]*(?:to[ \t]+end|date|users?)))\b/gi;

const FIX_WORDS =
  /\b(?:fix(?:es|ed)|(?:fix|hotfix|patch)(?:[ \t]+(?:v|#)?\d{1,3})?[ \t]+(?:is[ \t]+|was[ \t]+)?(?:deployed|applied|released|rolled[ \t]+out|merged)|(?<!\b(?:dns|name|domain|address|dependency|screen|image|video|display)[ \t])resolution|roll[ \t-]?back[ \t]+(?:(?:is|was)[ \t]+)?(?:success(?:ful)?|succeeded|complete[ds]?)|rolled[ \t]+back[ \t]+successfully)\b/gi;

/** The impact beginning at this entry: "site goes down", "traffic begins to drop", "errors start", "OUTAGE BEGINS", "<START OF OUTAGE>". */
const ONSET_WORDS =
  /\b(?:(?:begins?|began|starts?|started|commenc(?:es|ed))[ \t]+(?:to[ \t]+)?(?:drop|fail|error|time[ \t]+out|crash|degrade|return[ \t]+errors)\w{0,3}|(?:goes|went|go)[ \t]+(?:down|dark|offline)|(?:outages?|impact|downtime|disruption|degradation|errors?|failures?)[ \t]+(?:begins?|began|starts?|started|commenc(?:es|ed))|(?:start|beginning|onset)[ \t]+of[ \t]+(?:the[ \t]+)?(?:outage|impact|downtime|disruption|degradation))\b/gi;

/**
 * "no errors", "not loading properly", "without alerts", "a non-degraded state", "ensuring Apache is
 * up and running", "partial recovery as pods come back online": a word that
 * turns what follows around, makes it a question or only part of it.
 */
const NEGATION =
  /\bnon-?$|(?:\b(?:no|not|never|without|nor)|n[\u2019']t)[ \t]{1,3}(?:\S{1,20}[ \t]{1,3})?$|\b(?:ensur(?:e|es|ing)|check(?:s|ing)?|verif(?:y|ies|ying)|whether|if|partial\w{0,3})\b[^.;]{0,40}$/i;

export type Evidence = NonNullable<TimelineEntry['evidence']>;

/** An entry saying the service still works ("the setup was still functional", "minimal disruption so far"). */
const STILL_UP =
  /\b(?:(?:was|were|is|are|remained|stayed)[ \t]+still[ \t]+(?:functional|working|up|serving|operational|available)|(?:has|have)[ \t]+been[ \t]+(?:minimal|no)[ \t]+(?:disruption|impact)|(?:minimal|no)[ \t]+(?:user|customer)[ \t-]*(?:facing[ \t]+)?(?:disruption|impact))\b/i;

/**
 * "we attempted to migrate our staging cluster and found errors": a
 * rehearsal of what later failed, not the incident's impact or recovery,
 * unless the entry speaks of production too.
 */
const REHEARSAL = /\b(?:staging|pre-?prod(?:uction)?|dry[ \t-]runs?|rehearsals?)\b/i;
const PRODUCTION = /\bprod(?:uction)?\b/i;

/** What the text of an entry reports (see the module's comment), if anything. */
export function evidenceOf(text: string): Evidence | undefined {
  if (REHEARSAL.test(text) && !PRODUCTION.test(text.replace(/\bpre-?prod(?:uction)?\b/gi, ''))) return undefined;
  if (says(RECOVERY_WORDS, text)) return 'recovery';
  if (says(RESOLVED_WORDS, text)) return 'resolved';
  // "<START OF OUTAGE>" marks the impact beginning as "outage begins" does. "Our monitoring fired … the setup was
  // still functional": an alarm inside, no impact yet, as the entry says itself.
  if ((says(IMPACT_WORDS, text) || says(ONSET_WORDS, text)) && !STILL_UP.test(text)) return 'impact';
  if (says(FIX_WORDS, text)) return 'fix';
  return undefined;
}

/** Whether the text says the impact begins here (see ONSET_WORDS). */
export function saysOnset(text: string): boolean {
  return says(ONSET_WORDS, text);
}

/** Whether the text says the service recovered (a status update's evidence). */
export function saysRecovered(text: string): boolean {
  return says(RECOVERY_WORDS, text);
}

/** Whether the text says it (a match not turned around by "no", "not", "without" just before). */
function says(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!NEGATION.test(text.slice(Math.max(0, m.index - 48), m.index))) return true;
  }
  return false;
}
