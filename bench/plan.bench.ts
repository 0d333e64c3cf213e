import { resolve } from 'node:path';
import { runCase, series } from './series.js';

const script = resolve(import.meta.dirname, 'plan-case.ts');

/**
 * Plan computation for one table of 10 columns where every row changes, at 25,000 to 200,000
 * rows, with the fitted exponent of each figure over the sizes (1: linear).
 */
export const planLargeTable = () =>
  series(script, ['large'], [25_000, 50_000, 100_000, 200_000], ['planStepMs', 'planStepCpuMs', 'peakRssMb']);

/** Plan computation for 200 tables × 500 rows, a fifth of the rows changing. */
export const planManyTables = () => runCase(script, ['many']);
