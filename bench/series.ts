import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs a bench case script in its own process (its peak memory its own) and parses its JSON. */
export async function runCase(script: string, args: readonly string[]): Promise<Record<string, number>> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, number>;
}

/**
 * The exponent k of time ≈ c·sizeᵏ that fits a series best (least squares on log–log): 1 is
 * linear, 2 quadratic.
 */
export function fittedExponent(points: ReadonlyArray<{ size: number; value: number }>): number {
  const xs = points.map((point) => Math.log(point.size));
  const ys = points.map((point) => Math.log(Math.max(point.value, 1e-3)));
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const meanY = ys.reduce((sum, y) => sum + y, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < xs.length; index++) {
    covariance += (xs[index]! - meanX) * (ys[index]! - meanY);
    variance += (xs[index]! - meanX) ** 2;
  }
  return Math.round((covariance / variance) * 100) / 100;
}

/**
 * One case per size, in turn (never side by side: they would share the CPU), and the fitted
 * exponent of each named figure over the sizes.
 */
export async function series(
  script: string,
  args: readonly string[],
  sizes: readonly number[],
  figures: readonly string[],
): Promise<{ sizes: Array<Record<string, number>>; exponents: Record<string, number> }> {
  const results: Array<Record<string, number>> = [];
  for (const size of sizes) results.push({ size, ...(await runCase(script, [...args, String(size)])) });
  const exponents: Record<string, number> = {};
  for (const figure of figures)
    exponents[figure] = fittedExponent(
      results.map((result) => ({ size: result.size!, value: result[figure]! })),
    );
  return { sizes: results, exponents };
}
