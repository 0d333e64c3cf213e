import type { Clock } from '../../src/clock.js';

/** A clock whose sleeps return at once but advance its time, and are recorded. */
export class RecordingClock implements Clock {
  readonly sleeps: number[] = [];
  private offset = 0;

  now(): number {
    return Date.now() + this.offset;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.offset += Math.max(0, ms);
    return Promise.resolve();
  }
}

/** Virtual time only: starts at 0 and moves only when slept. */
export class FakeClock implements Clock {
  private time = 0;

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.time += Math.max(0, ms);
    return Promise.resolve();
  }
}
