import type { RunningEmulator } from '../../src/emulator/server.js';

export interface RawResponse {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- wire shapes are asserted by the tests
  text: string;
}

/** Plain fetch against the emulator, to assert the wire contract without our client in between. */
export async function raw(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: {
    token?: string | null;
    json?: unknown;
    body?: string | Buffer;
    headers?: Record<string, string>;
  } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Buffer | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(emulator.url + path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export async function tokenFor(
  emulator: RunningEmulator,
  id = emulator.clientId,
  secret = emulator.clientSecret,
): Promise<string> {
  const response = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}
