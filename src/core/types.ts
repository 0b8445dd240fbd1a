/**
 * The postmortem model: what one Markdown file says, read once from its
 * syntax tree. Rules read this model and nothing else (the tree is kept for
 * the few rules that need raw text, such as placeholders).
 */
import type { TimeExpression } from './time/types.js';
import type { Course } from './model/course.js';
import type { Mention } from './model/mentions.js';

export type SectionKey =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'root-cause'
  | 'resolution'
  | 'action-items'
  | 'detection'
  | 'lessons-learned';

/** A place in the document: 1-based line and column, as in unist. */
export interface Point {
  line: number;
  column: number;
}

export interface Section {
  /** Canonical keys this heading stands for ("Root cause and resolution" has two). */
  keys: SectionKey[];
  /** The heading's plain text, as written. */
  heading: string;
  /** 1..6 for Markdown headings; 7 for a bold paragraph or a plain label line used as a heading. */
  level: number;
  /**
   * How the heading was written: a Markdown heading (`atx`, `setext`), a bold-only line, a plain label
   * line, "#Heading" without a space, or a list item holding only a label with the section nested under it.
   */
  style: 'atx' | 'setext' | 'bold' | 'label' | 'hash-no-space' | 'list-item';
  line: number;
  column: number;
  /** Last line of the section's own body (up to the next heading of the same or a higher level). */
  endLine: number;
  /** Whether the section body holds any content (text, list, table, code...) of its own or in sub-sections. */
  hasContent: boolean;
}

export interface WindowPoint {
  /** ISO 8601 UTC instant when date and zone are known; otherwise local "YYYY-MM-DDTHH:MM" or "HH:MM". */
  time: string;
  /** Epoch milliseconds, only when `time` is an instant. */
  epoch?: number;
  /** Local calendar date (YYYY-MM-DD) when known. */
  date?: string;
  /** Sort key among points of one document (internal; see time/resolve.ts). */
  order?: number;
  line: number;
  column: number;
  /**
   * Where the point was stated: front matter, a labelled field ("Start: …"),
   * a sentence about the incident, or (when the document states neither
   * start nor end) an entry of the timeline that marks it ("OUTAGE BEGINS").
   */
  source?: 'front-matter' | 'field' | 'prose' | 'timeline';
  /** Stated as approximate ("at approximately 01:55 UTC", "~14:00"). */
  approximate?: boolean;
}

export interface IncidentWindow {
  start?: WindowPoint;
  end?: WindowPoint;
  /** Stated duration, in minutes. */
  duration?: {
    minutes: number;
    text: string;
    /** How precisely it was written, in minutes ("54 hours 10 minutes": 1, "7 hours": 60); see time/duration.ts. */
    precision: number;
    bound?: 'under' | 'over' | 'about';
    /**
     * The author says the start is not known ("an outage of unknown length
     * bounded to at maximum 16 hours"): the figure is the longest it can have
     * lasted, from the earliest it can have begun.
     */
    startUnknown?: boolean;
    line: number;
    column: number;
  };
  /** Stated metrics measured from the incident's start ("Time to detection: 7 hours", "TTR: 54h10m"). */
  metrics?: IncidentMetric[];
  /** Durations written beside the range they measure ("~6 hours (3am - 11:30am HKT)"), each to be checked against it. */
  spans?: StatedSpan[];
  /** The incident's local date (YYYY-MM-DD) when known. */
  date?: string;
  /** The luxon zone used to read local times, and where it came from. */
  timezone?: {
    zone: string;
    text: string;
    source: 'front-matter' | 'statement' | 'window' | 'timeline' | 'config';
    line?: number;
  };
}

/** A duration and the range of clock times beside it, on one line of the window's fields or prose. */
export interface StatedSpan {
  duration: { minutes: number; text: string; precision: number; bound?: 'under' | 'over' | 'about' };
  line: number;
  column: number;
  /** The range as written ("3am - 11:30am HKT"), where it is, and how many minutes it spans (two readings when a start without AM or PM may be either half of the day). */
  range: { text: string; column: number; minutes: number[] };
}

/** A stated time from the incident's start to a milestone: its detection, its mitigation, its recovery or its resolution. */
export interface IncidentMetric {
  milestone: 'detection' | 'mitigation' | 'recovery' | 'resolution';
  /** The label as written ("Time to recovery", "TTD"). */
  label: string;
  minutes: number;
  text: string;
  precision: number;
  line: number;
  column: number;
}

