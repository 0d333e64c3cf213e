import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { RetryPolicy } from './retry.js';
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
/**
 * OAuth 2 client-credentials grant against `login.<region domain>/oauth/token`.
 *
 * The token is cached and renewed a little before it expires (the lifetime is set per OAuth
 * client, 300 s to 48 h), and concurrent callers share one token request. The client secret
 * and the token are never put in an error message or a log line.
 */
export declare class ClientCredentialsTokenSource implements TokenSource {
    private readonly loginBase;
    private readonly credentials;
    private readonly options;
    private cached;
    private pending;
    constructor(loginBase: string, credentials: ClientCredentials, options?: {
        fetch?: typeof fetch;
        clock?: Clock;
        retry?: RetryPolicy;
        timeoutMs?: number;
        logger?: Logger;
    });
    token(): Promise<string>;
    invalidate(token: string): void;
    private request;
    private parseToken;
    private refusal;
}
/** The advice for a request to `url` that got no answer: `advice`, then the proxy's, if one was used. */
export declare function unreachableHint(url: string, advice: string): string;
/** A short, secret-free cause of a fetch failure (undici nests the system error). */
export declare function networkCause(error: unknown): string;
/** The system error code of a failed fetch (ENOTFOUND, ECONNRESET, …), when there is one. */
export declare function networkCode(error: unknown): string | undefined;
export declare function formatSeconds(ms: number): string;
