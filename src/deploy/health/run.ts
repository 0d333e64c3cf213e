import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import { runCommandProbe, runHttpProbe, type ProbeContext, type ProbeOutcome } from './probes.js';
import type { HealthSpec, ProbeSpec } from './spec.js';

export interface ProbeResult {
  name: string;
  passes: number;
  failures: number;
  lastDetail: string;
}

export interface HealthReport {
  passed: boolean;
  rounds: number;
  probes: ProbeResult[];
  /** Why it failed, for the deploy's message. */
  reason?: string;
}

/**
 * Probes in rounds for the bake time (at least one round), every probe each round. A probe
 * that fails more than its `maxFailures` fails the check at once; at the end every probe must
 * have passed `minPasses` times.
 */
export async function runHealthChecks(
  spec: HealthSpec,
  context: ProbeContext,
  options: { clock: Clock; logger: Logger; signal?: AbortSignal | undefined },
): Promise<HealthReport> {
  const bakeMs = (spec.bakeSeconds ?? 0) * 1000;
  const intervalMs = (spec.intervalSeconds ?? 5) * 1000;
  const results: ProbeResult[] = spec.probes.map((probe) => ({
    name: probe.name,
    passes: 0,
    failures: 0,
    lastDetail: '',
  }));
  const started = options.clock.now();
  let rounds = 0;
  for (;;) {
    rounds += 1;
    const outcomes = await Promise.all(spec.probes.map((probe) => runProbe(probe, context)));
    for (const [index, outcome] of outcomes.entries()) {
      const result = results[index]!;
      const probe = spec.probes[index]!;
      result.lastDetail = outcome.detail;
      if (outcome.ok) result.passes += 1;
      else {
        result.failures += 1;
        options.logger.warn(
          `health check "${probe.name}" failed (failure ${result.failures}; ${probe.maxFailures ?? 0} allowed): ${outcome.detail}`,
        );
        if (result.failures > (probe.maxFailures ?? 0)) {
          return {
            passed: false,
            rounds,
            probes: results,
            reason: `health check "${probe.name}" failed: ${outcome.detail}`,
          };
        }
      }
    }
    if (options.signal?.aborted)
      return { passed: false, rounds, probes: results, reason: 'interrupted during the health checks' };
    if (options.clock.now() - started + intervalMs > bakeMs) break;
    await options.clock.sleep(intervalMs);
  }
  const short = spec.probes.findIndex((probe, index) => results[index]!.passes < (probe.minPasses ?? 1));
  if (short >= 0) {
    const probe = spec.probes[short]!;
    return {
      passed: false,
      rounds,
      probes: results,
      reason: `health check "${probe.name}" passed ${results[short]!.passes} times; ${probe.minPasses ?? 1} needed`,
    };
  }
  options.logger.info(
    `health checks passed: ${results.map((result) => `${result.name} ${result.passes}/${rounds}`).join(', ')} in ${rounds} round${rounds === 1 ? '' : 's'}`,
  );
  return { passed: true, rounds, probes: results };
}

function runProbe(probe: ProbeSpec, context: ProbeContext): Promise<ProbeOutcome> {
  if (probe.http) return runHttpProbe(probe.http, context);
  return runCommandProbe(probe.command!, context);
}
