import { describe, expect, it } from 'vitest';
import { AuthenticationError, ConfigurationError } from '../../src/errors.js';
import { createGenesysTableSource } from '../../src/runtime/genesys-source.js';
import { clientFor, countRequests, makeRows, seedTable, useEmulator } from '../helpers/emulator.js';
import { runCliInProcess } from '../helpers/processes.js';
import { rejection } from '../helpers/rejection.js';

const emulator = useEmulator();

/** A token from the emulator's OAuth service, as `gc` or a login page would hand one out. */
async function issuedToken(): Promise<string> {
  const basic = Buffer.from(`${emulator.clientId}:${emulator.clientSecret}`).toString('base64');
  const response = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  emulator.log.reset();
  return token;
}

const tokenRequests = () => countRequests(emulator, /\/oauth\/token$/);

describe('an access token instead of an OAuth client', () => {
  it('is used as is: no OAuth request is made', async () => {
    const accessToken = await issuedToken();
    const id = seedTable(emulator, 'routing', makeRows(700));
    const client = clientFor(emulator, { clientId: '', clientSecret: '', accessToken });
    expect(await client.tables.listRows(id)).toHaveLength(700);
    expect(emulator.log.snapshot().total).toBeGreaterThanOrEqual(2);
    expect(tokenRequests()).toBe(0);
  });

  it('fails at once on 401, saying the token expired or is not valid and what to do', async () => {
    const accessToken = await issuedToken();
    emulator.tokens.expireAll();
    const client = clientFor(emulator, { clientId: '', clientSecret: '', accessToken });
    const error = await rejection<AuthenticationError>(client.tables.listTables());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.hint).toMatch(
      /^The access token \(GENESYSCLOUD_ACCESS_TOKEN, or the genesys-access-token input\) has expired/,
    );
    expect(error.hint).toMatch(/GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET/);
    // Not renewed (there is nothing to renew it with), not retried.
    expect(emulator.log.snapshot().total).toBe(1);
    expect(tokenRequests()).toBe(0);
  });

  it('is refused together with an OAuth client, before any request', async () => {
    const error = await rejection<ConfigurationError>(
      (async () => clientFor(emulator, { accessToken: 'a-token-value' }))(),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(/Both an access token and an OAuth client id or secret were given/);
    expect(error.hint).toMatch(/^Give one: unset GENESYSCLOUD_ACCESS_TOKEN/);
    expect(emulator.log.snapshot().total).toBe(0);
  });

  it('serves the runtime reader too', async () => {
    const accessToken = await issuedToken();
    seedTable(emulator, 'routing', makeRows(3));
    const source = createGenesysTableSource({
      clientId: '',
      clientSecret: '',
      accessToken,
      apiUrl: emulator.url,
    });
    expect(await source.readRows('routing')).toHaveLength(3);
    expect(tokenRequests()).toBe(0);
  });
});

describe('GENESYSCLOUD_ACCESS_TOKEN in the CLI', () => {
  it('replaces the OAuth client, and is never printed', async () => {
    const accessToken = await issuedToken();
    seedTable(emulator, 'routing', makeRows(1));
    const env = { GENESYSCLOUD_API_URL: emulator.url, GENESYSCLOUD_ACCESS_TOKEN: accessToken };
    const ok = await runCliInProcess(['tables'], env);
    expect(ok.stdout).toContain('routing');
    expect(ok.code).toBe(0);
    expect(tokenRequests()).toBe(0);

    emulator.tokens.expireAll();
    const expired = await runCliInProcess(['tables'], env);
    expect(expired.code).not.toBe(0);
    expect(expired.stderr).toMatch(/401 [\s\S]*fix: The access token \(GENESYSCLOUD_ACCESS_TOKEN/);
    expect(expired.stdout + expired.stderr).not.toContain(accessToken);
  });

  it('refuses a token and an OAuth client together', async () => {
    const run = await runCliInProcess(['tables'], {
      GENESYSCLOUD_API_URL: emulator.url,
      GENESYSCLOUD_ACCESS_TOKEN: 'a-token-value',
      GENESYSCLOUD_OAUTHCLIENT_ID: emulator.clientId,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: emulator.clientSecret,
    });
    expect(run.stderr).toMatch(/^error: Both an access token and an OAuth client id or secret were given/);
    expect(run.code).toBe(1);
    expect(emulator.log.snapshot().total).toBe(0);
  });
});
