export const id = 523;
export const ids = [523];
export const modules = {

/***/ 43523:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_MAX_CONCURRENCY: () => (/* binding */ DEFAULT_MAX_CONCURRENCY),
  DEFAULT_RATE_LIMIT_PER_MINUTE: () => (/* binding */ DEFAULT_RATE_LIMIT_PER_MINUTE),
  connectionSettingsFromEnv: () => (/* binding */ connectionSettingsFromEnv),
  createGenesysClient: () => (/* binding */ createGenesysClient)
});

// EXTERNAL MODULE: ./src/clock.ts
var src_clock = __webpack_require__(70386);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(64533);
// EXTERNAL MODULE: ./src/logger.ts
var src_logger = __webpack_require__(99574);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(91581);
// EXTERNAL MODULE: ./src/genesys/oauth.ts
var oauth = __webpack_require__(13054);
;// CONCATENATED MODULE: ./src/genesys/credentials.ts



const REFUSED_TOKEN_HINT = 'The access token (GENESYSCLOUD_ACCESS_TOKEN, or the genesys-access-token input) has expired, was revoked, ' +
    'or belongs to another org or region. Get a new token, or use an OAuth client instead ' +
    '(GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET), whose tokens are renewed as needed.';
/**
 * A token given as is: no OAuth request is made, and a refused token cannot be renewed, so a
 * 401 fails at once with {@link REFUSED_TOKEN_HINT}.
 */
class AccessTokenSource {
    value;
    refusedHint = REFUSED_TOKEN_HINT;
    constructor(value) {
        this.value = value;
    }
    token() {
        return Promise.resolve(this.value);
    }
    invalidate() {
        // Nothing to forget: there is no other token to fetch.
    }
}
/**
 * The token source the credentials call for. Both kinds at once are refused rather than one
 * silently preferred: they may be different identities, with different permissions and a
 * different name in the org's audit log, and a deploy must not run as the unexpected one.
 */
function tokenSourceFor(credentials, loginBase, options) {
    checkCredentials(credentials);
    const accessToken = credentials.accessToken?.trim();
    if (accessToken) {
        (0,secrets/* registerSecret */.cl)(accessToken);
        return new AccessTokenSource(accessToken);
    }
    const { clientId, clientSecret } = credentials;
    return new oauth/* ClientCredentialsTokenSource */.oR(loginBase, { clientId, clientSecret }, options);
}
/** Refuses no credentials, half an OAuth client, or both kinds at once (see {@link tokenSourceFor}). */
function checkCredentials(credentials) {
    const accessToken = credentials.accessToken?.trim();
    const { clientId, clientSecret } = credentials;
    if (accessToken && (clientId || clientSecret)) {
        throw new errors/* ConfigurationError */.j1('Both an access token and an OAuth client id or secret were given; the tool will not guess which identity to act as.', 'Give one: unset GENESYSCLOUD_ACCESS_TOKEN (input genesys-access-token) to use the OAuth client, or unset ' +
            'GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (inputs genesys-client-id and genesys-client-secret) to use the token.');
    }
    if (!accessToken && (!clientId || !clientSecret)) {
        throw new errors/* ConfigurationError */.j1('The Genesys Cloud OAuth client id or secret is missing.', 'Set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (a Client Credentials OAuth client), or GENESYSCLOUD_ACCESS_TOKEN.');
    }
}

// EXTERNAL MODULE: ./src/genesys/datatables.ts + 20 modules
var datatables = __webpack_require__(22905);
;// CONCATENATED MODULE: ./src/genesys/hints.ts
/**
 * Permissions each data-table operation needs (any one of them), from the API reference.
 * Used to turn a bare 403 into "the OAuth client needs X".
 */
