/**
 * The emulator's knobs. Defaults follow the documented service; items the reference marks
 * UNCONFIRMED (status codes, page-size maximum and overflow, error codes) are switches here so
 * that the client can be tested against every plausible behaviour. The defaults are the
 * "instant" profile: consistent reads, no processing time, jobs done in milliseconds. The
 * "realistic" profile (see {@link realisticConfig}) slows everything down as the real service is.
 */
export interface EmulatorClient {
  id: string;
  secret: string;
}

/** How a duration setting is applied: exactly, or drawn uniformly from 0 to it (seeded). */
export type DurationMode = 'fixed' | 'random';

/** What an import or export job does once uploaded (import) or created (export). */
export type JobOutcome = 'succeed' | 'stuck' | 'fail-partway';

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
  /** succeed; stuck (Processing forever); fail-partway (applies `jobFailAfterRows` rows, then Failed). */
  jobOutcome: JobOutcome;
  /** Rows a `fail-partway` job processes before it fails. */
  jobFailAfterRows: number;
  /** How long a written row may still read as it was before the write (row GET, listing, export). */
  consistencyLagMs: number;
  /** Applies to `consistencyLagMs` and `tableLagMs`; random draws per written row or table change. */
  consistencyLagMode: DurationMode;
  /** How long a table create, update or delete stays unseen by table GET, listing and name search. */
  tableLagMs: number;
  /** How long each write (POST, PUT, DELETE on the API) waits before it is applied. */
  processingDelayMs: number;
  processingDelayMode: DurationMode;
  /** Seed of the random source used by probabilistic faults and random durations. */
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
    jobOutcome: 'succeed',
    // One row lands, then the job fails: the smallest partial import, unlike both before and after.
    jobFailAfterRows: 1,
    consistencyLagMs: 0,
    consistencyLagMode: 'random',
    tableLagMs: 0,
    processingDelayMs: 0,
    processingDelayMode: 'random',
    seed: 1,
  };
}

/** Keys that take one of a few words. */
const CHOICES: Partial<Record<keyof EmulatorConfig, readonly string[]>> = {
  pageSizeOverflow: ['reject', 'clamp'],
  consistencyLagMode: ['fixed', 'random'],
  processingDelayMode: ['fixed', 'random'],
  jobOutcome: ['succeed', 'stuck', 'fail-partway'],
};

/** Durations and counts: a negative value would mean nothing. */
const NOT_NEGATIVE: ReadonlySet<keyof EmulatorConfig> = new Set([
  'jobDelayMs',
  'jobFailAfterRows',
  'consistencyLagMs',
  'tableLagMs',
  'processingDelayMs',
]);

/** Applies a partial update, refusing unknown keys and wrong types with a message. */
export function mergeConfig(current: EmulatorConfig, patch: unknown): EmulatorConfig {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw new TypeError('config must be a JSON object');
  }
  const next: EmulatorConfig = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (!(name in current)) throw new TypeError(`unknown config key "${name}"`);
    const key = name as keyof EmulatorConfig;
    const expected = Array.isArray(current[key]) ? 'array' : typeof current[key];
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (expected !== actual) throw new TypeError(`config key "${name}" must be a ${expected}`);
    const choices = CHOICES[key];
    if (choices && !choices.includes(value as string)) {
      throw new TypeError(`config key "${name}" must be one of ${choices.join(', ')}; got "${value}"`);
    }
    if (NOT_NEGATIVE.has(key) && !((value as number) >= 0 && Number.isFinite(value))) {
      throw new TypeError(`config key "${name}" must be a number of 0 or more; got ${value}`);
    }
    (next as unknown as Record<string, unknown>)[name] = value;
  }
  return next;
}

export const PROFILE_NAMES = ['instant', 'realistic'] as const;
/** instant: the defaults; realistic: the delays of the real service (see the README's sources). */
export type EmulatorProfile = (typeof PROFILE_NAMES)[number];

/** The keys a profile sets. Everything else (limits, statuses, clients, job outcome) it leaves alone. */
export type ProfileSettings = Pick<
  EmulatorConfig,
  | 'consistencyLagMs'
  | 'consistencyLagMode'
  | 'tableLagMs'
  | 'processingDelayMs'
  | 'processingDelayMode'
  | 'jobDelayMs'
>;

/**
 * The real service's timing, as far as public sources tell it (README, "The emulator"): rows
 * read back within seconds (Genesys's Terraform provider slept 5–10 s after updates and now polls
 * row deletes for up to 60 s), table changes later still (30 s for a table delete; the name
 * search "not yet indexed" for up to 15 s), and import jobs take seconds. `scale` multiplies
 * every duration, so tests can run the same shape of delays in a fraction of the time.
 */
export function realisticConfig(scale = 1): ProfileSettings {
  checkScale(scale);
  const ms = (value: number): number => Math.round(value * scale);
  return {
    consistencyLagMs: ms(5_000),
    consistencyLagMode: 'random',
    tableLagMs: ms(10_000),
    processingDelayMs: ms(300),
    processingDelayMode: 'random',
    jobDelayMs: ms(4_000),
  };
}

/** The settings of a profile by name; `scale` applies to the realistic one. */
export function profileConfig(name: unknown, scale = 1): ProfileSettings {
  if (name === 'realistic') return realisticConfig(scale);
  if (name === 'instant') {
    checkScale(scale);
    const defaults = defaultConfig();
    return Object.fromEntries(
      Object.keys(realisticConfig()).map((key) => [key, defaults[key as keyof ProfileSettings]]),
    ) as unknown as ProfileSettings;
  }
  throw new TypeError(`profile must be one of ${PROFILE_NAMES.join(', ')}; got ${JSON.stringify(name)}`);
}

function checkScale(scale: unknown): void {
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new TypeError(
      `profile scale must be a number above 0 (e.g. 0.05 for tests, 1 for real timing); got ${JSON.stringify(scale)}`,
    );
  }
}

/** One line on the timing a configuration gives, e.g. for the CLI's banner and the demo. */
export function describeTiming(config: EmulatorConfig): string {
  const duration = (ms: number): string => (ms >= 1_000 ? `${+(ms / 1_000).toFixed(2)} s` : `${ms} ms`);
  const upTo = (ms: number, mode: DurationMode): string =>
    mode === 'random' ? `up to ${duration(ms)}` : `exactly ${duration(ms)}`;
  return [
    `row reads lag writes by ${upTo(config.consistencyLagMs, config.consistencyLagMode)}`,
    `table reads by ${upTo(config.tableLagMs, config.consistencyLagMode)}`,
    `writes take ${upTo(config.processingDelayMs, config.processingDelayMode)}`,
    `jobs ${duration(config.jobDelayMs)}`,
  ].join(', ');
}
