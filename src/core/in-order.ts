/**
 * Values that come with their index, in any order (each index 0, 1, 2… once),
 * passed on in index order: the audit's results from the content cache run
 * ahead of a changed file still being checked (io/pool.ts `checkAsReady`),
 * and the JSON report lists files in path order. Pure.
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private next = 0;

  constructor(private readonly emit: (value: T) => void) {}

  /** Take the value at `index`: passed on now with those after it that came early, or kept until its turn. */
  put(index: number, value: T): void {
    if (index !== this.next) {
      this.waiting.set(index, value);
      return;
    }
    this.emit(value);
    this.next++;
    for (let ready = this.waiting.get(this.next); ready !== undefined; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next++);
      this.emit(ready);
    }
  }

  /** How many values have been passed on. */
  get passed(): number {
    return this.next;
  }

  /** Throws when a value came whose earlier ones never did. */
  assertComplete(what: string): void {
    if (this.waiting.size > 0) throw new Error(`${what} missing before index ${this.next} (${this.waiting.size} waiting)`);
  }
}