const PERMISSIONS = [
    { method: 'GET', pattern: /\/datatables\/divisionviews/, permissions: 'architect:datatable:search' },
    {
        method: 'GET',
        pattern: /\/datatables\/[^/]+\/(import|export)\/jobs/,
        permissions: 'architect:datatable:view or architect:datatableRow:view',
    },
    {
        method: 'POST',
        pattern: /\/datatables\/[^/]+\/import\//,
        permissions: 'architect:datatable:edit or architect:datatableRow:add',
    },
    {
        method: 'POST',
        pattern: /\/datatables\/[^/]+\/export\//,
        permissions: 'architect:datatable:view or architect:datatableRow:view',
    },
    {
        method: 'GET',
        pattern: /\/datatables\/[^/]+\/rows/,
        permissions: 'architect:datatable:view or architect:datatableRow:view',
    },
    {
        method: 'POST',
        pattern: /\/datatables\/[^/]+\/rows/,
        permissions: 'architect:datatable:add or architect:datatableRow:add',
    },
    {
        method: 'PUT',
        pattern: /\/datatables\/[^/]+\/rows/,
        permissions: 'architect:datatable:edit or architect:datatableRow:edit',
    },
    {
        method: 'DELETE',
        pattern: /\/datatables\/[^/]+\/rows/,
        permissions: 'architect:datatable:delete or architect:datatableRow:delete',
    },
    { method: 'GET', pattern: /\/datatables/, permissions: 'architect:datatable:view' },
    { method: 'POST', pattern: /\/datatables$/, permissions: 'architect:datatable:add' },
    { method: 'PUT', pattern: /\/datatables\/[^/]+$/, permissions: 'architect:datatable:edit' },
    { method: 'DELETE', pattern: /\/datatables\/[^/]+$/, permissions: 'architect:datatable:delete' },
];
/** The permission a data-table call needs, or undefined for other paths. */
function permissionFor(method, path) {
    return PERMISSIONS.find((entry) => entry.method === method && entry.pattern.test(path))?.permissions;
}
/** One or two sentences that tell a person what to do about a failed call. */
function hintFor(failure) {
    const { status, code, method, path } = failure;
    if (status === 401) {
        return 'The access token was refused twice. Check that the OAuth client is active and not deleted, then run again.';
    }
    if (status === 407) {
        return 'The proxy (HTTP_PROXY or HTTPS_PROXY) wants a user and password: give them in its URL, http://user:password@host:port (percent-encode special characters).';
    }
    if (status === 403) {
        const needed = permissionFor(method, path);
        const what = needed ? `needs ${needed}` : 'lacks a permission for this call';
        return `The OAuth client ${what} in the table's division: add a role that grants it to the client's role divisions.`;
    }
    if (status === 404 && code === 'flows.datatables.table.not.found') {
        return 'The data table does not exist (or was deleted, or is in a division the client cannot see). Check the table name or id.';
    }
    if (status === 413 || code === 'request.entity.too.large') {
        return 'The request body is over the 512,000-byte platform limit: shorten the row, or ask Genesys to raise request.bytes.max.';
    }
    if (status === 429) {
        return 'The rate limit was still exceeded after all retries: lower the rate budget (rate-limit-per-minute), or ask Genesys to raise the limit for this OAuth client.';
    }
    if (status >= 500 || status === 0) {
        return 'Genesys Cloud failed or was unreachable; nothing is wrong with the request itself. Run again later.';
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/genesys/proxy.ts
var proxy = __webpack_require__(20129);
// EXTERNAL MODULE: ./src/genesys/retry.ts
var genesys_retry = __webpack_require__(79419);
;// CONCATENATED MODULE: ./src/genesys/http.ts







const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);
/**
 * Sends API requests: rate budget, bearer token, timeout, retries, typed errors.
 * Every request of the process goes through one instance so that they share one budget.
 */
class GenesysHttp {
    options;
    fetchFn;
    clock;
    logger;
    counters = { requests: 0, retries: 0, rateLimited: 0 };
    doubt = { count: 0 };
    inFlight = 0;
    idleWaiters = [];
    constructor(options) {
        this.options = options;
        this.fetchFn = options.fetch ?? (0,proxy/* proxyAwareFetch */.Fm)();
        this.clock = options.clock ?? src_clock/* systemClock */.m;
        this.logger = options.logger ?? src_logger/* silentLogger */.q;
    }
    get apiBase() {
        return this.options.apiBase;
    }
    stats() {
        return { ...this.counters };
    }
    writesInDoubt() {
        return { ...this.doubt };
    }
    /** Resolves once no request of this client is in flight (the ones in flight have ended). */
    idle() {
        if (this.inFlight === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }
    noteDoubt(method) {
        if (method === 'GET')
            return;
        this.doubt.count += 1;
        this.doubt.lastAt = this.clock.now();
    }
    /** Sends the request and parses the JSON answer; an empty body gives `undefined`. */
    async json(request, observe) {
        const response = await this.send(request);
        observe?.({
            attempts: response.attempts,
            correlationId: response.headers.get('inin-correlation-id') ?? undefined,
        });
        return (response.text === '' ? undefined : JSON.parse(response.text));
    }
    /** Sends the request with retries; resolves with any 2xx, throws {@link GenesysApiError} otherwise. */
    async send(request) {
        this.inFlight += 1;
        try {
            return await this.sendWithRetries(request);
        }
        finally {
            this.inFlight -= 1;
            if (this.inFlight === 0)
                for (const resolve of this.idleWaiters.splice(0))
                    resolve();
        }
    }
    async sendWithRetries(request) {
        const url = this.url(request);
        const idempotent = IDEMPOTENT.has(request.method);
        const pathOnly = new URL(url).pathname;
        let renewedToken = false;
        // Time spent waiting to retry: what the retry budget bounds (the same under a test's timeScale).
        let waited = 0;
        for (let attempt = 1;; attempt++) {
            const release = await this.options.budget.acquire();
            let outcome;
            let response;
            let text = '';
            let token;
            try {
                token = request.authenticate === false ? undefined : await this.options.tokens.token();
                this.counters.requests += 1;
                response = await this.fetchFn(url, {
                    method: request.method,
                    headers: this.headers(request, token),
                    body: request.json !== undefined ? JSON.stringify(request.json) : request.body,
                    signal: AbortSignal.timeout(this.options.timeoutMs),
                });
                text = await response.text();
                outcome = {
                    kind: 'response',
                    status: response.status,
                    retryAfterHeader: response.headers.get('retry-after'),
                };
            }
            catch (error) {
                if (error instanceof errors/* GenesysApiError */.n_)
                    throw error; // from the token source
                const timeout = error instanceof Error && error.name === 'TimeoutError';
                outcome = { kind: 'network', timeout, unresolved: (0,oauth/* networkCode */.e8)(error) === 'ENOTFOUND' };
                this.noteDoubt(request.method);
                const decision = (0,genesys_retry/* decideRetry */.tE)(outcome, attempt, idempotent, this.options.retry, request.method === 'GET', waited);
                if (!decision.retry) {
                    throw new errors/* GenesysApiError */.n_({
                        status: 0,
                        code: timeout ? 'client.timeout' : 'network.error',
                        serviceMessage: `${timeout ? `no answer within ${this.options.timeoutMs} ms` : (0,oauth/* networkCause */.u6)(error)} (${decision.reason})`,
                        method: request.method,
                        path: pathOnly,
                        attempts: attempt,
                    }, (0,oauth/* unreachableHint */.qk)(url, 'Check connectivity to Genesys Cloud; the request is safe to run again once it is reachable.'));
                }
                waited += decision.delayMs;
                await this.wait(request, pathOnly, decision.reason, decision.delayMs, attempt);
                continue;
            }
            finally {
                release();
            }
            if (response.ok) {
                this.options.budget.reward();
                return { status: response.status, headers: response.headers, text, attempts: attempt };
            }
            const body = parseErrorBody(text);
            if (response.status === 502 || response.status === 504)
                this.noteDoubt(request.method);
            const fixedToken = this.options.tokens.refusedHint !== undefined;
            if (response.status === 401 && token !== undefined && !renewedToken && !fixedToken) {
                // The token expired or was revoked early: renew once, then repeat the request.
                renewedToken = true;
                this.options.tokens.invalidate(token);
                this.logger.info(`${request.method} ${pathOnly}: token refused (401); renewing it once`);
                continue;
            }
            const decision = (0,genesys_retry/* decideRetry */.tE)({ ...outcome, code: body.code }, attempt, idempotent, this.options.retry, request.method === 'GET', waited);
            if (decision.retry) {
                if (decision.rateLimited) {
                    this.counters.rateLimited += 1;
                    this.options.budget.penalise(decision.delayMs);
                }
                waited += decision.delayMs;
                await this.wait(request, pathOnly, decision.reason, decision.delayMs, attempt);
                continue;
            }
            const failure = {
                status: response.status,
                code: body.code ?? `http.${response.status}`,
                serviceMessage: body.message ?? (response.statusText || 'request failed'),
                method: request.method,
                path: pathOnly,
                correlationId: response.headers.get('inin-correlation-id') ?? body.contextId,
                attempts: attempt,
                body: body.raw,
            };
            if (response.status === 401 && token !== undefined && fixedToken)
                throw new errors/* AuthenticationError */.v3(failure, this.options.tokens.refusedHint);
            throw new errors/* GenesysApiError */.n_(failure, hintFor(failure));
        }
    }
    async wait(request, path, reason, delayMs, attempt) {
        this.counters.retries += 1;
        this.logger.info(`${request.method} ${path}: ${reason}; retrying in ${(0,oauth/* formatSeconds */.Xo)(delayMs)} (attempt ${attempt + 1})`);
        await this.clock.sleep(delayMs);
    }
    url(request) {
        const url = /^https?:\/\//.test(request.path)
            ? new URL(request.path)
            : new URL(this.options.apiBase + request.path);
        for (const [name, value] of Object.entries(request.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(name, String(value));
        }
        return url.toString();
    }
    headers(request, token) {
        const headers = { accept: 'application/json', ...request.headers };
        if (request.json !== undefined)
            headers['content-type'] = 'application/json';
        if (token !== undefined)
            headers.authorization = `Bearer ${token}`;
        return headers;
    }
}
function parseErrorBody(text) {
    try {
        const raw = JSON.parse(text);
        return {
            code: typeof raw.code === 'string' ? raw.code : undefined,
            message: typeof raw.message === 'string' ? raw.message : undefined,
            contextId: typeof raw.contextId === 'string' ? raw.contextId : undefined,
            raw,
        };
    }
    catch {
        return text ? { message: text.slice(0, 200) } : {};
    }
}

;// CONCATENATED MODULE: ./src/genesys/rate-budget.ts

/** How fast the rate climbs back after a 429 pause: a share of the configured rate per ms. */
const RECOVERY_PER_MS = 0.5 / 1_000;
/** The rate kept after a 429 pause (multiplicative decrease), and its floor. */
const DECREASE = 0.85;
const FLOOR = 0.1;
/**
 * One token bucket and one concurrency limit shared by every request of a process.
 *
 * Genesys limits requests per OAuth token and per minute, and the limit is shared with every
 * other integration using the same client, so the budget is configurable below the service's
 * limit. When the service still answers 429, {@link penalise} stops every request until
 * `Retry-After` has passed and lowers the rate (multiplicative decrease, once per pause: the
 * 429s of requests that were in flight together are one signal, not many); once the pause is
 * over the rate climbs back with time (additive increase, half the configured rate per second,
 * so it is back to full within about 2 s of a storm's end), and successes speed that up.
 * A steady 429 storm therefore slows the whole process down instead of each request retrying on
 * its own schedule, and the budget is not lost for long after it.
 */
class RateBudget {
    configuredPerMs;
    ratePerMs;
    capacity;
    tokens;
    lastRefill;
    pausedUntil = 0;
    /** Up to when the rate's recovery has been counted. */
    recoveredTo = 0;
    active = 0;
    waiters = [];
    timerSet = false;
    clock;
    maxConcurrency;
    granted = 0;
    throttled = 0;
    constructor(options) {
        if (!(options.requestsPerMinute > 0))
            throw new RangeError('requestsPerMinute must be positive');
        if (!(options.maxConcurrency >= 1))
            throw new RangeError('maxConcurrency must be at least 1');
        this.clock = options.clock ?? src_clock/* systemClock */.m;
        this.configuredPerMs = options.requestsPerMinute / 60_000;
        this.ratePerMs = this.configuredPerMs;
        this.capacity = Math.max(1, options.burst ?? Math.ceil(options.requestsPerMinute / 60));
        this.tokens = this.capacity;
        this.lastRefill = this.clock.now();
        this.maxConcurrency = Math.floor(options.maxConcurrency);
    }
    /** Waits for a concurrency slot and a token (first come, first served). */
    acquire() {
        return new Promise((resolve) => {
            this.waiters.push(() => {
                let released = false;
                resolve(() => {
                    if (released)
                        return;
                    released = true;
                    this.active -= 1;
                    this.pump();
                });
            });
            this.pump();
        });
    }
    /** The service answered 429: nobody sends for `retryAfterMs`, and the rate drops. */
    penalise(retryAfterMs) {
        const now = this.clock.now();
        this.throttled += 1;
        this.recover(now);
        if (now >= this.pausedUntil)
            this.ratePerMs = Math.max(this.configuredPerMs * FLOOR, this.ratePerMs * DECREASE);
        this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
        this.recoveredTo = this.pausedUntil;
        this.tokens = Math.min(this.tokens, 1);
    }
    /** A request succeeded: win back a little of the rate lost to 429s. */
    reward() {
        if (this.ratePerMs < this.configuredPerMs) {
            this.ratePerMs = Math.min(this.configuredPerMs, this.ratePerMs + this.configuredPerMs * 0.02);
        }
    }
    stats() {
        this.recover(this.clock.now());
        return {
            granted: this.granted,
            throttledBy429: this.throttled,
            currentRatePerMinute: this.ratePerMs * 60_000,
        };
    }
    /** Time since the last pause ended wins the rate back: half the configured rate a second. */
    recover(now) {
        const from = Math.max(this.recoveredTo, this.pausedUntil);
        if (now <= from)
            return;
        if (this.ratePerMs < this.configuredPerMs)
            this.ratePerMs = Math.min(this.configuredPerMs, this.ratePerMs + (now - from) * RECOVERY_PER_MS * this.configuredPerMs);
        this.recoveredTo = now;
    }
    refill(now) {
        this.recover(now);
        const elapsed = Math.max(0, now - this.lastRefill);
        this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerMs);
        this.lastRefill = now;
    }
    pump() {
        while (this.waiters.length > 0 && this.active < this.maxConcurrency) {
            const now = this.clock.now();
            this.refill(now);
            let waitMs = 0;
            if (now < this.pausedUntil)
                waitMs = this.pausedUntil - now;
            else if (this.tokens < 1)
                waitMs = Math.ceil((1 - this.tokens) / this.ratePerMs);
            if (waitMs > 0) {
                this.schedule(waitMs);
                return;
            }
            this.tokens -= 1;
            this.active += 1;
            this.granted += 1;
            this.waiters.shift()();
        }
    }
    /** Waits through the Clock, so that a simulated clock runs 429 storms in simulated time. */
    schedule(ms) {
        if (this.timerSet)
            return;
        this.timerSet = true;
        void this.clock.sleep(ms).then(() => {
            this.timerSet = false;
            this.pump();
        });
    }
}

// EXTERNAL MODULE: ./src/genesys/regions.ts
var regions = __webpack_require__(8348);
;// CONCATENATED MODULE: ./src/genesys/client.ts









const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;
const DEFAULT_MAX_CONCURRENCY = 8;
function createGenesysClient(settings, options = {}) {
    checkCredentials(settings);
    const rate = settings.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
    const concurrency = settings.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    if (!Number.isFinite(rate) || rate <= 0) {
        throw new errors/* ConfigurationError */.j1(`The rate limit ${rate} per minute is not a positive number.`, 'Give e.g. 300 or 240.');
    }
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new errors/* ConfigurationError */.j1(`The concurrency ${concurrency} is not a positive whole number.`, 'Give e.g. 8.');
    }
    const endpoints = (0,regions/* resolveEndpoints */.$K)(settings);
    const clock = options.clock ?? src_clock/* systemClock */.m;
    const logger = options.logger ?? src_logger/* silentLogger */.q;
    const retry = { ...genesys_retry/* DEFAULT_RETRY_POLICY */.cO, ...options.retry };
    const timeoutMs = settings.timeoutMs ?? 30_000;
    const tokens = tokenSourceFor(settings, endpoints.loginBase, {
        fetch: options.fetch,
        clock,
        retry,
        timeoutMs,
        logger,
    });
    const budget = new RateBudget({ requestsPerMinute: rate, maxConcurrency: concurrency, clock });
    const http = new GenesysHttp({
        apiBase: endpoints.apiBase,
        tokens,
        budget,
        retry,
        timeoutMs,
        fetch: options.fetch,
        clock,
        logger,
    });
    const tables = new datatables/* DataTablesApi */.u(http, { clock, logger, ...options.tables });
    return { endpoints, tables, http, budget };
}
/** Connection settings from the environment variables Genesys's own tools use. */
function connectionSettingsFromEnv(env) {
    return {
        clientId: env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '',
        clientSecret: env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '',
        accessToken: env.GENESYSCLOUD_ACCESS_TOKEN || undefined,
        region: env.GENESYSCLOUD_REGION || undefined,
        apiUrl: env.GENESYSCLOUD_API_URL || undefined,
    };
}


/***/ })

};
