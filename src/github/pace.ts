/**
 * GitHub's content-creation limits (80 a minute, 500 an hour): a sliding
 * window per limit, consulted before each create. Waits when the wait is
 * acceptable, otherwise says when the limit frees up so the run can stop
 * cleanly and a rerun can resume.
 */
export interface Limit {
  count: number;
  windowMs: number;
}

export const CONTENT_LIMITS: Limit[] = [
  { count: 80, windowMs: 60_000 },
  { count: 500, windowMs: 3_600_000 },
];

/** "80/60,500/3600": count per seconds, from POSTMORTEM_CREATE_LIMITS (tests and GHES). */
export function limitsFromEnv(value: string | undefined): Limit[] {
  if (!value) return CONTENT_LIMITS;
  const limits = value.split(',').map((part) => {
    const m = /^\s*(\d{1,6})\s*\/\s*(\d{1,7}(?:\.\d{1,3})?)\s*$/.exec(part);
    return m ? { count: Number(m[1]), windowMs: Number(m[2]) * 1000 } : null;
  });
  return limits.every((l): l is Limit => l !== null) ? limits : CONTENT_LIMITS;
}

function margin(limit: Limit): number {
  return Math.max(100, Math.round(limit.windowMs * 0.02));
}

export class Pace {
  private readonly times: number[] = [];

  constructor(
    private readonly limits: Limit[],
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before the next create fits every window. */
  delay(): number {
    const now = this.now();
    let wait = 0;
    for (const limit of this.limits) {
      const inWindow = this.times.filter((t) => t > now - limit.windowMs);
      if (inWindow.length >= limit.count) {
        const oldest = inWindow[inWindow.length - limit.count];
        // A margin, because GitHub counts arrivals, not our send times.
        wait = Math.max(wait, oldest + limit.windowMs - now + margin(limit));
      }
    }
    return wait;
  }

  record(): void {
    this.times.push(this.now());
    const longest = Math.max(...this.limits.map((l) => l.windowMs));
    while (this.times.length > 0 && this.times[0] <= this.now() - longest) this.times.shift();
  }
}
