import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import {
  postInvalidation,
  signBody,
  SIGNATURE_HEADER,
  type InvalidationEvent,
} from '../../src/deploy/webhook.js';
import { connectRedis } from '../../src/runtime/redis.js';
import { createRelay, type Relay } from '../../src/runtime/relay.js';
import type { Purge, PurgeChannel, SharedTier } from '../../src/runtime/types.js';
import { canRestartRedis, describeRedis, startRedis, type TestRedis } from '../helpers/redis.js';

/** The relay end to end: the deploy's signed webhook → relay → Redis → subscribed readers. */

const SECRET = 'relay-test-secret';

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

function event(versions: Record<string, number>, deployedAt = new Date().toISOString()): InvalidationEvent {
  const tables = Object.keys(versions);
  return {
    event: 'datatables.deployed',
    tables,
    version: Math.max(...Object.values(versions)),
    versions,
    deployId: randomUUID(),
    digest: 'sha256:test',
    environment: 'production',
    actor: 'tester',
    deployedAt,
  };
}

/** One POST of a body, signed with `secret` (or with the header given). */
async function post(url: string, body: string, signature = signBody(body, SECRET)): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature },
    body,
  });
  await response.arrayBuffer();
  return response.status;
}

describeRedis('the relay', () => {
  let redis: TestRedis;
  let relay: Relay;
  let url: string;
  let reader: { tier: SharedTier; purges: PurgeChannel };
  let seen: Purge[];
  /** The relay's and the readers' channel and key prefix (unique to this file). */
  let names: { channel: string; keyPrefix: string };

  beforeAll(async () => {
    redis = await startRedis();
    const prefix = redis.prefix();
    names = { channel: `${prefix}purges`, keyPrefix: prefix };
    relay = await createRelay({ redisUrl: redis.url, secret: SECRET, ...names, replayWindowSeconds: 60 });
    ({ url } = await relay.listen(0));
    reader = await connectRedis({ url: redis.url, ...names });
  });
  afterEach(async () => {
    // Each test starts with a subscriber of its own.
    await Promise.all([reader.tier.close(), reader.purges.close()]);
    reader = await connectRedis({ url: redis.url, ...names });
  });
  afterAll(async () => {
    await Promise.all([relay.close(), reader.tier.close(), reader.purges.close()]);
    await redis.close();
  });

  async function subscribe(): Promise<void> {
    seen = [];
    await reader.purges.subscribe({ onPurge: (purge) => seen.push(purge), onReconnect: () => {} });
  }

  it('publishes each table of a deploy to the subscribers, and records the versions', async () => {
    await subscribe();
    const sent = event({ plugin_config: 7, routing: 3 });
    const [result] = await postInvalidation([url], SECRET, sent, { clock: systemClock });
    expect(result).toMatchObject({ ok: true, status: 204, attempts: 1 });
    await until(() => seen.length === 2);
    expect(seen).toEqual([
      { table: 'plugin_config', version: 7, deployId: sent.deployId, at: sent.deployedAt },
      { table: 'routing', version: 3, deployId: sent.deployId, at: sent.deployedAt },
    ]);
    expect(Object.fromEntries(await reader.purges.latestVersions())).toMatchObject({
      plugin_config: 7,
      routing: 3,
    });
  });

  it('does not publish a purge older than the version announced, nor lower it', async () => {
    await subscribe();
    await postInvalidation([url], SECRET, event({ plugin_config: 20 }), { clock: systemClock });
    await postInvalidation([url], SECRET, event({ plugin_config: 19 }), { clock: systemClock });
    await postInvalidation([url], SECRET, event({ plugin_config: 21 }), { clock: systemClock });
    // Messages arrive in publish order: had 19 been published, it would be second.
    await until(() => seen.length === 2);
    expect(seen.map((purge) => purge.version)).toEqual([20, 21]);
    expect((await reader.purges.latestVersions()).get('plugin_config')).toBe(21);
  });

  it('refuses a bad signature, a replay and a stale event, publishing nothing', async () => {
    await subscribe();
    const forged = JSON.stringify(event({ plugin_config: 50 }));
    expect(await post(url, forged, signBody(forged, 'another-secret'))).toBe(401);
    expect(await post(url, forged, '')).toBe(401);
    const genuine = JSON.stringify(event({ plugin_config: 51 }));
    expect(await post(url, genuine)).toBe(204);
    // The same delivery again (a captured request sent twice) is a replay.
    expect(await post(url, genuine)).toBe(409);
    const stale = JSON.stringify(
      event({ plugin_config: 52 }, new Date(Date.now() - 3_600_000).toISOString()),
    );
    expect(await post(url, stale)).toBe(409);
    // A last genuine event: had any refused one been published, it would come before this one.
    expect(await post(url, JSON.stringify(event({ plugin_config: 53 })))).toBe(204);
    await until(() => seen.length === 2);
    expect(seen.map((purge) => purge.version)).toEqual([51, 53]);
    expect((await reader.purges.latestVersions()).get('plugin_config')).toBe(53);
  });

  it.skipIf(!canRestartRedis)(
    `answers 500 while Redis is down, so that the deploy sends again${canRestartRedis ? '' : ' (skipped: needs redis-server itself)'}`,
    async () => {
      const body = JSON.stringify(event({ plugin_config: 60 }));
      await redis.stop();
      await until(() => !relay.healthy);
      expect(await post(url, body)).toBe(500);
      await redis.start();
      await until(() => relay.healthy);
      // Redis restarted empty; the same delivery, sent again, is taken (a failed one is not remembered).
      expect(await post(url, body)).toBe(204);
      const check = createClient({ url: redis.url });
      await check.connect();
      expect(await check.hGet(`${names.keyPrefix}versions`, 'plugin_config')).toBe('60');
      await check.close();
    },
  );
});
