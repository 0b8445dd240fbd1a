/**
 * The JSON report, written a file at a time: the bytes are exactly those of
 * `JSON.stringify(report, null, 2) + "\n"` (see formatJson), but no file
 * waits in memory for the others.
 */
import { REPORT_VERSION, type JsonReport } from '../core/report.js';
import { InOrder } from '../core/in-order.js';

/**
 * `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep:
 * the value is stringified inside `depth` arrays and the wrappers cut off.
 * Same bytes as indenting each line of the plain text, without a second
 * pass over it (a regex replace over every file cost more than its stringify).
 */
function nested(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let head = 0;
  for (let i = 0; i < depth; i++) head += 2 + 2 * (i + 1); // "[\n" and the next level's indent
  let tail = 0;
  for (let i = 0; i < depth; i++) tail += 2 + 2 * i; // "\n", the level's indent and "]"
  return text.slice(head, text.length - tail);
}

/**
 * Text is passed on in pieces of about this many characters: one write
 * (and, to a file, one string-to-bytes copy and one system call) per few
 * files instead of per file. Below V8's large-object size (128 KiB) even
 * as UTF-16, so each piece dies young: pieces of 1 Mi characters piled up as
 * large objects (~87 MiB of them at the end of an audit of 10,000 files).
 */
const FLUSH_AT = 1 << 15;

export class ReportWriter {
  /** Files written. */
  private count = 0;
  /** Each file's text, written in the order of the files' indices. */
  private readonly files = new InOrder<string>((text) => this.putFile(text));
  private started = false;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(private readonly write: (text: string) => void) {}

  private put(text: string): void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.write(text);
  }

  private begin(): void {
    if (this.started) return;
    this.started = true;
    this.put(`{\n  "version": ${REPORT_VERSION},\n  "files": [`);
  }

  /** The next file of the report. */
  file(file: unknown): void {
    this.fileAt(this.files.passed, file);
  }

  /**
   * The file at `index` of the report's list (each index once, in any
   * order): written when the files before it are, kept as text until then.
   */
  fileAt(index: number, file: unknown): void {
    this.files.put(index, nested(file, 2));
  }

  private putFile(text: string): void {
    this.begin();
    this.put(`${this.count++ > 0 ? ',' : ''}\n    ${text}`);
  }

  /** Close the files array and write the rest of the report's top-level fields. */
  end(rest: { summary: JsonReport['summary'] } & Record<string, unknown>): void {
    this.files.assertComplete('report files');
    this.begin();
    this.put(this.count > 0 ? '\n  ]' : ']');
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined) continue;
      this.put(`,\n  ${JSON.stringify(key)}: `);
      this.putNested(value, 1);
    }
    this.put('\n}\n');
    this.flush();
  }

  /**
   * `nested(value, depth)`, in pieces: an array longer than STREAM_ITEMS
   * (the audit's follow-ups: five or so per postmortem), and the objects
   * holding one, an element at a time. As one string, with the text
   * JSON.stringify builds it from, the follow-ups of 10,000 postmortems
   * took ~100 MiB at the end of the run.
   */
  private putNested(value: unknown, depth: number): void {
    const inner = ' '.repeat(2 * (depth + 1));
    if (Array.isArray(value) && value.length > STREAM_ITEMS) {
      this.put('[');
      value.forEach((item, i) => {
        this.put(`${i > 0 ? ',' : ''}\n${inner}`);
        this.putNested(isOmitted(item) ? null : item, depth + 1);
      });
      this.put(`\n${' '.repeat(2 * depth)}]`);
    } else if (isPlainObject(value) && holdsLongArray(value, 2)) {
      const entries = Object.entries(value).filter(([, v]) => !isOmitted(v));
      this.put('{');
      entries.forEach(([key, v], i) => {
        this.put(`${i > 0 ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
        this.putNested(v, depth + 1);
      });
      this.put(`\n${' '.repeat(2 * depth)}}`);
    } else this.put(nested(value, depth));
  }
}

/** Arrays longer than this are written an element at a time. */
const STREAM_ITEMS = 256;

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** An object JSON.stringify writes key by key (no toJSON of its own). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether a long array sits in `value`, at most `levels` objects down. */
function holdsLongArray(value: Record<string, unknown>, levels: number): boolean {
  for (const v of Object.values(value)) {
    if (Array.isArray(v) && v.length > STREAM_ITEMS) return true;
    if (levels > 1 && isPlainObject(v) && holdsLongArray(v, levels - 1)) return true;
  }
  return false;
}
