/**
 * A short-lived lock around one repository's sync, so two runs that overlap
 * (two pushes, no `concurrency:` group in the workflow) cannot both open an
 * item's issue. The lock is a label: GitHub creates a label only if no
 * label of that name exists (422 otherwise), which makes the create an
 * atomic test-and-set that needs no permission beyond the sync's own
 * `issues: write` (a git ref would need `contents: write`, and a branch
 * would start other workflows). The label's description says who holds it
 * and until when; the holder extends it while it works, and a lock past its
 * time (a run that crashed) is taken over.
 */
import { randomBytes } from 'node:crypto';
import { statusOf, type GitHubGateway } from './gateway.js';
import { errorLine } from '../core/strings.js';

export const LOCK_LABEL = 'postmortem-governance: sync lock';

export interface LockOptions {
  /** How long the lock holds without being extended (default 2 min; the holder extends it every third of that). */
  ttlMs?: number;
  /** How long to wait for another run's lock before giving up (default 5 min). */
  waitMs?: number;
  /** How often to look again while waiting (default 5 s). */
  pollMs?: number;
  /** Who is asking (the workflow run and attempt), for the label's description. */
  holder: string;
  /** Whether a holder is an earlier attempt of this very run (a rerun after a crash): its lock is taken over at once. */
  earlierAttempt?: (holder: string) => boolean;
  log: { info(message: string): void; warning(message: string): void };
  now?: () => number;
}

/** Another run held the lock for longer than this run would wait. */
export class LockBusy extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockBusy';
  }
}

/** Lock timing from the environment (tests and slow runners): POSTMORTEM_LOCK_TTL_MS, _WAIT_MS, _POLL_MS. */
export function lockTimingFromEnv(env: Record<string, string | undefined>): Pick<LockOptions, 'ttlMs' | 'waitMs' | 'pollMs'> {
  const num = (v: string | undefined) => (v !== undefined && /^\d{1,9}$/.test(v) ? Number(v) : undefined);
  return { ttlMs: num(env.POSTMORTEM_LOCK_TTL_MS), waitMs: num(env.POSTMORTEM_LOCK_WAIT_MS), pollMs: num(env.POSTMORTEM_LOCK_POLL_MS) };
}

const describe = (holder: string, until: number) => `Held by ${holder} until ${new Date(until).toISOString()}. Removed when that sync ends.`;
const until = (description: string | null) => {
  const m = /until (\d{4}-\d{2}-\d{2}T[\d:.]+Z)/.exec(description ?? '');
  return m ? Date.parse(m[1]) : NaN;
};
const heldBy = (description: string | null) => /^Held by (.*) \([0-9a-f]{8}\) until/.exec(description ?? '')?.[1] ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SyncLock {
  private timer: ReturnType<typeof setInterval> | undefined;

  private constructor(
    private readonly gateway: GitHubGateway,
    private readonly id: string,
    private readonly options: LockOptions,
  ) {}

  /**
   * Take the lock, waiting while another run holds it. Resolves to null when
   * the token may not create labels (the sync goes on without the lock, as
   * before it existed); throws LockBusy when the wait is over.
   */
  static async acquire(gateway: GitHubGateway, options: LockOptions): Promise<SyncLock | null> {
    const now = options.now ?? Date.now;
    const ttl = options.ttlMs ?? 120_000;
    const id = `${options.holder} (${randomBytes(4).toString('hex')})`;
    const deadline = now() + (options.waitMs ?? 300_000);
    let told = false;
    for (;;) {
      let created: boolean;
      try {
        created = await gateway.createLabelIfAbsent(LOCK_LABEL, 'ededed', describe(id, now() + ttl));
      } catch (error) {
        const status = statusOf(error);
        if (status !== 403 && status !== 401) throw error;
        options.log.warning('Could not take the sync lock (the token may not create labels); going on without it.');
        return null;
      }
      const label = await gateway.getLabel(LOCK_LABEL);
      if (created && label?.description?.includes(id)) return new SyncLock(gateway, id, options).keepAlive(ttl, now);
      if (label && (!(until(label.description) > now()) || options.earlierAttempt?.(heldBy(label.description)))) {
        options.log.warning(`Taking over a stale sync lock (${label.description ?? 'no description'}).`);
        await gateway.deleteLabel(LOCK_LABEL);
        continue;
      }
      const held = label?.description ?? 'released just now';
      if (now() >= deadline) throw new LockBusy(`Another sync of this repository holds the lock (${held}); not syncing now, so that no issue is opened twice. Rerun when it has finished.`);
      if (!told) options.log.info(`Another sync of this repository is running (${held}); waiting for it.`);
      told = true;
      await sleep(Math.min(options.pollMs ?? 5000, Math.max(0, deadline - now())));
    }
  }

  private keepAlive(ttl: number, now: () => number): this {
    this.timer = setInterval(() => {
      this.gateway.updateLabelDescription(LOCK_LABEL, describe(this.id, now() + ttl)).catch((error: unknown) => {
        this.options.log.warning(`Could not extend the sync lock: ${errorLine(error)}`);
      });
    }, Math.max(1000, Math.floor(ttl / 3)));
    this.timer.unref();
    return this;
  }

  /** Give the lock back, unless another run has taken it over meanwhile. */
  async release(): Promise<void> {
    clearInterval(this.timer);
    const label = await this.gateway.getLabel(LOCK_LABEL);
    if (label?.description?.includes(this.id)) await this.gateway.deleteLabel(LOCK_LABEL);
  }
}
