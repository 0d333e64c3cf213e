import { createHmac, randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { describeError } from '../errors.js';
import { networkCause } from '../genesys/oauth.js';
import { redactUrl } from '../genesys/regions.js';
import type { Logger } from '../logger.js';
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from '../genesys/retry.js';

/**
 * What subscribers are told after a healthy deploy, and after a restore that changed what is
 * live (a failed deploy's rollback, a manual one), so they can drop cached config. Fields are
 * only ever added: receivers written for an older event keep working. That is why a restore is
 * the same event with `reason: 'rollback'` rather than an event of its own: a receiver that
 * checks the event name, or purges whatever `versions` says, handles it unchanged.
 */
export interface InvalidationEvent {
  event: 'datatables.deployed';
  /** Why the tables changed: a deploy, or a restore of a backup (absent from older senders). */
  reason?: 'deploy' | 'rollback';
  /** The deployed (or restored) tables' names. */
  tables: string[];
  /** The deploy's version (after a restore: the highest of `versions`). */
  version: number;
  /** The version each table now holds, by name (as in the versions table, when one is kept). */
  versions: Record<string, number>;
  /** This deploy (or restore) run's id (a uuid; the versions table's deploy_id). */
  deployId: string;
  /** The plan's digest (after a manual restore: of the plan whose backup was restored). */
  digest: string;
  environment: string | null;
  actor: string;
  /** ISO time the event was sent; receivers refuse events outside their replay window. */
  deployedAt: string;
}

/** Header naming one delivery: retries of it carry the same id, so receivers can drop repeats. */
export const DELIVERY_HEADER = 'x-datatable-deploy-delivery';

export interface WebhookResult {
  url: string;
  ok: boolean;
  status?: number;
  attempts: number;
  error?: string;
}

export const SIGNATURE_HEADER = 'x-datatable-deploy-signature';

/** Where invalidation events go, and the secret that signs them. */
export interface WebhookTarget {
  urls: string[];
  secret: string;
}

export interface AnnounceOptions {
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch | undefined;
  retry?: Partial<RetryPolicy> | undefined;
}

/**
 * Posts the event (see {@link postInvalidation}) and logs each delivery; a failed one is a
 * warning saying that what was done stands (`done`: "the deploy itself succeeded").
 */
export async function announce(
  target: WebhookTarget,
  event: InvalidationEvent,
  options: AnnounceOptions,
  done: string,
): Promise<WebhookResult[]> {
  const results = await postInvalidation(target.urls, target.secret, event, {
    clock: options.clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  for (const result of results) {
    const url = redactUrl(result.url);
    if (result.ok) options.logger.info(`webhook ${url}: delivered (${result.status})`);
    else
      options.logger.warn(
        `webhook ${url} failed after ${result.attempts} attempt(s): ${result.error}; ${done}`,
      );
  }
  return results;
}

/** `sha256=<hex>`: HMAC-SHA256 of the exact body with the shared secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Posts the event to each URL, signed, retrying 429, 5xx and network failures with backoff
 * (a delivery id lets receivers drop repeats). Failures are reported, never thrown: a webhook
 * that is down must not undo a healthy deploy.
 */
export async function postInvalidation(
  urls: readonly string[],
  secret: string,
  event: InvalidationEvent,
  options: { clock: Clock; fetch?: typeof fetch; retry?: Partial<RetryPolicy>; timeoutMs?: number },
): Promise<WebhookResult[]> {
  const body = JSON.stringify(event);
  // A webhook receiver that is busy gets four attempts, not the Genesys client's time budget.
  const policy: RetryPolicy = {
    ...DEFAULT_RETRY_POLICY,
    maxAttempts: 4,
    maxRetryMs: undefined,
    ...options.retry,
  };
  const headers = {
    'content-type': 'application/json',
    [SIGNATURE_HEADER]: signBody(body, secret),
    'x-datatable-deploy-event': event.event,
    [DELIVERY_HEADER]: randomUUID(),
    'user-agent': 'datatable-deploy',
  };
  return Promise.all(urls.map((url) => deliver(url, { headers, body }, policy, options)));
}

/** One URL: POSTs until it answers 2xx, a final status, or the retries are spent. */
async function deliver(
  url: string,
  request: { headers: Record<string, string>; body: string },
  policy: RetryPolicy,
  options: { clock: Clock; fetch?: typeof fetch; timeoutMs?: number },
): Promise<WebhookResult> {
  for (let attempt = 1; ; attempt++) {
    let outcome: Parameters<typeof decideRetry>[0];
    let failure: string;
    let status: number | undefined;
    try {
      const response = await (options.fetch ?? fetch)(url, {
        method: 'POST',
        ...request,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.arrayBuffer();
      if (response.ok) return { url, ok: true, status: response.status, attempts: attempt };
      status = response.status;
      failure = `answered ${status}`;
      // Any 5xx is retried: the receiver may recover. Other statuses are final.
      outcome = {
        kind: 'response',
        status: status >= 500 ? 503 : status,
        retryAfterHeader: response.headers.get('retry-after'),
      };
    } catch (error) {
      outcome = { kind: 'network', timeout: error instanceof Error && error.name === 'TimeoutError' };
      failure = networkCause(error) || describeError(error);
    }
    const decision = decideRetry(outcome, attempt, true, policy);
    if (!decision.retry)
      return {
        url,
        ok: false,
        ...(status !== undefined ? { status } : {}),
        attempts: attempt,
        error: failure,
      };
    await options.clock.sleep(decision.delayMs);
  }
}
