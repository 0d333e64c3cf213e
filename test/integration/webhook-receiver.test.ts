import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock, type Clock } from '../../src/clock.js';
import {
  DELIVERY_HEADER,
  postInvalidation,
  SIGNATURE_HEADER,
  signBody,
  type InvalidationEvent,
} from '../../src/deploy/webhook.js';
import type { Purge } from '../../src/runtime/types.js';
import { createPurgeHandler, type PurgeHandlerOptions } from '../../src/runtime/webhook-receiver.js';
import { deploy, planAgainst } from '../helpers/deploy.js';
import { useEmulator } from '../helpers/emulator.js';

const emulator = useEmulator();
const SECRET = 'hook-secret';
const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const fixedClock: Clock = { now: () => NOW, sleep: async () => {} };

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A receiver on 127.0.0.1 and the purges it accepted. */
async function receiver(options: Partial<PurgeHandlerOptions> = {}) {
  const received: Purge[][] = [];
  const server = createServer(
    createPurgeHandler({
      secret: SECRET,
      clock: fixedClock,
      onPurge: (purges) => void received.push(purges),
      ...options,
    }),
  );
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`, received };
}

function event(overrides: Partial<InvalidationEvent> = {}): InvalidationEvent {
  return {
    event: 'datatables.deployed',
    tables: ['plugin_config', 'routing'],
    version: 7,
    versions: { plugin_config: 7, routing: 7 },
    deployId: '6c1d5a8e-1f0b-4d6f-9c43-2a1e0c7f9b11',
    digest: 'sha256:00',
    environment: 'prod',
    actor: 'ci-bot',
    deployedAt: new Date(NOW).toISOString(),
    ...overrides,
  };
}

/** One raw POST, signed with `secret` unless a signature is given. */
async function post(url: string, body: string, headers: Record<string, string> = {}, secret = SECRET) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body, secret), ...headers },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

const send = (url: string, payload: InvalidationEvent, secret = SECRET) =>
  postInvalidation([url], secret, payload, { clock: systemClock, retry: { timeScale: 0.001 } });

describe('createPurgeHandler', () => {
  it('accepts a signed event from postInvalidation: 204, one purge per table with its version', async () => {
    const hook = await receiver();
    expect(await send(hook.url, event({ versions: { plugin_config: 7, routing: 6 } }))).toEqual([
      { url: hook.url, ok: true, status: 204, attempts: 1 },
    ]);
    expect(hook.received).toEqual([
      [
        { table: 'plugin_config', version: 7, deployId: event().deployId, at: event().deployedAt },
        { table: 'routing', version: 6, deployId: event().deployId, at: event().deployedAt },
      ],
    ]);
  });

  it('refuses a wrong secret and a missing or malformed signature with 401', async () => {
    const hook = await receiver();
    expect((await send(hook.url, event(), 'not-the-secret'))[0]).toMatchObject({
      ok: false,
      status: 401,
      attempts: 1,
    });
    const body = JSON.stringify(event());
    expect(await post(hook.url, body, { [SIGNATURE_HEADER]: '' })).toBe(401);
    expect(await post(hook.url, body, { [SIGNATURE_HEADER]: 'sha1=abc' })).toBe(401);
    // A signature of another body.
    expect(await post(hook.url, body, { [SIGNATURE_HEADER]: signBody(`${body} `, SECRET) })).toBe(401);
    expect(hook.received).toEqual([]);
  });

  it('refuses events outside the replay window (either way) with 409', async () => {
    const hook = await receiver({ replayWindowSeconds: 60 });
    const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
    expect((await send(hook.url, event({ deployedAt: at(-61_000) })))[0]!.status).toBe(409);
    expect((await send(hook.url, event({ deployedAt: at(61_000) })))[0]!.status).toBe(409);
    expect((await send(hook.url, event({ deployedAt: at(-59_000) })))[0]!.status).toBe(204);
    expect(hook.received).toHaveLength(1);
  });

  it('refuses a repeated delivery (same delivery id, or the same signed body) with 409', async () => {
    const hook = await receiver();
    const body = JSON.stringify(event());
    expect(await post(hook.url, body, { [DELIVERY_HEADER]: 'd-1' })).toBe(204);
    expect(await post(hook.url, body, { [DELIVERY_HEADER]: 'd-1' })).toBe(409);
    // A captured request sent again under another delivery id: headers are not signed.
    expect(await post(hook.url, body, { [DELIVERY_HEADER]: 'd-2' })).toBe(409);
    // Another event under a delivery id already accepted.
    expect(await post(hook.url, JSON.stringify(event({ version: 8 })), { [DELIVERY_HEADER]: 'd-1' })).toBe(
      409,
    );
    expect(hook.received).toHaveLength(1);
  });

  it('keeps bounded memory of deliveries', async () => {
    const hook = await receiver({ maxRemembered: 2 });
    const bodies = [1, 2, 3].map((version) => JSON.stringify(event({ version })));
    for (const [index, body] of bodies.entries())
      expect(await post(hook.url, body, { [DELIVERY_HEADER]: `d-${index}` })).toBe(204);
    // The oldest was forgotten (the replay window still bounds how old a repeat can be).
    expect(await post(hook.url, bodies[0]!, { [DELIVERY_HEADER]: 'd-0' })).toBe(204);
    expect(await post(hook.url, bodies[2]!, { [DELIVERY_HEADER]: 'd-2' })).toBe(409);
  });

  it('refuses a body over the limit with 413, without reading it all', async () => {
    const hook = await receiver({ maxBodyBytes: 1024 });
    const big = JSON.stringify(
      event({ tables: Array.from({ length: 200 }, (_, index) => `table_${index}`) }),
    );
    expect(big.length).toBeGreaterThan(1024);
    expect(await post(hook.url, big)).toBe(413);
    expect(
      (await send(hook.url, event({ tables: Array.from({ length: 100 }, (_, i) => `table_${i}`) })))[0],
    ).toMatchObject({
      ok: false,
      status: 413,
      attempts: 1,
    });
    expect(hook.received).toEqual([]);
  });

  it('refuses a chunked body (no content-length) once it passes the limit', async () => {
    const hook = await receiver({ maxBodyBytes: 1024 });
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(hook.url, { method: 'POST', headers: { [SIGNATURE_HEADER]: 'sha256=00' } });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode!);
      });
      request.on('error', reject);
      for (let chunk = 0; chunk < 4; chunk++) request.write('x'.repeat(512));
      request.end();
    });
    expect(status).toBe(413);
  });

  it('refuses malformed events with 400 (after checking the signature)', async () => {
    const hook = await receiver();
    expect(await post(hook.url, '{"event": "datatables.deployed",')).toBe(400);
    expect(await post(hook.url, '[]')).toBe(400);
    expect(await post(hook.url, JSON.stringify({ ...event(), event: 'other' }))).toBe(400);
    expect(await post(hook.url, JSON.stringify({ ...event(), tables: 'plugin_config' }))).toBe(400);
    expect(await post(hook.url, JSON.stringify({ ...event(), version: -1 }))).toBe(400);
    expect(await post(hook.url, JSON.stringify({ ...event(), versions: { a: 'x' } }))).toBe(400);
    expect(await post(hook.url, JSON.stringify({ ...event(), deployedAt: 'yesterday' }))).toBe(400);
    // Unsigned garbage is a 401: nothing of it is parsed.
    expect(await post(hook.url, '{', { [SIGNATURE_HEADER]: 'sha256=00' })).toBe(401);
    expect(hook.received).toEqual([]);
  });

  it('takes events of older deploys (no versions, no deployId) at the deploy version', async () => {
    const hook = await receiver();
    const { versions: _versions, deployId: _deployId, ...old } = event();
    expect(await post(hook.url, JSON.stringify(old))).toBe(204);
    expect(hook.received[0]!.map((purge) => [purge.table, purge.version, purge.deployId])).toEqual([
      ['plugin_config', 7, ''],
      ['routing', 7, ''],
    ]);
  });

  it('answers 500 when onPurge throws, and takes the retry', async () => {
    let failures = 1;
    const accepted: Purge[][] = [];
    const hook = await receiver({
      onPurge: (purges) => {
        if (failures-- > 0) throw new Error('down');
        accepted.push(purges);
      },
    });
    expect(await send(hook.url, event())).toEqual([{ url: hook.url, ok: true, status: 204, attempts: 2 }]);
    expect(accepted).toHaveLength(1);
  });

  it('answers 405 to anything but POST', async () => {
    const hook = await receiver();
    expect((await fetch(hook.url)).status).toBe(405);
  });

  it('receives the event of a real deploy with the versions the versions table got', async () => {
    const hook = await receiver({ clock: systemClock });
    const { plan } = await planAgainst(
      emulator,
      'table: cfg\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: x }\n',
    );
    const { result } = await deploy(emulator, {
      plan,
      versionsTable: 'datatable_deploy_versions',
      webhooks: { urls: [hook.url], secret: SECRET },
    });
    expect(result.webhooks).toEqual([{ url: hook.url, ok: true, status: 204, attempts: 1 }]);
    expect(hook.received).toEqual([
      [{ table: 'cfg', version: 1, deployId: result.deployId, at: expect.any(String) }],
    ]);
  });
});
