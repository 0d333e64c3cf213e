import type { RunningEmulator } from '../../src/emulator/server.js';
import { raw, type RawResponse } from './raw-http.js';

export const TABLES = '/api/v2/flows/datatables';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads until `done` holds, and returns what it read: for effects that arrive after a lag.
 * Gives up (and says what it last saw) after `attempts` reads 10 ms apart.
 */
export async function eventually<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  attempts = 1_000,
): Promise<T> {
  let last: T | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    last = await read();
    if (done(last)) return last;
    await sleep(10);
  }
  throw new Error(`still not there after ${attempts} reads; last read: ${JSON.stringify(last)}`);
}

/** Raw API calls with one token, as a client without retries would make them. */
export function apiCaller(emulator: RunningEmulator, token: () => string) {
  return (method: string, path: string, json?: unknown): Promise<RawResponse> =>
    raw(emulator, method, path, { token: token(), ...(json !== undefined ? { json } : {}) });
}

/** Creates a CSV import job and uploads `csv` with the job's headers; returns the created job. */
export async function startImport(
  emulator: RunningEmulator,
  token: string,
  tableId: string,
  csv: string,
  importMode: 'Append' | 'ReplaceAll',
): Promise<RawResponse> {
  const created = await raw(emulator, 'POST', `${TABLES}/${tableId}/import/csv/jobs`, {
    token,
    json: { importMode },
  });
  const upload = await raw(emulator, 'PUT', new URL(created.body.uploadURI).pathname, {
    body: csv,
    headers: created.body.uploadHeaders,
  });
  if (upload.status !== 200) throw new Error(`upload answered ${upload.status}: ${upload.text}`);
  return created;
}

/** Polls a job until it is Succeeded or Failed; returns the raw response of the last poll. */
export function finishedJob(emulator: RunningEmulator, token: string, path: string): Promise<RawResponse> {
  return eventually(
    () => raw(emulator, 'GET', path, { token }),
    (response) => response.body?.status === 'Succeeded' || response.body?.status === 'Failed',
  );
}
