import { describe, expect, it } from 'vitest';
import {
  defaultConfig,
  describeTiming,
  mergeConfig,
  profileConfig,
  realisticConfig,
} from '../../src/emulator/config.js';
import { DurationSource } from '../../src/emulator/durations.js';
import { LaggingView } from '../../src/emulator/visibility.js';

describe('LaggingView', () => {
  const truth = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it('shows a write from its visibleAt on, and the value before it until then', () => {
    const view = new LaggingView<string>();
    view.record('k', undefined, 'created', 100, 0);
    expect(view.read('k', 'created', 99)).toBeUndefined();
    expect(view.read('k', 'created', 100)).toBe('created');
    view.record('k', 'created', undefined, 300, 200);
    expect(view.read('k', undefined, 299)).toBe('created');
    expect(view.read('k', undefined, 300)).toBeUndefined();
  });

  it('lets the last-written visible version win, even when an earlier write becomes visible later', () => {
    const view = new LaggingView<string>();
    view.record('k', 'v0', 'v1', 500, 0);
    view.record('k', 'v1', 'v2', 200, 10);
    expect(view.read('k', 'v2', 100)).toBe('v0');
    expect(view.read('k', 'v2', 250)).toBe('v2');
    // v1 becomes "visible" at 500 but is older than v2: never seen.
    expect(view.read('k', 'v2', 600)).toBe('v2');
  });

  it('prunes what no read can see any more, and a write visible at once supersedes everything', () => {
    const view = new LaggingView<string>();
    view.record('a', undefined, 'a1', 100, 0);
    view.record('a', 'a1', 'a2', 300, 0);
    view.record('b', undefined, 'b1', 100, 0);
    expect(view.pendingCount).toBe(2);
    expect(view.read('a', 'a2', 150)).toBe('a1');
    expect(view.read('b', 'b1', 150)).toBe('b1');
    expect(view.pendingCount).toBe(1);
    view.record('a', 'a2', 'a3', 0, 0);
    expect(view.pendingCount).toBe(0);
    expect(view.read('a', 'a3', 1)).toBe('a3');
  });

  it('lists the truth in its order as the view sees it, then entries only the view still has', () => {
    const view = new LaggingView<string>();
    view.record('gone', 'old', undefined, 100, 0);
    view.record('new', undefined, 'n', 100, 0);
    view.record('changed', 'c0', 'c1', 100, 0);
    const now = truth({ first: 'f', changed: 'c1', new: 'n' });
    expect(view.values(now, 50)).toEqual(['f', 'c0', 'old']);
    expect(view.values(now, 100)).toEqual(['f', 'c1', 'n']);
    expect(view.pendingCount).toBe(0);
  });
});

describe('DurationSource', () => {
  it('gives exactly the setting when fixed, and nothing for 0', () => {
    const durations = new DurationSource(1);
    expect(durations.draw(400, 'fixed')).toBe(400);
    expect(durations.draw(0, 'random')).toBe(0);
  });

  it('draws random durations in [0, setting), repeatably per seed', () => {
    const draws = (seed: number) => {
      const durations = new DurationSource(seed);
      return Array.from({ length: 50 }, () => durations.draw(1_000, 'random'));
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    expect(Math.min(...draws(7))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws(7))).toBeLessThan(1_000);
    const reseeded = new DurationSource(8);
    reseeded.reseed(7);
    expect(Array.from({ length: 50 }, () => reseeded.draw(1_000, 'random'))).toEqual(draws(7));
  });
});

describe('profiles and realism settings', () => {
  it('keeps the instant profile as the defaults', () => {
    expect(defaultConfig()).toMatchObject(profileConfig('instant'));
    expect(defaultConfig()).toMatchObject({
      consistencyLagMs: 0,
      tableLagMs: 0,
      processingDelayMs: 0,
      jobOutcome: 'succeed',
    });
  });

  it('scales every duration of the realistic profile', () => {
    expect(realisticConfig()).toEqual({
      consistencyLagMs: 5_000,
      consistencyLagMode: 'random',
      tableLagMs: 10_000,
      processingDelayMs: 300,
      processingDelayMode: 'random',
      jobDelayMs: 4_000,
    });
    expect(realisticConfig(0.1)).toMatchObject({ consistencyLagMs: 500, tableLagMs: 1_000, jobDelayMs: 400 });
    expect(() => realisticConfig(0)).toThrow(/scale must be a number above 0/);
    expect(() => profileConfig('slow')).toThrow(/profile must be one of instant, realistic/);
  });

  it('refuses a mode or outcome it does not know, and negative durations', () => {
    expect(() => mergeConfig(defaultConfig(), { jobOutcome: 'explode' })).toThrow(
      /must be one of succeed, stuck, fail-partway/,
    );
    expect(() => mergeConfig(defaultConfig(), { tableLagMs: -1 })).toThrow(/0 or more/);
    expect(mergeConfig(defaultConfig(), { consistencyLagMode: 'fixed' }).consistencyLagMode).toBe('fixed');
  });

  it('describes the timing in one line', () => {
    expect(describeTiming(mergeConfig(defaultConfig(), realisticConfig(0.1)))).toBe(
      'row reads lag writes by up to 500 ms, table reads by up to 1 s, writes take up to 30 ms, jobs 400 ms',
    );
  });
});
