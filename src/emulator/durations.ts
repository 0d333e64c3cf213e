import type { DurationMode } from './config.js';
import { seededRandom } from './faults.js';

/**
 * Draws the durations of the realism settings (consistency lags, processing delays): exactly the
 * setting in `fixed` mode, uniformly from 0 to it in `random` mode. The generator is seeded and
 * separate from the fault dice, so a run repeats and turning a lag on does not change which
 * requests a probabilistic fault hits.
 */
export class DurationSource {
  private random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(DurationSource.streamSeed(seed));
  }

  reseed(seed: number): void {
    this.random = seededRandom(DurationSource.streamSeed(seed));
  }

  /** Milliseconds to wait; 0 for a setting of 0 (and then nothing is drawn). */
  draw(settingMs: number, mode: DurationMode): number {
    if (!(settingMs > 0)) return 0;
    return mode === 'fixed' ? settingMs : this.random() * settingMs;
  }

  /** Another stream than the fault injector's for the same seed. */
  private static streamSeed(seed: number): number {
    return (seed ^ 0x5bd1e995) >>> 0;
  }
}
