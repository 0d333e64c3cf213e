import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectPath } from '../../src/deploy/health/json-path.js';
import {
  checkAssertion,
  fillTemplate,
  maskProbeText,
  runCommandProbe,
  runHttpProbe,
  type ProbeContext,
} from '../../src/deploy/health/probes.js';
import { runHealthChecks } from '../../src/deploy/health/run.js';
import { parseHealthSpec } from '../../src/deploy/health/spec.js';
import { captureLogger } from '../helpers/emulator.js';
import { RecordingClock } from '../helpers/clock.js';

const context: ProbeContext = {
  deploy: { version: 7, digest: 'sha256:abc', environment: 'prod', actor: 'ci' },
  env: { TOKEN: 'tok-123456', BASE: 'http://x' },
};

describe('JSON paths', () => {
  it('select members, indexes and quoted names, and say when nothing is there', () => {
    const body = { a: { b: [{ c: 1 }, { 'd e': 'x' }] }, configVersion: 7 };
    expect(selectPath(body, '$.configVersion')).toEqual({ found: true, value: 7 });
    expect(selectPath(body, '$.a.b[0].c')).toEqual({ found: true, value: 1 });
    expect(selectPath(body, "$.a.b[1]['d e']")).toEqual({ found: true, value: 'x' });
    expect(selectPath(body, '$')).toEqual({ found: true, value: body });
    expect(selectPath(body, '$.a.b[5]')).toEqual({ found: false });
    expect(selectPath(body, '$.nope.deeper')).toEqual({ found: false });
    expect(() => selectPath(body, 'a.b')).toThrow(/not a supported JSON path/);
  });
});

describe('assertions', () => {
  const check = (body: unknown, assertion: Parameters<typeof checkAssertion>[1]) =>
    checkAssertion(body, assertion, context, new Set());
  it('compare with the deployed version and other values', () => {
    expect(
      check({ configVersion: 7 }, { path: '$.configVersion', gte: '${deploy.version}' }),
    ).toBeUndefined();
    expect(check({ configVersion: 6 }, { path: '$.configVersion', gte: '${deploy.version}' })).toBe(
      '$.configVersion is 6, expected ≥ 7',
    );
    expect(check({ status: 'ok' }, { path: '$.status', equals: 'ok' })).toBeUndefined();
    expect(check({ version: 7 }, { path: '$.version', equals: '${deploy.version}' })).toBeUndefined();
    expect(check({ status: 'down' }, { path: '$.status', notEquals: 'down' })).toBe(
      '$.status is "down", which it must not be',
    );
    expect(check({ msg: 'all good' }, { path: '$.msg', matches: '^all' })).toBeUndefined();
    expect(check({ list: ['a', 'b'] }, { path: '$.list', contains: 'b' })).toBeUndefined();
    expect(check({}, { path: '$.gone', exists: false })).toBeUndefined();
    expect(check({}, { path: '$.gone', lt: 3 })).toBe('$.gone is missing');
    expect(check({ n: 'NaN' }, { path: '$.n', lt: 3 })).toBe('$.n is "NaN", expected < 3');
  });

  it('fill templates and keep environment values out of messages', () => {
    const secrets = new Set<string>();
    expect(fillTemplate('${env:BASE}/v?token=${env:TOKEN}&v=${deploy.version}', context, secrets)).toBe(
      'http://x/v?token=tok-123456&v=7',
    );
    expect(maskProbeText('failed: http://x/v?token=tok-123456', secrets)).toBe('failed: ***/v?token=***');
  });
});

