import { describe, expect, it } from 'vitest';
import { defaultConfig, mergeConfig } from '../../src/emulator/config.js';
import { matchRoute, type Route } from '../../src/emulator/context.js';
import { envelope, nameFilter } from '../../src/emulator/listing.js';
import { TokenRateLimiter } from '../../src/emulator/rate-limiter.js';

describe('emulator building blocks', () => {
  it('name filters are case-insensitive, exact, with * wildcards and regex characters taken literally', () => {
    expect(nameFilter('plugin*')('Plugin_Config')).toBe(true);
    expect(nameFilter('plugin')('plugin_config')).toBe(false);
    expect(nameFilter('a.b')('axb')).toBe(false);
    expect(nameFilter('*(prod)*')('cfg (prod) v2')).toBe(true);
  });

  it("envelopes count pages and keep the caller's parameters in URIs", () => {
    const listing = envelope(
      [1, 2, 3, 4, 5],
      { pageNumber: 2, pageSize: 2 },
      '/p',
      new URLSearchParams('showbrief=false'),
    );
    expect(listing).toEqual({
      entities: [3, 4],
      pageSize: 2,
      pageNumber: 2,
      total: 5,
      pageCount: 3,
      firstUri: '/p?showbrief=false&pageSize=2&pageNumber=1',
      selfUri: '/p?showbrief=false&pageSize=2&pageNumber=2',
      lastUri: '/p?showbrief=false&pageSize=2&pageNumber=3',
      nextUri: '/p?showbrief=false&pageSize=2&pageNumber=3',
      previousUri: '/p?showbrief=false&pageSize=2&pageNumber=1',
    });
    expect(envelope([], { pageNumber: 1, pageSize: 25 }, '/p', new URLSearchParams())).toMatchObject({
      total: 0,
      pageCount: 0,
      nextUri: null,
    });
  });

  it('routes literal segments before parameters and decodes parameters', () => {
    const handler = () => ({ status: 200 });
    const routes: Route[] = [
      { method: 'GET', template: '/t/special', handler, access: 'api' },
      { method: 'GET', template: '/t/{id}', handler, access: 'api' },
      { method: 'PUT', template: '/t/{id}', handler, access: 'api' },
    ];
    expect(matchRoute(routes, 'GET', '/t/special')).toMatchObject({ route: routes[0], params: {} });
    expect(matchRoute(routes, 'GET', '/t/a%2Fb')).toMatchObject({ route: routes[1], params: { id: 'a/b' } });
    expect(matchRoute(routes, 'DELETE', '/t/x')).toEqual({ route: undefined, allowed: ['GET', 'PUT'] });
    expect(matchRoute(routes, 'GET', '/t/%E0%A4%A')).toEqual({ route: undefined, allowed: [] });
  });

  it("the per-token limiter allows a minute's worth, then says when to retry", () => {
    let now = 0;
    const limiter = new TokenRateLimiter(
      () => 60,
      () => now,
    );
    for (let index = 0; index < 60; index++) expect(limiter.take('t').allowed).toBe(true);
    expect(limiter.take('t')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('other').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('t').allowed).toBe(true);
  });

  it('config merges known keys of the right type only', () => {
    expect(mergeConfig(defaultConfig(), { maxPageSize: 100 }).maxPageSize).toBe(100);
    expect(() => mergeConfig(defaultConfig(), { maxPagesize: 100 })).toThrow(
      /unknown config key "maxPagesize"/,
    );
    expect(() => mergeConfig(defaultConfig(), { clients: 'x' })).toThrow(/must be a array/);
    expect(() => mergeConfig(defaultConfig(), [])).toThrow(/JSON object/);
  });
});
