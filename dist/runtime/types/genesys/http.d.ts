import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { type TokenSource } from './oauth.js';
import type { RateBudget } from './rate-budget.js';
import type { RetryPolicy } from './retry.js';
export type QueryValue = string | number | boolean | undefined;
export interface ApiRequest {
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    /** Path under the API origin, e.g. `/api/v2/flows/datatables`; or an absolute URL. */
    path: string;
    query?: Record<string, QueryValue>;
    /** Sent as JSON. */
    json?: unknown;
    /** Sent as is, with `headers` (uploads). */
    body?: string;
    headers?: Record<string, string>;
    /** Send the bearer token (default true; false for presigned upload URLs). */
    authenticate?: boolean;
}
export interface ApiResponse {
    status: number;
    headers: Headers;
    text: string;
    attempts: number;
}
/** What a caller may want to record about a call that succeeded (the deploy journal does). */
export interface CallMeta {
    attempts: number;
    correlationId?: string | undefined;
}
export type CallObserver = (meta: CallMeta) => void;
export interface HttpStats {
    /** Requests sent, retries included. */
    requests: number;
    retries: number;
    rateLimited: number;
}
/**
 * Writes whose outcome this process does not know: no answer came (timeout, reset) or a
 * gateway answered 502/504. The service may have applied them, or may still apply them later
 * (it does not know the client gave up): nothing may be restored over them until they can no
 * longer land.
 */
export interface WritesInDoubt {
    count: number;
    /** When the last one was given up on (Clock time). */
    lastAt?: number | undefined;
}
export interface GenesysHttpOptions {
    apiBase: string;
    tokens: TokenSource;
    budget: RateBudget;
    retry: RetryPolicy;
    timeoutMs: number;
    /** Default: Node's fetch, through the proxy HTTPS_PROXY / HTTP_PROXY name (see proxy.ts). */
    fetch?: typeof fetch;
    clock?: Clock;
    logger?: Logger;
}
/**
 * Sends API requests: rate budget, bearer token, timeout, retries, typed errors.
 * Every request of the process goes through one instance so that they share one budget.
 */
export declare class GenesysHttp {
    private readonly options;
    private readonly fetchFn;
    private readonly clock;
    private readonly logger;
    private readonly counters;
    private readonly doubt;
    private inFlight;
    private idleWaiters;
    constructor(options: GenesysHttpOptions);
    get apiBase(): string;
    stats(): HttpStats;
    writesInDoubt(): WritesInDoubt;
    /** Resolves once no request of this client is in flight (the ones in flight have ended). */
    idle(): Promise<void>;
    private noteDoubt;
    /** Sends the request and parses the JSON answer; an empty body gives `undefined`. */
    json<T>(request: ApiRequest, observe?: CallObserver): Promise<T>;
    /** Sends the request with retries; resolves with any 2xx, throws {@link GenesysApiError} otherwise. */
    send(request: ApiRequest): Promise<ApiResponse>;
    private sendWithRetries;
    private wait;
    private url;
    private headers;
}
