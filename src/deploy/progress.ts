import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';

/**
 * Progress of a long run of operations: "12,000 of 40,000 rows (30%), 98/s, about 4 min 45 s
 * left", written at most once per interval so that CI logs stay short.
 */
export class Progress {
  private done = 0;
  private readonly started: number;
  private lastReport: number;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly intervalMs = 10_000,
  ) {
    this.started = clock.now();
    this.lastReport = this.started;
  }

  tick(count = 1): void {
    this.done += count;
    const now = this.clock.now();
    if (now - this.lastReport >= this.intervalMs && this.done < this.total) {
      this.lastReport = now;
      this.logger.info(this.line(now));
    }
  }

  /** The closing line: how many, how long, how fast. */
  finish(): void {
    if (this.total === 0) return;
    const seconds = Math.max(0.001, (this.clock.now() - this.started) / 1000);
    this.logger.info(
      `${this.label}: ${this.done} of ${this.total} done in ${seconds.toFixed(1)} s (${(this.done / seconds).toFixed(1)}/s)`,
    );
  }

  private line(now: number): string {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.done / seconds;
    const left = rate > 0 ? (this.total - this.done) / rate : 0;
    const percent = Math.floor((this.done / this.total) * 100);
    return `${this.label}: ${this.done} of ${this.total} (${percent}%), ${rate.toFixed(1)}/s, about ${Math.ceil(left)} s left`;
  }
}