describe('probes', () => {
  let url = '';
  let answer: { status: number; body: string } = { status: 200, body: '{}' };
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(String(req.headers.authorization));
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('HTTP: sends headers from the environment, checks status and JSON, masks secrets in failures', async () => {
    answer = { status: 200, body: '{"configVersion":7}' };
    const probe = {
      url: `${url}/health`,
      headers: { authorization: 'Bearer ${env:TOKEN}' },
      json: [{ path: '$.configVersion', gte: '${deploy.version}' }],
    };
    expect(await runHttpProbe(probe, context)).toMatchObject({ ok: true });
    expect(seen.at(-1)).toBe('Bearer tok-123456');
    answer = { status: 503, body: 'busy, token tok-123456 rejected' };
    const failed = await runHttpProbe(probe, context);
    expect(failed).toEqual({
      ok: false,
      detail: `GET ${url}/health answered 503, expected 200: busy, token *** rejected`,
    });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(
      (await runHttpProbe({ url: `http://127.0.0.1:${port}/`, timeoutSeconds: 1 }, context)).detail,
    ).toBe(`GET http://127.0.0.1:${port}/: ECONNREFUSED: nothing listens on that address and port`);
  });

  it('commands: exit code, output and deploy variables', async () => {
    expect(await runCommandProbe({ run: 'test "$DATATABLE_DEPLOY_VERSION" = 7' }, context)).toMatchObject({
      ok: true,
    });
    expect(await runCommandProbe({ run: 'echo broken >&2; exit 3' }, context)).toEqual({
      ok: false,
      detail: '"echo broken >&2; exit 3" exited 3, expected 0: broken',
    });
    expect(await runCommandProbe({ run: 'exit 2', expectExitCode: 2 }, context)).toMatchObject({ ok: true });
    expect((await runCommandProbe({ run: 'sleep 5', timeoutSeconds: 0.2 }, context)).detail).toMatch(
      /was stopped \(SIGKILL\)/,
    );
  });
});

describe('the bake', () => {
  const logger = captureLogger();
  it('probes in rounds for the bake time and passes when every probe passed enough', async () => {
    const clock = new RecordingClock();
    const report = await runHealthChecks(
      {
        bakeSeconds: 30,
        intervalSeconds: 10,
        probes: [{ name: 'ok', command: { run: 'true' }, minPasses: 3 }],
      },
      context,
      { clock, logger },
    );
    expect(report).toMatchObject({ passed: true, rounds: 3 });
    expect(clock.sleeps).toEqual([10_000, 10_000]);
  });

  it('tolerates up to maxFailures, fails at the next one, and needs minPasses', async () => {
    const clock = new RecordingClock();
    const flaky = await runHealthChecks(
      {
        bakeSeconds: 20,
        intervalSeconds: 10,
        probes: [{ name: 'flaky', command: { run: 'false' }, maxFailures: 1 }],
      },
      context,
      { clock, logger },
    );
    expect(flaky).toMatchObject({
      passed: false,
      rounds: 2,
      reason: 'health check "flaky" failed: "false" exited 1, expected 0',
    });
    const few = await runHealthChecks(
      { probes: [{ name: 'needs two', command: { run: 'true' }, minPasses: 2 }] },
      context,
      { clock, logger },
    );
    expect(few).toMatchObject({
      passed: false,
      rounds: 1,
      reason: 'health check "needs two" passed 1 times; 2 needed',
    });
  });
});

describe('the health-check file', () => {
  it('is read with its settings', () => {
    const spec = parseHealthSpec(
      'h.yaml',
      Buffer.from(
        'bakeSeconds: 60\nintervalSeconds: 10\nprobes:\n  - name: api\n    http: { url: "${env:BASE}/health", json: [{ path: $.ok, equals: true }] }\n',
      ),
      context.env,
    );
    expect(spec.probes[0]!.http!.json![0]).toEqual({ path: '$.ok', equals: true });
  });

  it('is refused with line and column for a mistake, and for a variable that is not set', () => {
    expect(() =>
      parseHealthSpec('h.yaml', Buffer.from('probes:\n  - name: x\n    http: { url: u, expect: 200 }\n'), {}),
    ).toThrow(/h\.yaml:3:21 Unknown property "expect" in "probes\.0\.http"/);
    expect(() => parseHealthSpec('h.yaml', Buffer.from('probes:\n  - name: x\n'), {})).toThrow(
      /h\.yaml:2:5 "probes\.0" does not have an accepted shape/,
    );
    expect(() =>
      parseHealthSpec(
        'h.yaml',
        Buffer.from('probes:\n  - name: x\n    command: { run: "curl ${env:MISSING}" }\n'),
        {},
      ),
    ).toThrow('uses environment variables that are not set: MISSING');
  });
});
