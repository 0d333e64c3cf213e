import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { describeError } from '../../src/errors.js';
import { captureLogger, clientFor, emulatorWith, makeRows, seedTable } from '../helpers/emulator.js';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith({
    clients: [{ id: 'ci-client', secret: 'S3cr3t-value-that-must-not-leak' }],
  });
});
afterAll(() => emulator.close());

it('never writes the client secret or an access token to a log line or an error', async () => {
  const secret = 'S3cr3t-value-that-must-not-leak';
  const tokens = new Set<string>();
  // Record every token the service hands out and every Authorization header sent.
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const authorization = new Headers(init?.headers).get('authorization');
    if (authorization?.startsWith('Bearer ')) tokens.add(authorization.slice(7));
    if (String(input).endsWith('/oauth/token') && response.ok) {
      const body = (await response.clone().json()) as { access_token: string };
      tokens.add(body.access_token);
    }
    return response;
  };
  const logger = captureLogger();
  const output: string[] = [];
  const id = seedTable(emulator, 't', makeRows(20));
  const client = clientFor(
    emulator,
    { clientId: 'ci-client', clientSecret: secret },
    { logger, fetch: recordingFetch },
  );

  // Success with retries, a token renewal, a refusal, then a bad secret.
  emulator.faults.add({ path: '/rows$', status: 503, count: 2 });
  emulator.faults.add({ path: '/rows$', status: 429, count: 1 });
  await client.tables.listRows(id);
  emulator.tokens.expireAll();
  await client.tables.listTables();
  for (const failing of [
    () => client.tables.createRow(id, { key: 'row-00001' }),
    () => client.tables.getTable('missing'),
    () =>
      clientFor(
        emulator,
        { clientId: 'ci-client', clientSecret: `${secret}-wrong` },
        { logger, fetch: recordingFetch },
      ).tables.listTables(),
  ]) {
    try {
      await failing();
    } catch (error) {
      output.push(describeError(error), JSON.stringify(error), String((error as Error).stack));
    }
  }

  expect(tokens.size).toBeGreaterThanOrEqual(2);
  expect(logger.lines.length).toBeGreaterThan(0);
  expect(output).toHaveLength(9);
  const everything = [...logger.lines, ...output].join('\n');
  expect(everything).not.toContain(secret);
  expect(everything).not.toContain(Buffer.from(`ci-client:${secret}`).toString('base64'));
  for (const token of tokens) expect(everything).not.toContain(token);
});
