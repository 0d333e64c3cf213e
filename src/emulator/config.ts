/**
 * The emulator's knobs. Defaults follow the documented service; items the reference marks
 * UNCONFIRMED (status codes, page-size maximum and overflow, error codes) are switches here so
 * that the client can be tested against every plausible behaviour.
 */
export interface EmulatorClient {
  id: string;
  secret: string;
}

export interface EmulatorConfig {
  /** Requests per minute per access token (Genesys: client.credentials.token.rate.per.minute). */
  rateLimitPerMinute: number;
  maxRowsPerTable: number;
  maxTablesPerOrg: number;
  /** Fields per table, the key included. */
  maxColumns: number;
  maxKeyLength: number;
  /** Genesys's request.bytes.max. */
  maxBodyBytes: number;
  /** Largest pageSize accepted on listings (unconfirmed in the real service). */
  maxPageSize: number;
  /** What a larger pageSize gets: a 400, or silently the maximum. */
  pageSizeOverflow: 'reject' | 'clamp';
  tokenLifetimeSeconds: number;
  clients: EmulatorClient[];
  /** Status of a successful create (POST table or row). Unconfirmed: 200 or 201. */
  createStatus: 200 | 201;
  /** Status of a successful delete. Unconfirmed: 200 or 204. */
  deleteStatus: 200 | 204;
  /** Status for a duplicate key on POST row. Unconfirmed: 400 or 409. */
  duplicateKeyStatus: 400 | 409;
  /** How long an import or export job stays Processing. */
  jobDelayMs: number;
  /** Seed of the random source used by probabilistic faults. */
  seed: number;
}

export const DEFAULT_CLIENT: EmulatorClient = { id: 'emulator-client', secret: 'emulator-secret' };

export function defaultConfig(): EmulatorConfig {
  return {
    rateLimitPerMinute: 300,
    maxRowsPerTable: 5_000,
    maxTablesPerOrg: 200,
    maxColumns: 50,
    maxKeyLength: 256,
    maxBodyBytes: 512_000,
    maxPageSize: 500,
    pageSizeOverflow: 'reject',
    tokenLifetimeSeconds: 86_400,
    clients: [{ ...DEFAULT_CLIENT }],
    createStatus: 200,
    deleteStatus: 204,
    duplicateKeyStatus: 409,
    jobDelayMs: 50,
    seed: 1,
  };
}

/** Applies a partial update, refusing unknown keys and wrong types with a message. */
export function mergeConfig(current: EmulatorConfig, patch: unknown): EmulatorConfig {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new TypeError('config must be a JSON object');
  }
  const next: EmulatorConfig = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (!(name in current)) throw new TypeError(`unknown config key "${name}"`);
    const expected = Array.isArray(current[name as keyof EmulatorConfig])
      ? 'array'
      : typeof current[name as keyof EmulatorConfig];
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (expected !== actual) throw new TypeError(`config key "${name}" must be a ${expected}`);
    (next as unknown as Record<string, unknown>)[name] = value;
  }
  return next;
}