export interface TimelineEntry {
  /** How the entry was written: a list item, a table row, a heading, a plain line, or a status page's update. */
  kind?: 'item' | 'row' | 'heading' | 'line' | 'update';
  text: string;
  line: number;
  column: number;
  /** See WindowPoint.time; null for an untimed entry. */
  time: string | null;
  epoch?: number;
  /** Sort key among points of one document (internal; see time/resolve.ts). */
  order?: number;
  /** Local date of the entry, YYYY-MM-DD, when known. */
  date?: string;
  /** The recognised expression that gave the time (absent for untimed entries). */
  expression?: TimeExpression;
  /** Offset of the expression inside `text`, for column arithmetic. */
  expressionColumn?: number;
  /** The time did not come from the entry itself but the entry is a range end, etc. */
  approximate?: boolean;
  /** Day was rolled forward because the clock went past midnight. */
  rolled?: boolean;
  /** The timestamp looked like one but did not parse, or is written wrongly though its time is clear ("13:00 PM", `time` then set). */
  invalid?: string;
  /** A placeholder written where the time belongs ("--:--", "HH:MM", "[???]"): untimed, not invalid. */
  placeholder?: string;
  /**
   * What the entry reports: the impact being seen (an alert, complaints,
   * errors), the service recovering, the incident declared resolved, or a fix
   * applied (see model/evidence.ts). Absent for everything else (a deploy, a meeting).
   */
  evidence?: 'impact' | 'recovery' | 'resolved' | 'fix';
  /** The lines under the entry that describe it (a time heading's paragraphs, an entry's untimed sub-items), joined. */
  detail?: string;
  /** The entry says the impact begins here ("site goes down", "traffic begins to drop", "OUTAGE BEGINS"). */
  onset?: boolean;
  /** Which of the document's timeline sections holds the entry (0, 1, …), when it has several; each runs in order on its own. */
  part?: number;
}

export type ActionItemKind = 'corrective' | 'preventative' | 'other';

export interface ActionItem {
  /** Stable identifier: explicit when the author wrote one, else derived from the wording. */
  id: string;
  /** Whether the id was written by the author. */
  explicitId: boolean;
  kind: ActionItemKind;
  /** Plain text, at most 256 characters. */
  title: string;
  /** The item's full plain text, as its fields were read from it. */
  text: string;
  line: number;
  column: number;
  owner: string | null;
  due: string | null;
  priority: string | null;
  done: boolean;
  /** An already linked issue: "#123" or an issue URL. */
  issue: string | null;
  /** The repository the item's issue belongs in, as written ("owner/name", a repository URL, or a name). */
  repo?: string | null;
  /** The label/group the item sits under ("Corrective Actions"), if any. */
  group?: string;
  /** The significant words of the title, sorted (internal: re-identifies edited items). */
  fingerprint?: string[];
  /** What it says beyond its title (a description under a title written apart, later paragraphs), for the issue body; absent when nothing. */
  details?: string;
}

export interface FrontMatter {
  /** Parsed data; undefined when there is no front matter or it did not parse. */
  data?: Record<string, unknown>;
  /** Line of the opening `---`. */
  line: number;
  endLine: number;
  /** YAML problems, with document lines. */
  errors: Array<{ message: string; line: number; column: number }>;
  /** Line of each top-level key, for precise findings. */
  keyLines: Record<string, number>;
}

export interface PostmortemModel {
  path: string;
  title: string | null;
  titleLine: number | null;
  frontMatter: FrontMatter | null;
  sections: Section[];
  incident: IncidentWindow;
  timeline: TimelineEntry[];
  /** The incident's course as the timeline tells it (see model/course.ts). */
  course: Course;
  /** Times the text gives for events the timeline tells of (see model/mentions.ts). */
  mentions: Mention[];
  actionItems: ActionItem[];
  /** Number of lines in the file. */
  lineCount: number;
}

export type Severity = 'error' | 'warning';

export interface RelatedLocation {
  line: number;
  column: number;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
  related?: RelatedLocation[];
}

export interface FileResult {
  path: string;
  model: PostmortemModel | null;
  findings: Finding[];
}
