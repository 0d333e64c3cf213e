import type { Clock } from '../clock.js';
import { describeError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * How long a read-back may disagree with what was written before it counts as a difference.
 * Genesys Cloud is eventually consistent: its own Terraform provider waits up to 60 s for a
 * deleted row to read back as gone, and up to 30 s for a deleted table (PR #2130 of
 * terraform-provider-genesyscloud, "eventual consistency in DCA regions").
 */
export const DEFAULT_SETTLE_MS = 60_000;

export interface SettleOptions {
  clock: Clock;
  logger: Logger;
  /** Give up after this long (from the first read). */
  windowMs: number;
  /** What is being read back, for the log ("the deployed tables"). */
  what: string;
  /** Stops the reading (a cancelled run must get to its restore within its grace). */
  signal?: AbortSignal | undefined;
}

export interface Settled<T, D> {
  value: T;
  /** Differences the last read still showed (empty when it settled). */
  differences: D[];
  reads: number;
  /** Time from the first read to the last, in ms. */
  elapsedMs: number;
}

/**
 * Reads until the read shows no differences or the settle window runs out, backing off between
 * reads (a tenth of the window at first, at most 1 s, doubling up to 10 s); the last read
 * falls on the window's end. One read is never proof either way: a read that differs may be a
 * lagging replica, and a read that fails (after the client's own retries) is read again. Only
 * when the window is over does a difference count; a read still failing then is thrown.
 */
export async function settle<T, D>(
  read: () => Promise<T>,
  differences: (value: T) => D[],
  options: SettleOptions,
): Promise<Settled<T, D>> {
  const { clock, logger } = options;
  const started = clock.now();
  const deadline = started + options.windowMs;
  let delay = Math.min(1_000, Math.max(50, options.windowMs / 10));
  for (let reads = 1; ; reads++) {
    let outcome: { value: T; differences: D[] } | { error: unknown };
    try {
      const value = await read();
      outcome = { value, differences: differences(value) };
    } catch (error) {
      outcome = { error };
    }
    const now = clock.now();
    const settled = 'value' in outcome && outcome.differences.length === 0;
    if (settled || now >= deadline) {
      if ('error' in outcome) throw outcome.error;
      return { ...outcome, reads, elapsedMs: now - started };
    }
    if (options.signal?.aborted) throw new SettleAborted(options.what);
    const wait = Math.min(delay, deadline - now);
    logger.info(
      'error' in outcome
        ? `${options.what}: the read failed (${describeError(outcome.error)}); reading again in ${seconds(wait)}`
        : `${options.what}: ${outcome.differences.length} difference(s) so far; the service may not show its latest writes yet (eventual consistency), reading again in ${seconds(wait)}`,
    );
    await clock.sleep(wait);
    delay = Math.min(10_000, delay * 2);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** The settling was stopped by its abort signal before the reads matched. */
export class SettleAborted extends Error {
  constructor(what: string) {
    super(`${what}: stopped by the interruption before the reads matched`);
    this.name = 'SettleAborted';
  }
}
