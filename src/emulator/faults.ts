/**
 * Fault injection: rules that make matching requests fail, hang or drop the connection, so that
 * clients can be tested against a misbehaving service. Probabilistic rules draw from a seeded
 * generator, so a run is repeatable.
 *
 * Like the real service, the emulator reads a request's body before any delay and carries the
 * request through even when the client has gone meanwhile: a `delayMs` longer than the client's
 * timeout makes a write that lands after the client gave up (a "ghost write"). `reset` drops the
 * connection before the request is applied; `resetAfterApply` applies it and then drops the
 * connection, so the client sees a failure for a write that did happen.
 */
export interface FaultRule {
  /** HTTP method to match, or `*` (default). */
  method?: string;
  /** Regular expression matched against the path (no query), or against the route template. */
  path?: string;
  /** Answer with this status (429, 500, 502, 503, 504, …). */
  status?: number;
  /** Error code in the body; a sensible one per status by default. */
  code?: string;
  /** For 429: the Retry-After value in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Drop the connection without answering, before the request is applied. */
  reset?: boolean;
  /** Apply the request, then drop the connection without answering (an unknown outcome). */
  resetAfterApply?: boolean;
  /** Wait this long before answering (alone: a slow but correct answer). */
  delayMs?: number;
  /** Fire with this probability (0–1) per matching request. */
  probability?: number;
  /** Fire only this many times, then expire. */
  count?: number;
  /** Let the first N matching requests through before firing. */
  after?: number;
}

export interface ActiveFault extends FaultRule {
  id: number;
  matched: number;
  fired: number;
}

export type FaultAction = {
  delayMs: number;
  reset: boolean;
  /** Present (true) only for rules that apply the request before dropping the connection. */
  resetAfterApply?: true;
  status?: number;
  code?: string;
  retryAfterSeconds?: number;
};

/** mulberry32: a tiny seeded PRNG; good enough for fault dice. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEFAULT_CODES: Record<number, string> = {
  429: 'too.many.requests.retry.after',
  500: 'internal.server.error',
  502: 'bad.gateway',
  503: 'service.unavailable',
  504: 'request.timeout',
};

export class FaultInjector {
  private rules: ActiveFault[] = [];
  private nextId = 1;
  private random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  reseed(seed: number): void {
    this.random = seededRandom(seed);
  }

  add(rule: FaultRule): ActiveFault {
    validateRule(rule);
    const active: ActiveFault = { ...rule, id: this.nextId++, matched: 0, fired: 0 };
    this.rules.push(active);
    return active;
  }

  list(): ActiveFault[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule that fires for this request, if any. */
  match(method: string, path: string, route: string): FaultAction | undefined {
    for (const rule of this.rules) {
      if (rule.method && rule.method !== '*' && rule.method.toUpperCase() !== method) continue;
      if (rule.path) {
        const pattern = new RegExp(rule.path);
        if (!pattern.test(path) && !pattern.test(route)) continue;
      }
      rule.matched += 1;
      if (rule.after !== undefined && rule.matched <= rule.after) continue;
      if (rule.count !== undefined && rule.fired >= rule.count) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.fired += 1;
      const action: FaultAction = { delayMs: rule.delayMs ?? 0, reset: rule.reset ?? false };
      if (rule.resetAfterApply) action.resetAfterApply = true;
      if (rule.status !== undefined) {
        action.status = rule.status;
        action.code = rule.code ?? DEFAULT_CODES[rule.status] ?? 'internal.server.error';
        if (rule.status === 429) action.retryAfterSeconds = rule.retryAfterSeconds ?? 1;
      }
      return action;
    }
    return undefined;
  }
}

function validateRule(rule: FaultRule): void {
  if (typeof rule !== 'object' || rule === null) throw new TypeError('a fault rule must be a JSON object');
  if (rule.status === undefined && !rule.reset && !rule.resetAfterApply && rule.delayMs === undefined) {
    throw new TypeError('a fault rule needs status, reset or delayMs (or resetAfterApply)');
  }
  if (rule.resetAfterApply && (rule.reset || rule.status !== undefined)) {
    throw new TypeError(
      'resetAfterApply applies the request before dropping the connection; it cannot go with reset or status (which refuse it)',
    );
  }
  if (
    rule.status !== undefined &&
    (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599)
  ) {
    throw new TypeError('status must be an HTTP error status (400–599)');
  }
  if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
    throw new TypeError('probability must be between 0 and 1');
  }
  if (rule.path !== undefined) new RegExp(rule.path); // throws SyntaxError on a bad pattern
}
