import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { AuthenticationError, GenesysApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { proxyAdvice, proxyAwareFetch } from './proxy.js';
import type { RetryPolicy } from './retry.js';
import { DEFAULT_RETRY_POLICY, decideRetry } from './retry.js';

/** Supplies bearer tokens to the HTTP layer. */
export interface TokenSource {
  /** A valid access token, fetched or renewed as needed. */
  token(): Promise<string>;
  /** The service refused `token` (401): forget it so that the next call fetches a new one. */
  invalidate(token: string): void;
  /**
   * Set when the token cannot be renewed (one given by the user): a 401 then fails at once,
   * with this as the fix, instead of fetching a new token and trying again.
   */
  readonly refusedHint?: string | undefined;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

interface CachedToken {
  value: string;
  /** When to stop using it: a margin before the service's expiry. */
  renewAt: number;
}

const TOKEN_PATH = '/oauth/token';

/**
 * OAuth 2 client-credentials grant against `login.<region domain>/oauth/token`.
 *
 * The token is cached and renewed a little before it expires (the lifetime is set per OAuth
 * client, 300 s to 48 h), and concurrent callers share one token request. The client secret
 * and the token are never put in an error message or a log line.
 */
export class ClientCredentialsTokenSource implements TokenSource {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;

  constructor(
    private readonly loginBase: string,
    private readonly credentials: ClientCredentials,
    private readonly options: {
      fetch?: typeof fetch;
      clock?: Clock;
      retry?: RetryPolicy;
      timeoutMs?: number;
      logger?: Logger;
    } = {},
  ) {}

  async token(): Promise<string> {
    const clock = this.options.clock ?? systemClock;
    if (this.cached && clock.now() < this.cached.renewAt) return this.cached.value;
    this.pending ??= this.request().finally(() => {
      this.pending = undefined;
    });
    this.cached = await this.pending;
    return this.cached.value;
  }

  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = undefined;
  }

  private async request(): Promise<CachedToken> {
    const fetchFn = this.options.fetch ?? proxyAwareFetch();
    const clock = this.options.clock ?? systemClock;
    const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
    const logger = this.options.logger ?? silentLogger;
    const basic = Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString(
      'base64',
    );
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await fetchFn(`${this.loginBase}${TOKEN_PATH}`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
          },
          body: 'grant_type=client_credentials',
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        const timeout = error instanceof Error && error.name === 'TimeoutError';
        // The token request has no side effect worth protecting, so it is retried like a GET.
        const decision = decideRetry(
          { kind: 'network', timeout, unresolved: networkCode(error) === 'ENOTFOUND' },
          attempt,
          true,
          policy,
        );
        if (!decision.retry) {
          throw new GenesysApiError(
            {
              status: 0,
              code: timeout ? 'client.timeout' : 'network.error',
              serviceMessage: `could not reach the OAuth service at ${this.loginBase} (${networkCause(error)})`,
              method: 'POST',
              path: TOKEN_PATH,
              attempts: attempt,
            },
            unreachableHint(
              `${this.loginBase}${TOKEN_PATH}`,
              'Check the region (or API URL) and that this machine can reach Genesys Cloud.',
            ),
          );
        }
        logger.warn(`OAuth token request ${decision.reason}; retrying in ${formatSeconds(decision.delayMs)}`);
        await clock.sleep(decision.delayMs);
        continue;
      }
      const text = await response.text();
      if (response.ok) return this.parseToken(text, clock.now());
      const decision = decideRetry(
        { kind: 'response', status: response.status, retryAfterHeader: response.headers.get('retry-after') },
        attempt,
        true,
        policy,
      );
      if (decision.retry && response.status !== 400 && response.status !== 401) {
        logger.warn(`OAuth token request ${decision.reason}; retrying in ${formatSeconds(decision.delayMs)}`);
        await clock.sleep(decision.delayMs);
        continue;
      }
      throw this.refusal(response, text, attempt);
    }
  }

  private parseToken(text: string, now: number): CachedToken {
    let body: { access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      body = {};
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      throw new AuthenticationError(
        {
          status: 200,
          code: 'invalid.token.response',
          serviceMessage: 'the OAuth service answered without an access_token',
          method: 'POST',
          path: TOKEN_PATH,
          attempts: 1,
        },
        'Check that the login URL points at Genesys Cloud (or the emulator).',
      );
    }
    const lifetimeMs =
      (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 86_400) * 1000;
    // Renew early: a tenth of the lifetime, at most a minute, so no request carries a token
    // that expires in flight.
    const marginMs = Math.min(60_000, lifetimeMs / 10);
    return { value: body.access_token, renewAt: now + lifetimeMs - marginMs };
  }

  private refusal(response: Response, text: string, attempts: number): GenesysApiError {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: keep the status only.
    }
    // OAuth errors use {error, error_description}; Genesys errors use {code, message}.
    const code = String(body.error ?? body.code ?? `http.${response.status}`);
    const serviceMessage = String(body.error_description ?? body.message ?? response.statusText ?? 'refused');
    const failure = {
      status: response.status,
      code,
      serviceMessage,
      method: 'POST',
      path: TOKEN_PATH,
      correlationId: response.headers.get('inin-correlation-id') ?? undefined,
      attempts,
      body,
    };
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      return new AuthenticationError(
        failure,
        `Genesys Cloud refused the OAuth client "${this.credentials.clientId}" at ${this.loginBase}. ` +
          'Check GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, that the client uses the ' +
          'Client Credentials grant and is active, and that the region matches the org.',
      );
    }
    return new GenesysApiError(failure, 'The OAuth service failed; try again later.');
  }
}

/** The advice for a request to `url` that got no answer: `advice`, then the proxy's, if one was used. */
export function unreachableHint(url: string, advice: string): string {
  const proxy = proxyAdvice(url);
  return proxy ? `${advice} ${proxy}` : advice;
}

/** A short, secret-free cause of a fetch failure (undici nests the system error). */
export function networkCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // undici's ProxyAgent, when the proxy refuses to open a tunnel.
  const tunnel = /Proxy response \((\d+)\)/.exec(cause?.message ?? '');
  if (tunnel) return `the proxy refused the tunnel with HTTP ${tunnel[1]}${PROXY_STATUS[tunnel[1]!] ?? ''}`;
  const code = networkCode(error);
  return code && code in NETWORK_CODES
    ? `${code}: ${NETWORK_CODES[code]}`
    : (code ?? cause?.message ?? error.message);
}

/** The system error code of a failed fetch (ENOTFOUND, ECONNRESET, …), when there is one. */
export function networkCode(error: unknown): string | undefined {
  return (error as { cause?: { code?: string } } | undefined)?.cause?.code;
}

/** The network failures people meet, in words (the codes alone send them searching). */
const NETWORK_CODES: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve',
  ECONNREFUSED: 'nothing listens on that address and port',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EAI_AGAIN: 'the name server did not answer',
  CERT_HAS_EXPIRED: 'the server certificate has expired',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server certificate cannot be verified (a proxy that inspects TLS?)',
  SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate is in the chain (a proxy that inspects TLS?)',
};

const PROXY_STATUS: Record<string, string> = {
  '403': ' (the proxy does not allow this host)',
  '407':
    ' (proxy authentication required: give the user and password in the proxy URL, http://user:password@host:port)',
};

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 1000 ? 3 : 1)} s`;
}
