import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GenesysApiError } from '../../src/errors.js';
import { createGenesysTableSource } from '../../src/runtime/genesys-source.js';
import { clearSecrets, maskSecrets } from '../../src/secrets.js';
import { clientFor, makeRows, seedTable, useEmulator } from '../helpers/emulator.js';
import { startTestProxy, startTlsFront, testCertificate, type TestProxy } from '../helpers/http-proxy.js';
import { CLI, emulatorEnv, runCliInProcess, runNode } from '../helpers/processes.js';
import { rejection } from '../helpers/rejection.js';

const emulator = useEmulator();
let proxy: TestProxy;

beforeEach(async () => {
  proxy = await startTestProxy();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  clearSecrets();
  await proxy.close();
});

/** Every request the emulator answered: the token requests and the data-table calls. */
const served = () => emulator.log.snapshot().total;

/** Clears the proxy variables a developer's shell may have set, so each test sets its own. */
function stubProxyEnv(variables: Record<string, string>): void {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'])
    vi.stubEnv(name, variables[name] ?? '');
}

describe('the client behind a proxy', () => {
  it('sends every request, the token request included, through HTTP_PROXY', async () => {
    stubProxyEnv({ HTTP_PROXY: proxy.url });
    const id = seedTable(emulator, 'routing', makeRows(1_200));
    const client = clientFor(emulator);
    expect(await client.tables.findTableByName('routing')).toMatchObject({ id });
    expect(await client.tables.listRows(id)).toHaveLength(1_200);
    expect(proxy.requests.some((line) => line.startsWith(`POST ${emulator.url}/oauth/token`))).toBe(true);
    expect(proxy.requests.filter((line) => line.includes('/rows')).length).toBeGreaterThanOrEqual(3);
    expect(proxy.requests).toHaveLength(served());
    expect(proxy.requests.every((line) => line.includes(` ${emulator.url}/`))).toBe(true);
  });

  it('sends none through it when NO_PROXY names the host (lower-case names too)', async () => {
    stubProxyEnv({ http_proxy: proxy.url, no_proxy: 'example.com, 127.0.0.1' });
    const id = seedTable(emulator, 'routing', makeRows(10));
    expect(await clientFor(emulator).tables.listRows(id)).toHaveLength(10);
    expect(served()).toBeGreaterThanOrEqual(2);
    expect(proxy.requests).toEqual([]);
  });

  it('reads the runtime reader’s tables through the proxy too', async () => {
    stubProxyEnv({ HTTP_PROXY: proxy.url });
    seedTable(emulator, 'routing', makeRows(3));
    const source = createGenesysTableSource(
      { clientId: emulator.clientId, clientSecret: emulator.clientSecret, apiUrl: emulator.url },
      { retry: { timeScale: 0.001 } },
    );
    expect(await source.readRows('routing')).toHaveLength(3);
    expect(proxy.requests.length).toBeGreaterThanOrEqual(3);
    expect(proxy.requests).toHaveLength(served());
  });
});

describe('a proxy that wants a password', () => {
  it('is given the user and password of the proxy URL', async () => {
    const guarded = await startTestProxy({ user: 'svc-deploy', password: 'pr0xy-S3cret!' });
    try {
      stubProxyEnv({ HTTP_PROXY: guarded.url });
      const id = seedTable(emulator, 'routing', makeRows(2));
      expect(await clientFor(emulator).tables.listRows(id)).toHaveLength(2);
      expect(guarded.refused).toBe(0);
      expect(guarded.requests).toHaveLength(served());
    } finally {
      await guarded.close();
    }
  });

  it('hides the password in what it prints when the proxy cannot be reached', async () => {
    const url = proxy.url.replace('http://', 'http://svc-deploy:pr0xy-S3cret!@');
    await proxy.close();
    stubProxyEnv({ HTTP_PROXY: url });
    const client = clientFor(emulator, {}, { retry: { maxAttempts: 1 } });
    const error = await rejection<GenesysApiError>(client.tables.listTables());
    expect(error).toBeInstanceOf(GenesysApiError);
    const printed = error.describe();
    expect(printed).toMatch(/ECONNREFUSED/);
    expect(printed).toContain('HTTP_PROXY is set (http://***@127.0.0.1:');
    expect(printed).toMatch(/unless NO_PROXY names 127\.0\.0\.1, the request went through that proxy/);
    expect(printed).not.toContain('pr0xy-S3cret');
    // Registered as a secret: masked wherever else it might appear (logs, summaries, comments).
    expect(maskSecrets(`proxy ${url}`)).not.toContain('pr0xy-S3cret');
    proxy = await startTestProxy();
  });
});

describe('the CLI behind a proxy', () => {
  it('runs in process with the proxy its environment names', async () => {
    seedTable(emulator, 'routing', makeRows(2));
    const run = await runCliInProcess(['tables'], { ...emulatorEnv(emulator), HTTP_PROXY: proxy.url });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('routing');
    expect(run.code).toBe(0);
    expect(proxy.requests.length).toBeGreaterThanOrEqual(2);
    expect(proxy.requests).toHaveLength(served());
  });

  it('tunnels every https request of the bundled CLI through HTTPS_PROXY, and none for NO_PROXY', async () => {
    const front = await startTlsFront(Number(new URL(emulator.url).port));
    try {
      seedTable(emulator, 'routing', makeRows(2));
      const env = {
        ...emulatorEnv(emulator),
        GENESYSCLOUD_API_URL: front.url,
        NODE_EXTRA_CA_CERTS: testCertificate().cert,
        HTTPS_PROXY: proxy.url,
      };
      const run = await runNode(CLI, ['tables'], env);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('routing');
      expect(run.code).toBe(0);
      const host = new URL(front.url).host;
      expect(proxy.requests.length).toBeGreaterThanOrEqual(1);
      expect(new Set(proxy.requests)).toEqual(new Set([`CONNECT ${host}`]));
      // Every connection the server got came out of the proxy.
      expect(front.clientPorts.length).toBeGreaterThanOrEqual(1);
      expect(front.clientPorts.every((port) => proxy.upstreamPorts.has(port))).toBe(true);
      expect(served()).toBeGreaterThanOrEqual(2);

      emulator.log.reset();
      proxy.requests.length = 0;
      const direct = await runNode(CLI, ['tables'], { ...env, NO_PROXY: '127.0.0.1' });
      expect(direct.code).toBe(0);
      expect(served()).toBeGreaterThanOrEqual(2);
      expect(proxy.requests).toEqual([]);
    } finally {
      await front.close();
    }
  });
});
