import { describe, expect, it } from 'vitest';
import { FaultInjector, seededRandom } from '../../src/emulator/faults.js';

describe('FaultInjector', () => {
  it('matches by method and path or route template, with after and count', () => {
    const faults = new FaultInjector(1);
    faults.add({ method: 'GET', path: '\\{rowId\\}$', status: 503, after: 1, count: 2 });
    const fire = () =>
      faults.match(
        'GET',
        '/api/v2/flows/datatables/t/rows/k',
        'GET /api/v2/flows/datatables/{datatableId}/rows/{rowId}'.slice(4),
      );
    expect([fire(), fire(), fire(), fire()].map((action) => action?.status)).toEqual([
      undefined,
      503,
      503,
      undefined,
    ]);
    expect(
      faults.match(
        'PUT',
        '/api/v2/flows/datatables/t/rows/k',
        '/api/v2/flows/datatables/{datatableId}/rows/{rowId}',
      ),
    ).toBeUndefined();
  });

  it('gives 429s a Retry-After and a default code per status', () => {
    const faults = new FaultInjector(1);
    faults.add({ status: 429, count: 1 });
    faults.add({ status: 502, count: 1 });
    faults.add({ reset: true, delayMs: 5, count: 1 });
    expect(faults.match('GET', '/x', '/x')).toEqual({
      delayMs: 0,
      reset: false,
      status: 429,
      code: 'too.many.requests.retry.after',
      retryAfterSeconds: 1,
    });
    expect(faults.match('GET', '/x', '/x')).toMatchObject({ status: 502, code: 'bad.gateway' });
    expect(faults.match('GET', '/x', '/x')).toEqual({ delayMs: 5, reset: true });
  });

  it('draws probabilistic faults from the seed, repeatably', () => {
    const pattern = (seed: number) => {
      const faults = new FaultInjector(seed);
      faults.add({ status: 500, probability: 0.3 });
      return Array.from({ length: 200 }, () => (faults.match('GET', '/x', '/x') ? 1 : 0)).join('');
    };
    expect(pattern(5)).toBe(pattern(5));
    expect(pattern(5)).not.toBe(pattern(6));
    const fired = [...pattern(5)].filter((bit) => bit === '1').length;
    expect(fired).toBeGreaterThan(35);
    expect(fired).toBeLessThan(85);
  });

  it('refuses rules that would do nothing or cannot be read', () => {
    const faults = new FaultInjector(1);
    expect(() => faults.add({ method: 'GET' })).toThrow(/status, reset or delayMs/);
    expect(() => faults.add({ status: 200 })).toThrow(/400–599/);
    expect(() => faults.add({ status: 500, probability: 2 })).toThrow(/between 0 and 1/);
    expect(() => faults.add({ status: 500, path: '(' })).toThrow(SyntaxError);
  });

  it('seededRandom stays in [0, 1)', () => {
    const random = seededRandom(123);
    const values = Array.from({ length: 1_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});
