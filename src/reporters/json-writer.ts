/**
 * The JSON report, written a file at a time: the bytes are exactly those of
 * `JSON.stringify(report, null, 2) + "\n"` (see formatJson), but no file
 * waits in memory for the others.
 */
import { REPORT_VERSION, type JsonReport } from '../core/report.js';

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
 * (and, to a file, one string-to-bytes copy and one system call) per
 * hundred-odd files instead of per file. Small enough to keep memory flat.
 */
const FLUSH_AT = 1 << 20;

export class ReportWriter {
  /** Files written. */
  private count = 0;
  /** Files that came before one they follow, by index. */
  private readonly waiting = new Map<number, string>();
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
    this.fileAt(this.count + this.waiting.size, file);
  }

  /**
   * The file at `index` of the report's list (each index once, in any
   * order): written when the files before it are, kept as text until then.
   */
  fileAt(index: number, file: unknown): void {
    const text = nested(file, 2);
    if (index !== this.count) {
      this.waiting.set(index, text);
      return;
    }
    this.putFile(text);
    for (let next = this.waiting.get(this.count); next !== undefined; next = this.waiting.get(this.count)) {
      this.waiting.delete(this.count);
      this.putFile(next);
    }
  }

  private putFile(text: string): void {
    this.begin();
    this.put(`${this.count++ > 0 ? ',' : ''}\n    ${text}`);
  }

  /** Close the files array and write the rest of the report's top-level fields. */
  end(rest: { summary: JsonReport['summary'] } & Record<string, unknown>): void {
    if (this.waiting.size > 0) throw new Error(`report files missing before index ${Math.min(...this.waiting.keys())}`);
    this.begin();
    let text = this.count > 0 ? '\n  ]' : ']';
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined) continue;
      text += `,\n  ${JSON.stringify(key)}: ${nested(value, 1)}`;
    }
    this.put(`${text}\n}\n`);
    this.flush();
  }
}
