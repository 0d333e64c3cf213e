#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 581:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(668);

process.exitCode = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .a)(process.argv.slice(2), {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 668:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

;// CONCATENATED MODULE: ./src/errors.ts
/**
 * The project's few typed errors. Each carries a `hint`: the sentence that tells a person how to
 * fix the problem. Messages never contain secrets or tokens.
 */
class DatatableDeployError extends Error {
    /** What to do about it, as one or two sentences. */
    hint;
    constructor(message, hint, options) {
        super(message, options);
        this.name = new.target.name;
        this.hint = hint;
    }
    /** The message followed by the hint, for terminals and logs. */
    describe() {
        return this.hint ? `${this.message}\n  fix: ${this.hint}` : this.message;
    }
}
/** A setting, input or argument is missing or malformed. Nothing was sent anywhere. */
class ConfigurationError extends DatatableDeployError {
}
/** Genesys Cloud answered with an error, or could not be reached, after any retries. */
class GenesysApiError extends DatatableDeployError {
    status;
    code;
    serviceMessage;
    method;
    path;
    correlationId;
    attempts;
    body;
    constructor(failure, hint, options) {
        const where = `${failure.method} ${failure.path}`;
        const status = failure.status === 0 ? 'no response' : String(failure.status);
        const tries = failure.attempts > 1 ? ` after ${failure.attempts} attempts` : '';
        const correlation = failure.correlationId ? `, correlation id ${failure.correlationId}` : '';
        super(`${status} ${failure.code}: ${failure.serviceMessage} (${where}${tries}${correlation})`, hint, options);
        this.status = failure.status;
        this.code = failure.code;
        this.serviceMessage = failure.serviceMessage;
        this.method = failure.method;
        this.path = failure.path;
        this.correlationId = failure.correlationId;
        this.attempts = failure.attempts;
        this.body = failure.body;
    }
}
/** The OAuth service refused the client credentials, or a token was refused twice in a row. */
class AuthenticationError extends GenesysApiError {
}
/** Renders any thrown value for a person: typed errors with their hint, others by message. */
function describeError(error) {
    if (error instanceof DatatableDeployError)
        return error.describe();
    if (error instanceof Error)
        return error.message;
    return String(error);
}

;// CONCATENATED MODULE: ./src/cli/io.ts
function writeLine(stream, text = '') {
    stream.write(`${text}\n`);
}

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./src/emulator/config.ts
const DEFAULT_CLIENT = { id: 'emulator-client', secret: 'emulator-secret' };
function defaultConfig() {
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
function mergeConfig(current, patch) {
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
        throw new TypeError('config must be a JSON object');
    }
    const next = { ...current };
    for (const [name, value] of Object.entries(patch)) {
        if (!(name in current))
            throw new TypeError(`unknown config key "${name}"`);
        const expected = Array.isArray(current[name])
            ? 'array'
            : typeof current[name];
        const actual = Array.isArray(value) ? 'array' : typeof value;
        if (expected !== actual)
            throw new TypeError(`config key "${name}" must be a ${expected}`);
        next[name] = value;
    }
    return next;
}

;// CONCATENATED MODULE: ./src/emulator/context.ts
/** Finds the route for a path; earlier routes win, so literal segments go first. */
function matchRoute(routes, method, path) {
    const segments = path.split('/');
    const allowed = [];
    for (const route of routes) {
        const parts = route.template.split('/');
        if (parts.length !== segments.length)
            continue;
        const params = {};
        let matched = true;
        for (let index = 0; index < parts.length; index++) {
            const part = parts[index];
            const segment = segments[index];
            if (part.startsWith('{') && part.endsWith('}')) {
                if (segment === '') {
                    matched = false;
                    break;
                }
                try {
                    params[part.slice(1, -1)] = decodeURIComponent(segment);
                }
                catch {
                    matched = false;
                    break;
                }
            }
            else if (part !== segment) {
                matched = false;
                break;
            }
        }
        if (!matched)
            continue;
        if (route.method === method)
            return { route, params };
        allowed.push(route.method);
    }
    return { route: undefined, allowed };
}

;// CONCATENATED MODULE: ./src/emulator/faults.ts
/** mulberry32: a tiny seeded PRNG; good enough for fault dice. */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const DEFAULT_CODES = {
    429: 'too.many.requests.retry.after',
    500: 'internal.server.error',
    502: 'bad.gateway',
    503: 'service.unavailable',
    504: 'request.timeout',
};
class FaultInjector {
    rules = [];
    nextId = 1;
    random;
    constructor(seed) {
        this.random = seededRandom(seed);
    }
    reseed(seed) {
        this.random = seededRandom(seed);
    }
    add(rule) {
        validateRule(rule);
        const active = { ...rule, id: this.nextId++, matched: 0, fired: 0 };
        this.rules.push(active);
        return active;
    }
    list() {
        return this.rules.map((rule) => ({ ...rule }));
    }
    clear() {
        this.rules = [];
    }
    /** The first rule that fires for this request, if any. */
    match(method, path, route) {
        for (const rule of this.rules) {
            if (rule.method && rule.method !== '*' && rule.method.toUpperCase() !== method)
                continue;
            if (rule.path) {
                const pattern = new RegExp(rule.path);
                if (!pattern.test(path) && !pattern.test(route))
                    continue;
            }
            rule.matched += 1;
            if (rule.after !== undefined && rule.matched <= rule.after)
                continue;
            if (rule.count !== undefined && rule.fired >= rule.count)
                continue;
            if (rule.probability !== undefined && this.random() >= rule.probability)
                continue;
            rule.fired += 1;
            const action = { delayMs: rule.delayMs ?? 0, reset: rule.reset ?? false };
            if (rule.status !== undefined) {
                action.status = rule.status;
                action.code = rule.code ?? DEFAULT_CODES[rule.status] ?? 'internal.server.error';
                if (rule.status === 429)
                    action.retryAfterSeconds = rule.retryAfterSeconds ?? 1;
            }
            return action;
        }
        return undefined;
    }
}
function validateRule(rule) {
    if (typeof rule !== 'object' || rule === null)
        throw new TypeError('a fault rule must be a JSON object');
    if (rule.status === undefined && !rule.reset && rule.delayMs === undefined) {
        throw new TypeError('a fault rule needs status, reset or delayMs');
    }
    if (rule.status !== undefined &&
        (!Number.isInteger(rule.status) || rule.status < 400 || rule.status > 599)) {
        throw new TypeError('status must be an HTTP error status (400–599)');
    }
    if (rule.probability !== undefined && !(rule.probability >= 0 && rule.probability <= 1)) {
        throw new TypeError('probability must be between 0 and 1');
    }
    if (rule.path !== undefined)
        new RegExp(rule.path); // throws SyntaxError on a bad pattern
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/emulator/http-kit.ts

/** Thrown by handlers; the server turns it into an ErrorBody response. */
class ServiceError extends Error {
    status;
    code;
    extra;
    headers;
    constructor(status, code, message, extra = {}, headers = {}) {
        super(message);
        this.status = status;
        this.code = code;
        this.extra = extra;
        this.headers = headers;
    }
}
const notFound = (code, message = 'Not found') => new ServiceError(404, code, message);
const badRequest = (message, code = 'bad.request', extra = {}) => new ServiceError(400, code, message, extra);
/** Headers every API response carries, like the real service. */
function standardHeaders(correlationId) {
    return {
        'inin-correlation-id': correlationId,
        'cache-control': 'no-cache, no-store, must-revalidate',
        pragma: 'no-cache',
        expires: '0',
    };
}
function newCorrelationId() {
    return (0,external_node_crypto_namespaceObject.randomUUID)();
}
function sendJson(res, status, body, headers = {}) {
    if (body === undefined || status === 204) {
        res.writeHead(status, headers).end();
        return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}
function errorBody(error, correlationId) {
    return {
        message: error.message,
        code: error.code,
        status: error.status,
        contextId: correlationId,
        details: [],
        errors: [],
        ...error.extra,
    };
}
/** Reads the request body, refusing more than `maxBytes` (Genesys: request.bytes.max). */
async function readBody(req, maxBytes) {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes)
        throw tooLarge(maxBytes);
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > maxBytes)
            throw tooLarge(maxBytes);
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
function tooLarge(maxBytes) {
    return new ServiceError(413, 'request.entity.too.large', `The request is over the ${maxBytes} byte limit`, {
        limit: { key: 'request.bytes.max', namespace: 'platform.api', value: maxBytes },
    });
}
/** Parses a JSON request body; an empty body is `undefined`. */
function parseJson(body) {
    if (body.length === 0)
        return undefined;
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch {
        throw badRequest('The request body is not valid JSON');
    }
}

;// CONCATENATED MODULE: ./src/emulator/rate-limiter.ts
/**
 * Per-token request limit. Modelled as a token bucket holding one minute's worth of requests
 * and refilling continuously: a client that keeps to N per minute on average is never refused,
 * as with the real service's per-minute limit. The limit is read on every request, so a
 * configuration change applies at once.
 */
class TokenRateLimiter {
    perMinute;
    now;
    buckets = new Map();
    constructor(perMinute, now = Date.now) {
        this.perMinute = perMinute;
        this.now = now;
    }
    /** Takes one request from the token's budget; returns the seconds to wait when none is left. */
    take(token) {
        const limit = this.perMinute();
        const now = this.now();
        const perMs = limit / 60_000;
        const bucket = this.buckets.get(token) ?? { tokens: limit, at: now };
        bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.at) * perMs);
        bucket.at = now;
        this.buckets.set(token, bucket);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return { allowed: true };
        }
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    }
}

;// CONCATENATED MODULE: ./src/emulator/request-log.ts
/** Counters per route and status, and the most recent requests. */
class RequestLog {
    keep;
    entries = [];
    counters = {};
    statuses = {};
    total = 0;
    constructor(keep = 5_000) {
        this.keep = keep;
    }
    record(entry) {
        this.total += 1;
        this.counters[entry.route] = (this.counters[entry.route] ?? 0) + 1;
        this.statuses[String(entry.status)] = (this.statuses[String(entry.status)] ?? 0) + 1;
        this.entries.push(entry);
        if (this.entries.length > this.keep)
            this.entries.splice(0, this.entries.length - this.keep);
    }
    snapshot() {
        return {
            total: this.total,
            byRoute: { ...this.counters },
            byStatus: { ...this.statuses },
            recent: [...this.entries],
        };
    }
    reset() {
        this.entries = [];
        this.counters = {};
        this.statuses = {};
        this.total = 0;
    }
}

;// CONCATENATED MODULE: ./src/emulator/routes/admin.ts


const ADMIN_PATH = '/__emulator';
/**
 * The admin API (no OAuth, loopback only): health, request counters and log, state dump and
 * load, fault rules, configuration, token expiry. Not part of Genesys Cloud.
 */
function adminRoutes(targets) {
    const json = async (context) => {
        try {
            return parseJson(await context.body());
        }
        catch {
            throw badRequest('The admin request body is not valid JSON');
        }
    };
    const guard = (work) => {
        try {
            return work();
        }
        catch (error) {
            if (error instanceof TypeError || error instanceof SyntaxError)
                throw badRequest(error.message, 'invalid.value');
            throw error;
        }
    };
    const route = (method, path, handler) => ({
        method,
        template: `${ADMIN_PATH}${path}`,
        handler,
        access: 'admin',
    });
    const updateConfig = async (context) => {
        const patch = (await json(context)) ?? {};
        return applyConfig(targets, guard(() => mergeConfig(targets.config, patch)));
    };
    return [
        route('GET', '/health', (context) => ({
            status: 200,
            body: { status: 'ok', tables: context.state.tables.size },
        })),
        route('GET', '/requests', () => ({ status: 200, body: targets.log.snapshot() })),
        route('DELETE', '/requests', () => {
            targets.log.reset();
            return { status: 204 };
        }),
        route('GET', '/state', (context) => ({ status: 200, body: context.state.dump() })),
        route('PUT', '/state', async (context) => {
            const dump = (await json(context));
            guard(() => context.state.load(dump));
            return { status: 200, body: { tables: context.state.tables.size } };
        }),
        route('GET', '/faults', () => ({ status: 200, body: { faults: targets.faults.list() } })),
        route('POST', '/faults', async (context) => {
            const body = (await json(context));
            const rules = 'faults' in body && Array.isArray(body.faults) ? body.faults : [body];
            if ('seed' in body && typeof body.seed === 'number')
                targets.faults.reseed(body.seed);
            const added = guard(() => rules.map((rule) => targets.faults.add(rule)));
            return { status: 201, body: { faults: added } };
        }),
        route('DELETE', '/faults', () => {
            targets.faults.clear();
            return { status: 204 };
        }),
        route('GET', '/config', () => ({ status: 200, body: targets.config })),
        // PUT and PATCH both merge: keys left out keep their values.
        route('PUT', '/config', updateConfig),
        route('PATCH', '/config', updateConfig),
        route('POST', '/tokens/expire', () => ({ status: 200, body: { expired: targets.tokens.expireAll() } })),
    ];
}
function applyConfig(targets, next) {
    // Mutated in place: handlers, the rate limiter and pending jobs hold this object.
    Object.assign(targets.config, next);
    targets.faults.reseed(next.seed);
    return { status: 200, body: targets.config };
}

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/CsvError.js
class CsvError extends Error {
  constructor(code, message, options, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ").trim();
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString(options.encoding)
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/is_object.js
const is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_columns_array.js



const normalize_columns_array = function (columns) {
  const normalizedColumns = [];
  for (let i = 0, l = columns.length; i < l; i++) {
    const column = columns[i];
    if (column === undefined || column === null || column === false) {
      normalizedColumns[i] = { disabled: true };
    } else if (typeof column === "string" || typeof column === "number") {
      normalizedColumns[i] = { name: `${column}` };
    } else if (is_object(column)) {
      if (typeof column.name !== "string") {
        throw new CsvError("CSV_OPTION_COLUMNS_MISSING_NAME", [
          "Option columns missing name:",
          `property "name" is required at position ${i}`,
          "when column is an object literal",
        ]);
      }
      normalizedColumns[i] = column;
    } else {
      throw new CsvError("CSV_INVALID_COLUMN_DEFINITION", [
        "Invalid column definition:",
        "expect a string or a literal object,",
        `got ${JSON.stringify(column)} at position ${i}`,
      ]);
    }
  }
  return normalizedColumns;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/ResizeableBuffer.js
class ResizeableBuffer {
  constructor(size = 100) {
    this.size = size;
    this.length = 0;
    this.buf = Buffer.allocUnsafe(size);
  }
  prepend(val) {
    if (Buffer.isBuffer(val)) {
      const length = this.length + val.length;
      if (length >= this.size) {
        this.resize();
        if (length >= this.size) {
          throw Error("INVALID_BUFFER_STATE");
        }
      }
      const buf = this.buf;
      this.buf = Buffer.allocUnsafe(this.size);
      val.copy(this.buf, 0);
      buf.copy(this.buf, val.length);
      this.length += val.length;
    } else {
      const length = this.length++;
      if (length === this.size) {
        this.resize();
      }
      const buf = this.clone();
      this.buf[0] = val;
      buf.copy(this.buf, 1, 0, length);
    }
  }
  append(val) {
    const length = this.length++;
    if (length === this.size) {
      this.resize();
    }
    this.buf[length] = val;
  }
  clone() {
    return Buffer.from(this.buf.slice(0, this.length));
  }
  resize() {
    const length = this.length;
    this.size = this.size * 2;
    const buf = Buffer.allocUnsafe(this.size);
    this.buf.copy(buf, 0, 0, length);
    this.buf = buf;
  }
  toString(encoding) {
    if (encoding) {
      return this.buf.toString(encoding, 0, this.length);
    } else {
      return Uint8Array.prototype.slice.call(this.buf.slice(0, this.length));
    }
  }
  toJSON() {
    return this.toString("utf8");
  }
  reset() {
    this.length = 0;
  }
}

/* harmony default export */ const utils_ResizeableBuffer = (ResizeableBuffer);

;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/init_state.js


const init_state = function (options) {
  // ECMAScript WhiteSpace + LineTerminator codepoints, encoded under
  // `options.encoding`. Aligns trimming with `String.prototype.trim()`.
  // https://tc39.es/ecma262/#sec-white-space
  // https://tc39.es/ecma262/#sec-line-terminators
  //
  // Codepoints unrepresentable in the target encoding are dropped: Node's
  // Buffer substitutes them with `?` (0x3F), and including those would cause
  // literal `?` bytes in the input to be trimmed under `latin1`/`ascii`.
  const timchars = [
    // Basic Latin
    0x0020, // [Space](https://www.fileformat.info/info/unicode/char/0020/index.htm)
    0x0009, // [CHARACTER TABULATION (HT)](https://www.fileformat.info/info/unicode/char/0009/index.htm)
    0x000a, // [LINE FEED (LF)](https://www.fileformat.info/info/unicode/char/000a/index.htm)
    0x000d, // [CARRIAGE RETURN (CR)](https://www.fileformat.info/info/unicode/char/000d/index.htm)
    0x000c, // [FORM FEED (FF)](https://www.fileformat.info/info/unicode/char/000c/index.htm)
    0x000b, // [LINE TABULATION (VT)](https://www.fileformat.info/info/unicode/char/000b/index.htm)
    // Latin-1 Supplement
    0x00a0, // [NO-BREAK SPACE (NBSP)](https://www.fileformat.info/info/unicode/char/00a0/index.htm)
    // Ogham
    0x1680, // [OGHAM SPACE MARK](https://www.fileformat.info/info/unicode/char/1680/index.htm)
    // General Punctuation
    0x2000, // [EN QUAD](https://www.fileformat.info/info/unicode/char/2000/index.htm)
    0x2001, // [EM QUAD](https://www.fileformat.info/info/unicode/char/2001/index.htm)
    0x2002, // [EN SPACE](https://www.fileformat.info/info/unicode/char/2002/index.htm)
    0x2003, // [EM SPACE](https://www.fileformat.info/info/unicode/char/2003/index.htm)
    0x2004, // [THREE-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2004/index.htm)
    0x2005, // [FOUR-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2005/index.htm)
    0x2006, // [SIX-PER-EM SPACE](https://www.fileformat.info/info/unicode/char/2006/index.htm)
    0x2007, // [FIGURE SPACE](https://www.fileformat.info/info/unicode/char/2007/index.htm)
    0x2008, // [PUNCTUATION SPACE](https://www.fileformat.info/info/unicode/char/2008/index.htm)
    0x2009, // [THIN SPACE](https://www.fileformat.info/info/unicode/char/2009/index.htm)
    0x200a, // [HAIR SPACE](https://www.fileformat.info/info/unicode/char/200a/index.htm)
    0x2028, // [LINE SEPARATOR](https://www.fileformat.info/info/unicode/char/2028/index.htm)
    0x2029, // [PARAGRAPH SEPARATOR](https://www.fileformat.info/info/unicode/char/2029/index.htm)
    0x202f, // [NARROW NO-BREAK SPACE (NNBSP)](https://www.fileformat.info/info/unicode/char/202f/index.htm)
    0x205f, // [MEDIUM MATHEMATICAL SPACE (MMSP)](https://www.fileformat.info/info/unicode/char/205f/index.htm)
    0x3000, // [IDEOGRAPHIC SPACE](https://www.fileformat.info/info/unicode/char/3000/index.htm)
    0xfeff, // [ZERO WIDTH NO-BREAK SPACE (BOM)](https://www.fileformat.info/info/unicode/char/feff/index.htm)
  ].reduce((acc, codepoint) => {
    const encoded = Buffer.from(
      String.fromCharCode(codepoint),
      options.encoding,
    );
    if (codepoint !== 0x3f && encoded.length === 1 && encoded[0] === 0x3f) {
      return acc;
    }
    acc.push(encoded);
    return acc;
  }, []);
  // First-byte lookup table for `__isCharTrimable`. Non-whitespace bytes
  // (the common case) bail out in O(1) without scanning every timchar.
  const timcharFirstBytes = new Uint8Array(256);
  for (const t of timchars) timcharFirstBytes[t[0]] = 1;
  return {
    bomSkipped: false,
    bufBytesStart: 0,
    castField: options.cast_function,
    commenting: false,
    delimiterBufPrevious: undefined,
    delimiterDiscovered: false,
    // Current error encountered by a record
    error: undefined,
    enabled: options.from_line === 1,
    escaping: false,
    escapeIsQuote:
      Buffer.isBuffer(options.escape) &&
      Buffer.isBuffer(options.quote) &&
      Buffer.compare(options.escape, options.quote) === 0,
    // columns can be `false`, `true`, `Array`
    expectedRecordLength: Array.isArray(options.columns)
      ? options.columns.length
      : undefined,
    field: new utils_ResizeableBuffer(20),
    firstLineToHeaders: options.cast_first_line_to_header,
    needMoreDataSize: Math.max(
      // Skip if the remaining buffer smaller than comment
      options.comment !== null ? options.comment.length : 0,
      // Skip if the remaining buffer can be delimiter
      ...(options.delimiter
        ? options.delimiter.map((delimiter) => delimiter.length)
        : []),
      // Auto discovery of delimiter is limited to 1 character
      options.delimiter_auto ? 1 : 0,
      // Skip if the remaining buffer can be escape sequence
      options.quote !== null ? options.quote.length : 0,
      // Skip if the remaining buffer can be a multi-byte trim character
      ...timchars.map((t) => t.length),
    ),
    previousBuf: undefined,
    quoting: false,
    stop: false,
    rawBuffer: new utils_ResizeableBuffer(100),
    record: [],
    recordHasError: false,
    record_length: 0,
    recordDelimiterMaxLength:
      options.record_delimiter.length === 0
        ? 0
        : Math.max(...options.record_delimiter.map((v) => v.length)),
    trimChars: [
      Buffer.from(" ", options.encoding)[0],
      Buffer.from("\t", options.encoding)[0],
    ],
    wasQuoting: false,
    wasRowDelimiter: false,
    timchars: timchars,
    timcharFirstBytes: timcharFirstBytes,
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/underscore.js
const underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/normalize_options.js





const normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore(opt)] = opts[opt];
  }
  // Normalize option `encoding`
  // Note: defined first because other options depends on it
  // to convert chars/strings into buffers.
  if (options.encoding === undefined || options.encoding === true) {
    options.encoding = "utf8";
  } else if (options.encoding === null || options.encoding === false) {
    options.encoding = null;
  } else if (
    typeof options.encoding !== "string" &&
    options.encoding !== null
  ) {
    throw new CsvError(
      "CSV_INVALID_OPTION_ENCODING",
      [
        "Invalid option encoding:",
        "encoding must be a string or null to return a buffer,",
        `got ${JSON.stringify(options.encoding)}`,
      ],
      options,
    );
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_BOM",
      [
        "Invalid option bom:",
        "bom must be true,",
        `got ${JSON.stringify(options.bom)}`,
      ],
      options,
    );
  }
  // Normalize option `cast`
  options.cast_function = null;
  if (
    options.cast === undefined ||
    options.cast === null ||
    options.cast === false ||
    options.cast === ""
  ) {
    options.cast = undefined;
  } else if (typeof options.cast === "function") {
    options.cast_function = options.cast;
    options.cast = true;
  } else if (options.cast !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST",
      [
        "Invalid option cast:",
        "cast must be true or a function,",
        `got ${JSON.stringify(options.cast)}`,
      ],
      options,
    );
  }
  // Normalize option `cast_date`
  if (
    options.cast_date === undefined ||
    options.cast_date === null ||
    options.cast_date === false ||
    options.cast_date === ""
  ) {
    options.cast_date = false;
  } else if (options.cast_date === true) {
    options.cast_date = function (value) {
      const date = Date.parse(value);
      return !isNaN(date) ? new Date(date) : value;
    };
  } else if (typeof options.cast_date !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_CAST_DATE",
      [
        "Invalid option cast_date:",
        "cast_date must be true or a function,",
        `got ${JSON.stringify(options.cast_date)}`,
      ],
      options,
    );
  }
  // Normalize option `columns`
  options.cast_first_line_to_header = undefined;
  if (options.columns === true) {
    // Fields in the first line are converted as-is to columns
    options.cast_first_line_to_header = undefined;
  } else if (typeof options.columns === "function") {
    options.cast_first_line_to_header = options.columns;
    options.columns = true;
  } else if (Array.isArray(options.columns)) {
    options.columns = normalize_columns_array(options.columns);
  } else if (
    options.columns === undefined ||
    options.columns === null ||
    options.columns === false
  ) {
    options.columns = false;
  } else {
    throw new CsvError(
      "CSV_INVALID_OPTION_COLUMNS",
      [
        "Invalid option columns:",
        "expect an array, a function or true,",
        `got ${JSON.stringify(options.columns)}`,
      ],
      options,
    );
  }
  // Normalize option `group_columns_by_name`
  if (
    options.group_columns_by_name === undefined ||
    options.group_columns_by_name === null ||
    options.group_columns_by_name === false
  ) {
    options.group_columns_by_name = false;
  } else if (options.group_columns_by_name !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "expect an boolean,",
        `got ${JSON.stringify(options.group_columns_by_name)}`,
      ],
      options,
    );
  } else if (options.columns === false) {
    throw new CsvError(
      "CSV_INVALID_OPTION_GROUP_COLUMNS_BY_NAME",
      [
        "Invalid option group_columns_by_name:",
        "the `columns` mode must be activated.",
      ],
      options,
    );
  }
  // Normalize option `comment`
  if (
    options.comment === undefined ||
    options.comment === null ||
    options.comment === false ||
    options.comment === ""
  ) {
    options.comment = null;
  } else {
    if (typeof options.comment === "string") {
      options.comment = Buffer.from(options.comment, options.encoding);
    }
    if (!Buffer.isBuffer(options.comment)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_COMMENT",
        [
          "Invalid option comment:",
          "comment must be a buffer or a string,",
          `got ${JSON.stringify(options.comment)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `comment_no_infix`
  if (
    options.comment_no_infix === undefined ||
    options.comment_no_infix === null ||
    options.comment_no_infix === false
  ) {
    options.comment_no_infix = false;
  } else if (options.comment_no_infix !== true) {
    throw new CsvError(
      "CSV_INVALID_OPTION_COMMENT",
      [
        "Invalid option comment_no_infix:",
        "value must be a boolean,",
        `got ${JSON.stringify(options.comment_no_infix)}`,
      ],
      options,
    );
  }
  // Normalize option `delimiter_auto`
  if (
    options.delimiter_auto === undefined ||
    options.delimiter_auto === null ||
    options.delimiter_auto === false
  ) {
    options.delimiter_auto = false;
  } else if (options.delimiter_auto === true) {
    options.delimiter_auto = {};
  } else if (!is_object(options.delimiter_auto)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_DELIMITER_AUTO",
      [
        "Invalid option delimiter_auto:",
        "delimiter_auto must be a boolean or a configuration object,",
        `got ${JSON.stringify(options.delimiter_auto)}`,
      ],
      options,
    );
  }
  if (options.delimiter_auto) {
    if (options.delimiter_auto.preferred === undefined)
      options.delimiter_auto.preferred = {
        [",".charCodeAt(0)]: 1.8,
        ["\t".charCodeAt(0)]: 1.8,
        [";".charCodeAt(0)]: 1.6,
        [" ".charCodeAt(0)]: 1.6,
        [":".charCodeAt(0)]: 1.5,
        [".".charCodeAt(0)]: 1.4,
        ["/".charCodeAt(0)]: 1.4,
      };
    else if (!is_object(options.delimiter_auto.preferred)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "preferred must be an object,",
          `got ${JSON.stringify(options.delimiter_auto.preferred)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.score === undefined)
      options.delimiter_auto.score = (info, options) => {
        return (
          (info.total - info.std) * (options.preferred[info.char_code] || 1)
        );
      };
    else if (typeof options.delimiter_auto.score !== "function") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "score must be a function,",
          `got ${JSON.stringify(options.delimiter_auto.score)}`,
        ],
        options,
      );
    }
    if (options.delimiter_auto.size === undefined)
      options.delimiter_auto.size = 2048;
    else if (typeof options.delimiter_auto.size !== "number") {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER_AUTO",
        [
          "Invalid option delimiter_auto:",
          "size must be a number,",
          `got ${JSON.stringify(options.delimiter_auto.size)}`,
        ],
        options,
      );
    }
  }
  // Normalize option `delimiter`
  const delimiter_json = JSON.stringify(options.delimiter);
  if (options.delimiter_auto !== false) {
    options.delimiter = [];
  }
  if (!Array.isArray(options.delimiter)) {
    if (
      options.delimiter === undefined ||
      options.delimiter === null ||
      options.delimiter === false
    ) {
      options.delimiter = Buffer.from(",", options.encoding);
    }
    options.delimiter = [options.delimiter];
  }
  options.delimiter = options.delimiter.map(function (delimiter) {
    if (typeof delimiter === "string") {
      delimiter = Buffer.from(delimiter, options.encoding);
    }
    if (!Buffer.isBuffer(delimiter) || delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_DELIMITER",
        [
          "Invalid option delimiter:",
          "delimiter must be a non empty string or buffer or array of string|buffer,",
          `got ${delimiter_json}`,
        ],
        options,
      );
    }
    return delimiter;
  });
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === true) {
    options.escape = Buffer.from('"', options.encoding);
  } else if (typeof options.escape === "string") {
    options.escape = Buffer.from(options.escape, options.encoding);
  } else if (options.escape === null || options.escape === false) {
    options.escape = null;
  }
  if (options.escape !== null) {
    if (!Buffer.isBuffer(options.escape)) {
      throw new Error(
        `Invalid Option: escape must be a buffer, a string or a boolean, got ${JSON.stringify(options.escape)}`,
      );
    }
  }
  // Normalize option `from`
  if (options.from === undefined || options.from === null) {
    options.from = 1;
  } else {
    if (typeof options.from === "string" && /\d+/.test(options.from)) {
      options.from = parseInt(options.from);
    }
    if (Number.isInteger(options.from)) {
      if (options.from < 0) {
        throw new Error(
          `Invalid Option: from must be a positive integer, got ${JSON.stringify(opts.from)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from must be an integer, got ${JSON.stringify(options.from)}`,
      );
    }
  }
  // Normalize option `from_line`
  if (options.from_line === undefined || options.from_line === null) {
    options.from_line = 1;
  } else {
    if (
      typeof options.from_line === "string" &&
      /\d+/.test(options.from_line)
    ) {
      options.from_line = parseInt(options.from_line);
    }
    if (Number.isInteger(options.from_line)) {
      if (options.from_line <= 0) {
        throw new Error(
          `Invalid Option: from_line must be a positive integer greater than 0, got ${JSON.stringify(opts.from_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: from_line must be an integer, got ${JSON.stringify(opts.from_line)}`,
      );
    }
  }
  // Normalize options `ignore_last_delimiters`
  if (
    options.ignore_last_delimiters === undefined ||
    options.ignore_last_delimiters === null
  ) {
    options.ignore_last_delimiters = false;
  } else if (typeof options.ignore_last_delimiters === "number") {
    options.ignore_last_delimiters = Math.floor(options.ignore_last_delimiters);
    if (options.ignore_last_delimiters === 0) {
      options.ignore_last_delimiters = false;
    }
  } else if (typeof options.ignore_last_delimiters !== "boolean") {
    throw new CsvError(
      "CSV_INVALID_OPTION_IGNORE_LAST_DELIMITERS",
      [
        "Invalid option `ignore_last_delimiters`:",
        "the value must be a boolean value or an integer,",
        `got ${JSON.stringify(options.ignore_last_delimiters)}`,
      ],
      options,
    );
  }
  if (options.ignore_last_delimiters === true && options.columns === false) {
    throw new CsvError(
      "CSV_IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS",
      [
        "The option `ignore_last_delimiters`",
        "requires the activation of the `columns` option",
      ],
      options,
    );
  }
  // Normalize option `info`
  if (
    options.info === undefined ||
    options.info === null ||
    options.info === false
  ) {
    options.info = false;
  } else if (options.info !== true) {
    throw new Error(
      `Invalid Option: info must be true, got ${JSON.stringify(options.info)}`,
    );
  }
  // Normalize option `max_record_size`
  if (
    options.max_record_size === undefined ||
    options.max_record_size === null ||
    options.max_record_size === false
  ) {
    options.max_record_size = 0;
  } else if (
    Number.isInteger(options.max_record_size) &&
    options.max_record_size >= 0
  ) {
    // Great, nothing to do
  } else if (
    typeof options.max_record_size === "string" &&
    /\d+/.test(options.max_record_size)
  ) {
    options.max_record_size = parseInt(options.max_record_size);
  } else {
    throw new Error(
      `Invalid Option: max_record_size must be a positive integer, got ${JSON.stringify(options.max_record_size)}`,
    );
  }
  // Normalize option `objname`
  if (
    options.objname === undefined ||
    options.objname === null ||
    options.objname === false
  ) {
    options.objname = undefined;
  } else if (Buffer.isBuffer(options.objname)) {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty buffer`);
    }
    if (options.encoding === null) {
      // Don't call `toString`, leave objname as a buffer
    } else {
      options.objname = options.objname.toString(options.encoding);
    }
  } else if (typeof options.objname === "string") {
    if (options.objname.length === 0) {
      throw new Error(`Invalid Option: objname must be a non empty string`);
    }
    // Great, nothing to do
  } else if (typeof options.objname === "number") {
    // if(options.objname.length === 0){
    //   throw new Error(`Invalid Option: objname must be a non empty string`);
    // }
    // Great, nothing to do
  } else {
    throw new Error(
      `Invalid Option: objname must be a string or a buffer, got ${options.objname}`,
    );
  }
  if (options.objname !== undefined) {
    if (typeof options.objname === "number") {
      if (options.columns !== false) {
        throw Error(
          "Invalid Option: objname index cannot be combined with columns or be defined as a field",
        );
      }
    } else {
      // A string or a buffer
      if (options.columns === false) {
        throw Error(
          "Invalid Option: objname field must be combined with columns or be defined as an index",
        );
      }
    }
  }
  // Normalize option `on_record`
  if (options.on_record === undefined || options.on_record === null) {
    options.on_record = undefined;
  } else if (typeof options.on_record !== "function") {
    throw new CsvError(
      "CSV_INVALID_OPTION_ON_RECORD",
      [
        "Invalid option `on_record`:",
        "expect a function,",
        `got ${JSON.stringify(options.on_record)}`,
      ],
      options,
    );
  }
  // Normalize option `on_skip`
  // options.on_skip ??= (err, chunk) => {
  //   this.emit('skip', err, chunk);
  // };
  if (
    options.on_skip !== undefined &&
    options.on_skip !== null &&
    typeof options.on_skip !== "function"
  ) {
    throw new Error(
      `Invalid Option: on_skip must be a function, got ${JSON.stringify(options.on_skip)}`,
    );
  }
  // Normalize option `quote`
  if (
    options.quote === null ||
    options.quote === false ||
    options.quote === ""
  ) {
    options.quote = null;
  } else {
    if (options.quote === undefined || options.quote === true) {
      options.quote = Buffer.from('"', options.encoding);
    } else if (typeof options.quote === "string") {
      options.quote = Buffer.from(options.quote, options.encoding);
    }
    if (!Buffer.isBuffer(options.quote)) {
      throw new Error(
        `Invalid Option: quote must be a buffer or a string, got ${JSON.stringify(options.quote)}`,
      );
    }
  }
  // Normalize option `raw`
  if (
    options.raw === undefined ||
    options.raw === null ||
    options.raw === false
  ) {
    options.raw = false;
  } else if (options.raw !== true) {
    throw new Error(
      `Invalid Option: raw must be true, got ${JSON.stringify(options.raw)}`,
    );
  }
  // Normalize option `record_delimiter`
  if (options.record_delimiter === undefined) {
    options.record_delimiter = [];
  } else if (
    typeof options.record_delimiter === "string" ||
    Buffer.isBuffer(options.record_delimiter)
  ) {
    if (options.record_delimiter.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer,",
          `got ${JSON.stringify(options.record_delimiter)}`,
        ],
        options,
      );
    }
    options.record_delimiter = [options.record_delimiter];
  } else if (!Array.isArray(options.record_delimiter)) {
    throw new CsvError(
      "CSV_INVALID_OPTION_RECORD_DELIMITER",
      [
        "Invalid option `record_delimiter`:",
        "value must be a string, a buffer or array of string|buffer,",
        `got ${JSON.stringify(options.record_delimiter)}`,
      ],
      options,
    );
  }
  options.record_delimiter = options.record_delimiter.map(function (rd, i) {
    if (typeof rd !== "string" && !Buffer.isBuffer(rd)) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a string, a buffer or array of string|buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    } else if (rd.length === 0) {
      throw new CsvError(
        "CSV_INVALID_OPTION_RECORD_DELIMITER",
        [
          "Invalid option `record_delimiter`:",
          "value must be a non empty string or buffer",
          `at index ${i},`,
          `got ${JSON.stringify(rd)}`,
        ],
        options,
      );
    }
    if (typeof rd === "string") {
      rd = Buffer.from(rd, options.encoding);
    }
    return rd;
  });
  // Normalize option `relax_column_count`
  if (typeof options.relax_column_count === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count === undefined ||
    options.relax_column_count === null
  ) {
    options.relax_column_count = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count must be a boolean, got ${JSON.stringify(options.relax_column_count)}`,
    );
  }
  if (typeof options.relax_column_count_less === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_less === undefined ||
    options.relax_column_count_less === null
  ) {
    options.relax_column_count_less = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_less must be a boolean, got ${JSON.stringify(options.relax_column_count_less)}`,
    );
  }
  if (typeof options.relax_column_count_more === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_column_count_more === undefined ||
    options.relax_column_count_more === null
  ) {
    options.relax_column_count_more = false;
  } else {
    throw new Error(
      `Invalid Option: relax_column_count_more must be a boolean, got ${JSON.stringify(options.relax_column_count_more)}`,
    );
  }
  // Normalize option `relax_quotes`
  if (typeof options.relax_quotes === "boolean") {
    // Great, nothing to do
  } else if (
    options.relax_quotes === undefined ||
    options.relax_quotes === null
  ) {
    options.relax_quotes = false;
  } else {
    throw new Error(
      `Invalid Option: relax_quotes must be a boolean, got ${JSON.stringify(options.relax_quotes)}`,
    );
  }
  // Normalize option `skip_empty_lines`
  if (typeof options.skip_empty_lines === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_empty_lines === undefined ||
    options.skip_empty_lines === null
  ) {
    options.skip_empty_lines = false;
  } else {
    throw new Error(
      `Invalid Option: skip_empty_lines must be a boolean, got ${JSON.stringify(options.skip_empty_lines)}`,
    );
  }
  // Normalize option `skip_records_with_empty_values`
  if (typeof options.skip_records_with_empty_values === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_empty_values === undefined ||
    options.skip_records_with_empty_values === null
  ) {
    options.skip_records_with_empty_values = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_empty_values must be a boolean, got ${JSON.stringify(options.skip_records_with_empty_values)}`,
    );
  }
  // Normalize option `skip_records_with_error`
  if (typeof options.skip_records_with_error === "boolean") {
    // Great, nothing to do
  } else if (
    options.skip_records_with_error === undefined ||
    options.skip_records_with_error === null
  ) {
    options.skip_records_with_error = false;
  } else {
    throw new Error(
      `Invalid Option: skip_records_with_error must be a boolean, got ${JSON.stringify(options.skip_records_with_error)}`,
    );
  }
  // Normalize option `rtrim`
  if (
    options.rtrim === undefined ||
    options.rtrim === null ||
    options.rtrim === false
  ) {
    options.rtrim = false;
  } else if (options.rtrim !== true) {
    throw new Error(
      `Invalid Option: rtrim must be a boolean, got ${JSON.stringify(options.rtrim)}`,
    );
  }
  // Normalize option `ltrim`
  if (
    options.ltrim === undefined ||
    options.ltrim === null ||
    options.ltrim === false
  ) {
    options.ltrim = false;
  } else if (options.ltrim !== true) {
    throw new Error(
      `Invalid Option: ltrim must be a boolean, got ${JSON.stringify(options.ltrim)}`,
    );
  }
  // Normalize option `trim`
  if (
    options.trim === undefined ||
    options.trim === null ||
    options.trim === false
  ) {
    options.trim = false;
  } else if (options.trim !== true) {
    throw new Error(
      `Invalid Option: trim must be a boolean, got ${JSON.stringify(options.trim)}`,
    );
  }
  // Normalize options `trim`, `ltrim` and `rtrim`
  if (options.trim === true && opts.ltrim !== false) {
    options.ltrim = true;
  } else if (options.ltrim !== true) {
    options.ltrim = false;
  }
  if (options.trim === true && opts.rtrim !== false) {
    options.rtrim = true;
  } else if (options.rtrim !== true) {
    options.rtrim = false;
  }
  // Normalize option `to`
  if (options.to === undefined || options.to === null) {
    options.to = -1;
  } else if (options.to !== -1) {
    if (typeof options.to === "string" && /\d+/.test(options.to)) {
      options.to = parseInt(options.to);
    }
    if (Number.isInteger(options.to)) {
      if (options.to <= 0) {
        throw new Error(
          `Invalid Option: to must be a positive integer greater than 0, got ${JSON.stringify(opts.to)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to must be an integer, got ${JSON.stringify(opts.to)}`,
      );
    }
  }
  // Normalize option `to_line`
  if (options.to_line === undefined || options.to_line === null) {
    options.to_line = -1;
  } else if (options.to_line !== -1) {
    if (typeof options.to_line === "string" && /\d+/.test(options.to_line)) {
      options.to_line = parseInt(options.to_line);
    }
    if (Number.isInteger(options.to_line)) {
      if (options.to_line <= 0) {
        throw new Error(
          `Invalid Option: to_line must be a positive integer greater than 0, got ${JSON.stringify(opts.to_line)}`,
        );
      }
    } else {
      throw new Error(
        `Invalid Option: to_line must be an integer, got ${JSON.stringify(opts.to_line)}`,
      );
    }
  }
  return options;
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/utils/delimiter_discover.js



// Discussed in [issue #400](https://github.com/adaltas/node-csv/issues/400)
// See https://github.com/python/cpython/blob/ea1b1c579f600cc85d145c60862b2e6b98701b24/Lib/csv.py#L349
const delimiter_discover = function (records, options) {
  // Normalize the configuration
  if (!options) {
    ({ delimiter_auto: options } = normalize_options({ delimiter_auto: true }));
  }
  // Convert String to Buffer
  if (typeof records === "string") {
    records = Buffer.from(records);
  }
  // Convert Buffer to an array of records
  if (Buffer.isBuffer(records)) {
    records = ((data) => {
      const records = [];
      const parser = transform({ delimiter: [] });
      const push = (record) => records.push(record);
      const close = () => {};
      const error = parser.parse(data, true, push, close);
      if (error !== undefined) throw error;
      return records;
    })(records);
  }
  // Info array initialization, 127 entries, one per char code
  const info = Array(127)
    .fill()
    .map(() => ({ lines: [] }));
  // Traverse each records, count occurences per char code
  records.map(([record], line) => {
    for (let i = 0, l = record.length; i < l; i++) {
      // Count the character frequency
      const code = record.charCodeAt(i);
      if (info[code].lines[line] === undefined) info[code].lines[line] = 0;
      info[code].lines[line]++;
    }
  });
  // Traverse each char code, compute the score
  info.map((info, i) => {
    info.char_code = i;
    info.std = std(info.lines);
    info.total = info.lines.reduce((acc, val) => acc + val, 0);
    info.preferred = !!options.preferred[i];
    info.score = options.score(info, options);
  });
  // Extract the dominant character
  const result = info.reduce(
    (acc, info) => (acc.score > info.score ? acc : info),
    {},
  );
  return String.fromCharCode(result.char_code);
};

const std = function (array) {
  const n = array.length;
  if (n === 0) return 0;
  const mean = array.reduce((a, b) => a + b) / n;
  return Math.sqrt(
    array.map((x) => Math.pow(x - mean, 2)).reduce((a, b) => a + b) / n,
  );
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/api/index.js






const isRecordEmpty = function (record) {
  return record.every(
    (field) =>
      field == null || (field.toString && field.toString().trim() === ""),
  );
};

const cr = 13; // `\r`, carriage return, 0x0D in hexadécimal, 13 in decimal
const nl = 10; // `\n`, newline, 0x0A in hexadecimal, 10 in decimal

const boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254]),
};

const transform = function (original_options = {}) {
  const info = {
    bytes: 0,
    bytes_records: 0,
    comment_lines: 0,
    empty_lines: 0,
    invalid_field_length: 0,
    lines: 1,
    records: 0,
  };
  const options = normalize_options(original_options);
  return {
    info: info,
    original_options: original_options,
    options: options,
    state: init_state(options),
    __needMoreData: function (i, bufLen, end) {
      if (end) return false;
      const { encoding, escape, quote } = this.options;
      const { quoting, needMoreDataSize, recordDelimiterMaxLength } =
        this.state;
      const numOfCharLeft = bufLen - i - 1;
      const requiredLength = Math.max(
        needMoreDataSize,
        // Skip if the remaining buffer smaller than record delimiter
        // If "record_delimiter" is yet to be discovered:
        // 1. It is equals to `[]` and "recordDelimiterMaxLength" equals `0`
        // 2. We set the length to windows line ending in the current encoding
        // Note, that encoding is known from user or bom discovery at that point
        // recordDelimiterMaxLength,
        recordDelimiterMaxLength === 0
          ? Buffer.from("\r\n", encoding).length
          : recordDelimiterMaxLength,
        // Skip if remaining buffer can be an escaped quote
        quoting ? (escape === null ? 0 : escape.length) + quote.length : 0,
        // Skip if remaining buffer can be record delimiter following the closing quote
        quoting ? quote.length + recordDelimiterMaxLength : 0,
      );
      return numOfCharLeft < requiredLength;
    },
    // Central parser implementation
    parse: function (nextBuf, end, push, close) {
      const {
        bom,
        comment_no_infix,
        delimiter_auto,
        encoding,
        from_line,
        ltrim,
        max_record_size,
        raw,
        relax_quotes,
        rtrim,
        skip_empty_lines,
        to,
        to_line,
      } = this.options;
      let { comment, escape, quote, record_delimiter } = this.options;
      const {
        bomSkipped,
        delimiterDiscovered,
        delimiterBufPrevious,
        rawBuffer,
        escapeIsQuote,
      } = this.state;
      // Automatic delimiter discovery
      if (!delimiterDiscovered && delimiter_auto) {
        let delimiterBuf;
        if (delimiterBufPrevious === undefined) {
          delimiterBuf = nextBuf;
        } else if (
          delimiterBufPrevious !== undefined &&
          nextBuf === undefined
        ) {
          delimiterBuf = delimiterBufPrevious;
        } else {
          delimiterBuf = Buffer.concat([delimiterBufPrevious, nextBuf]);
        }
        // Ensure that nextBuf is not concatenated a second time during buffer reconciliation
        nextBuf = undefined;
        // this.delimiterBufPrevious = delimiterBuf;
        if (end || delimiterBuf.length > delimiter_auto.size) {
          this.options.delimiter = [
            Buffer.from(
              delimiter_discover(delimiterBuf, this.options.delimiter_auto),
            ),
          ];
          this.state.previousBuf = delimiterBuf;
          this.state.delimiterBufPrevious = undefined;
          this.state.delimiterDiscovered = true;
        } else {
          this.state.delimiterBufPrevious = delimiterBuf;
          return;
        }
      }
      // Previous buffers reconciliation
      const { previousBuf } = this.state;
      let buf;
      if (previousBuf === undefined) {
        if (nextBuf === undefined) {
          // Handle empty string
          close();
          return;
        } else {
          buf = nextBuf;
        }
      } else if (previousBuf !== undefined && nextBuf === undefined) {
        buf = previousBuf;
      } else {
        buf = Buffer.concat([previousBuf, nextBuf]);
      }
      // Handle UTF BOM
      if (bomSkipped === false) {
        if (bom === false) {
          this.state.bomSkipped = true;
        } else if (buf.length < 3) {
          // No enough data
          if (end === false) {
            // Wait for more data
            this.state.previousBuf = buf;
            return;
          }
        } else {
          for (const encoding in boms) {
            if (boms[encoding].compare(buf, 0, boms[encoding].length) === 0) {
              // Skip BOM
              const bomLength = boms[encoding].length;
              this.state.bufBytesStart += bomLength;
              buf = buf.slice(bomLength);
              // Renormalize original options with the new encoding
              const options = normalize_options({
                ...this.original_options,
                encoding: encoding,
              });
              // Properties are merged with the existing options instance
              for (const key in options) {
                this.options[key] = options[key];
              }
              // Options will re-evaluate the Buffer with the new encoding
              ({ comment, escape, quote } = this.options);
              break;
            }
          }
          this.state.bomSkipped = true;
        }
      }
      const bufLen = buf.length;
      let pos;
      for (pos = 0; pos < bufLen; pos++) {
        // Ensure we get enough space to look ahead
        // There should be a way to move this out of the loop
        if (this.__needMoreData(pos, bufLen, end)) {
          break;
        }
        if (this.state.wasRowDelimiter === true) {
          this.info.lines++;
          this.state.wasRowDelimiter = false;
        }
        if (to_line !== -1 && this.info.lines > to_line) {
          this.state.stop = true;
          close();
          return;
        }
        // Auto discovery of record_delimiter, unix, mac and windows supported
        if (this.state.quoting === false && record_delimiter.length === 0) {
          const record_delimiterCount = this.__autoDiscoverRecordDelimiter(
            buf,
            pos,
          );
          if (record_delimiterCount) {
            record_delimiter = this.options.record_delimiter;
          }
        }
        const chr = buf[pos];
        if (raw === true) {
          rawBuffer.append(chr);
        }
        if (
          (chr === cr || chr === nl) &&
          this.state.wasRowDelimiter === false
        ) {
          this.state.wasRowDelimiter = true;
        }
        // Previous char was a valid escape char
        // treat the current char as a regular char
        if (this.state.escaping === true) {
          this.state.escaping = false;
        } else {
          // Escape is only active inside quoted fields
          // We are quoting, the char is an escape chr and there is a chr to escape
          // if(escape !== null && this.state.quoting === true && chr === escape && pos + 1 < bufLen){
          if (
            escape !== null &&
            this.state.quoting === true &&
            this.__isEscape(buf, pos, chr) &&
            pos + escape.length < bufLen
          ) {
            if (escapeIsQuote) {
              if (this.__isQuote(buf, pos + escape.length)) {
                this.state.escaping = true;
                pos += escape.length - 1;
                continue;
              }
            } else {
              this.state.escaping = true;
              pos += escape.length - 1;
              continue;
            }
          }
          // Not currently escaping and chr is a quote
          // TODO: need to compare bytes instead of single char
          if (this.state.commenting === false && this.__isQuote(buf, pos)) {
            if (this.state.quoting === true) {
              const nextChr = buf[pos + quote.length];
              const isNextChrTrimable =
                rtrim && this.__isCharTrimable(buf, pos + quote.length);
              const isNextChrComment =
                comment !== null &&
                this.__compareBytes(comment, buf, pos + quote.length, nextChr);
              const isNextChrDelimiter = this.__isDelimiter(
                buf,
                pos + quote.length,
                nextChr,
              );
              const isNextChrRecordDelimiter =
                record_delimiter.length === 0
                  ? this.__autoDiscoverRecordDelimiter(buf, pos + quote.length)
                  : this.__isRecordDelimiter(nextChr, buf, pos + quote.length);
              // Escape a quote
              // Treat next char as a regular character
              if (
                escape !== null &&
                this.__isEscape(buf, pos, chr) &&
                this.__isQuote(buf, pos + escape.length)
              ) {
                pos += escape.length - 1;
              } else if (
                !nextChr ||
                isNextChrDelimiter ||
                isNextChrRecordDelimiter ||
                isNextChrComment ||
                isNextChrTrimable
              ) {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                pos += quote.length - 1;
                continue;
              } else if (relax_quotes === false) {
                const err = this.__error(
                  new CsvError(
                    "CSV_INVALID_CLOSING_QUOTE",
                    [
                      "Invalid Closing Quote:",
                      `got "${String.fromCharCode(nextChr)}"`,
                      `at line ${this.info.lines}`,
                      "instead of delimiter, record delimiter, trimable character",
                      "(if activated) or comment",
                    ],
                    this.options,
                    this.__infoField(),
                  ),
                );
                if (err !== undefined) return err;
              } else {
                this.state.quoting = false;
                this.state.wasQuoting = true;
                this.state.field.prepend(quote);
                pos += quote.length - 1;
              }
            } else {
              if (this.state.field.length !== 0) {
                // In relax_quotes mode, treat opening quote preceded by chrs as regular
                if (relax_quotes === false) {
                  const info = this.__infoField();
                  const bom = Object.keys(boms)
                    .map((b) =>
                      boms[b].equals(this.state.field.toString()) ? b : false,
                    )
                    .filter(Boolean)[0];
                  const err = this.__error(
                    new CsvError(
                      "INVALID_OPENING_QUOTE",
                      [
                        "Invalid Opening Quote:",
                        `a quote is found on field ${JSON.stringify(info.column)} at line ${info.lines}, value is ${JSON.stringify(this.state.field.toString(encoding))}`,
                        bom ? `(${bom} bom)` : undefined,
                      ],
                      this.options,
                      info,
                      {
                        field: this.state.field,
                      },
                    ),
                  );
                  if (err !== undefined) return err;
                }
              } else {
                this.state.quoting = true;
                pos += quote.length - 1;
                continue;
              }
            }
          }
          if (this.state.quoting === false) {
            const recordDelimiterLength = this.__isRecordDelimiter(
              chr,
              buf,
              pos,
            );
            if (recordDelimiterLength !== 0) {
              // Do not emit comments which take a full line
              const skipCommentLine =
                this.state.commenting &&
                this.state.wasQuoting === false &&
                this.state.record.length === 0 &&
                this.state.field.length === 0;
              if (skipCommentLine) {
                this.info.comment_lines++;
                // Skip full comment line
              } else {
                // Activate records emission if above from_line
                if (
                  this.state.enabled === false &&
                  this.info.lines +
                    (this.state.wasRowDelimiter === true ? 1 : 0) >=
                    from_line
                ) {
                  this.state.enabled = true;
                  this.__resetField();
                  this.__resetRecord();
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                // Skip if line is empty and skip_empty_lines activated
                if (
                  skip_empty_lines === true &&
                  this.state.wasQuoting === false &&
                  this.state.record.length === 0 &&
                  this.state.field.length === 0
                ) {
                  this.info.empty_lines++;
                  pos += recordDelimiterLength - 1;
                  continue;
                }
                this.info.bytes = this.state.bufBytesStart + pos;
                const errField = this.__onField();
                if (errField !== undefined) return errField;
                this.info.bytes =
                  this.state.bufBytesStart + pos + recordDelimiterLength;
                const errRecord = this.__onRecord(push);
                if (errRecord !== undefined) return errRecord;
                if (to !== -1 && this.info.records >= to) {
                  this.state.stop = true;
                  close();
                  return;
                }
              }
              this.state.commenting = false;
              pos += recordDelimiterLength - 1;
              continue;
            }
            if (this.state.commenting) {
              continue;
            }
            if (
              comment !== null &&
              (comment_no_infix === false ||
                (this.state.record.length === 0 &&
                  this.state.field.length === 0))
            ) {
              const commentCount = this.__compareBytes(comment, buf, pos, chr);
              if (commentCount !== 0) {
                this.state.commenting = true;
                continue;
              }
            }
            const delimiterLength = this.__isDelimiter(buf, pos, chr);
            if (delimiterLength !== 0) {
              this.info.bytes = this.state.bufBytesStart + pos;
              const errField = this.__onField();
              if (errField !== undefined) return errField;
              pos += delimiterLength - 1;
              continue;
            }
          }
        }
        if (this.state.commenting === false) {
          if (
            max_record_size !== 0 &&
            this.state.record_length + this.state.field.length > max_record_size
          ) {
            return this.__error(
              new CsvError(
                "CSV_MAX_RECORD_SIZE",
                [
                  "Max Record Size:",
                  "record exceed the maximum number of tolerated bytes",
                  `of ${max_record_size}`,
                  `at line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
              ),
            );
          }
        }
        const lappend =
          ltrim === false ||
          this.state.quoting === true ||
          this.state.field.length !== 0 ||
          !this.__isCharTrimable(buf, pos);
        // rtrim in non quoting is handle in __onField
        const rappend = rtrim === false || this.state.wasQuoting === false;
        if (lappend === true && rappend === true) {
          this.state.field.append(chr);
        } else if (rtrim === true && !this.__isCharTrimable(buf, pos)) {
          return this.__error(
            new CsvError(
              "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE",
              [
                "Invalid Closing Quote:",
                "found non trimable byte after quote",
                `at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
        } else {
          if (lappend === false) {
            pos += this.__isCharTrimable(buf, pos) - 1;
          }
          continue;
        }
      }
      if (end === true) {
        // Ensure we are not ending in a quoting state
        if (this.state.quoting === true) {
          const err = this.__error(
            new CsvError(
              "CSV_QUOTE_NOT_CLOSED",
              [
                "Quote Not Closed:",
                `the parsing is finished with an opening quote at line ${this.info.lines}`,
              ],
              this.options,
              this.__infoField(),
            ),
          );
          if (err !== undefined) return err;
        } else {
          // Skip last line if it has no characters
          if (
            this.state.wasQuoting === true ||
            this.state.record.length !== 0 ||
            this.state.field.length !== 0
          ) {
            this.info.bytes = this.state.bufBytesStart + pos;
            const errField = this.__onField();
            if (errField !== undefined) return errField;
            const errRecord = this.__onRecord(push);
            if (errRecord !== undefined) return errRecord;
          } else if (this.state.wasRowDelimiter === true) {
            this.info.empty_lines++;
          } else if (this.state.commenting === true) {
            this.info.comment_lines++;
          }
        }
      } else {
        this.state.bufBytesStart += pos;
        this.state.previousBuf = buf.slice(pos);
      }
      if (this.state.wasRowDelimiter === true) {
        this.info.lines++;
        this.state.wasRowDelimiter = false;
      }
    },
    __onRecord: function (push) {
      const {
        columns,
        group_columns_by_name,
        encoding,
        info,
        from,
        relax_column_count,
        relax_column_count_less,
        relax_column_count_more,
        raw,
        skip_records_with_empty_values,
      } = this.options;
      const { enabled, record } = this.state;
      if (enabled === false) {
        return this.__resetRecord();
      }
      // Convert the first line into column names
      const recordLength = record.length;
      if (columns === true) {
        if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
          this.__resetRecord();
          return;
        }
        return this.__firstLineToColumns(record);
      }
      if (columns === false && this.info.records === 0) {
        this.state.expectedRecordLength = recordLength;
      }
      if (recordLength !== this.state.expectedRecordLength) {
        const err =
          columns === false
            ? new CsvError(
                "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH",
                [
                  "Invalid Record Length:",
                  `expect ${this.state.expectedRecordLength},`,
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              )
            : new CsvError(
                "CSV_RECORD_INCONSISTENT_COLUMNS",
                [
                  "Invalid Record Length:",
                  `columns length is ${columns.length},`, // rename columns
                  `got ${recordLength} on line ${this.info.lines}`,
                ],
                this.options,
                this.__infoField(),
                {
                  record: record,
                },
              );
        if (
          relax_column_count === true ||
          (relax_column_count_less === true &&
            recordLength < this.state.expectedRecordLength) ||
          (relax_column_count_more === true &&
            recordLength > this.state.expectedRecordLength)
        ) {
          this.info.invalid_field_length++;
          this.state.error = err;
          // Error is undefined with skip_records_with_error
        } else {
          const finalErr = this.__error(err);
          if (finalErr) return finalErr;
        }
      }
      if (skip_records_with_empty_values === true && isRecordEmpty(record)) {
        this.__resetRecord();
        return;
      }
      if (this.state.recordHasError === true) {
        this.__resetRecord();
        this.state.recordHasError = false;
        return;
      }
      this.info.records++;
      if (from === 1 || this.info.records >= from) {
        const { objname } = this.options;
        // With columns, records are object
        if (columns !== false) {
          const obj = {};
          // Transform record array to an object
          for (let i = 0, l = record.length; i < l; i++) {
            if (columns[i] === undefined || columns[i].disabled) continue;
            // Turn duplicate columns into an array
            if (
              group_columns_by_name === true &&
              Object.hasOwn(obj, columns[i].name)
            ) {
              if (Array.isArray(obj[columns[i].name])) {
                obj[columns[i].name] = obj[columns[i].name].concat(record[i]);
              } else {
                obj[columns[i].name] = [obj[columns[i].name], record[i]];
              }
            } else {
              Object.defineProperty(obj, columns[i].name, {
                value: record[i],
                enumerable: true,
                writable: true,
                configurable: true,
              });
            }
          }
          // Without objname (default)
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: obj },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [obj[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? obj : [obj[objname], obj],
              push,
            );
            if (err) {
              return err;
            }
          }
          // Without columns, records are array
        } else {
          if (raw === true || info === true) {
            const extRecord = Object.assign(
              { record: record },
              raw === true
                ? { raw: this.state.rawBuffer.toString(encoding) }
                : {},
              info === true ? { info: this.__infoRecord() } : {},
            );
            const err = this.__push(
              objname === undefined ? extRecord : [record[objname], extRecord],
              push,
            );
            if (err) {
              return err;
            }
          } else {
            const err = this.__push(
              objname === undefined ? record : [record[objname], record],
              push,
            );
            if (err) {
              return err;
            }
          }
        }
      }
      this.__resetRecord();
    },
    __firstLineToColumns: function (record) {
      const { firstLineToHeaders } = this.state;
      try {
        const headers =
          firstLineToHeaders === undefined
            ? record
            : firstLineToHeaders.call(null, record);
        if (!Array.isArray(headers)) {
          return this.__error(
            new CsvError(
              "CSV_INVALID_COLUMN_MAPPING",
              [
                "Invalid Column Mapping:",
                "expect an array from column function,",
                `got ${JSON.stringify(headers)}`,
              ],
              this.options,
              this.__infoField(),
              {
                headers: headers,
              },
            ),
          );
        }
        const normalizedHeaders = normalize_columns_array(headers);
        this.state.expectedRecordLength = normalizedHeaders.length;
        this.options.columns = normalizedHeaders;
        this.__resetRecord();
        return;
      } catch (err) {
        return err;
      }
    },
    __resetRecord: function () {
      if (this.options.raw === true) {
        this.state.rawBuffer.reset();
      }
      this.state.error = undefined;
      this.state.record = [];
      this.state.record_length = 0;
    },
    __onField: function () {
      const { cast, encoding, rtrim, max_record_size } = this.options;
      const { enabled, wasQuoting } = this.state;
      // Short circuit for the from_line options
      if (enabled === false) {
        return this.__resetField();
      }
      let field = this.state.field.toString(encoding);
      if (rtrim === true && wasQuoting === false) {
        field = field.trimRight();
      }
      if (cast === true) {
        const [err, f] = this.__cast(field);
        if (err !== undefined) return err;
        field = f;
      }
      this.state.record.push(field);
      // Increment record length if record size must not exceed a limit
      if (max_record_size !== 0 && typeof field === "string") {
        this.state.record_length += field.length;
      }
      this.__resetField();
    },
    __resetField: function () {
      this.state.field.reset();
      this.state.wasQuoting = false;
    },
    __push: function (record, push) {
      const { on_record } = this.options;
      if (on_record !== undefined) {
        const info = this.__infoRecord();
        try {
          record = on_record.call(null, record, info);
        } catch (err) {
          return err;
        }
        if (record === undefined || record === null) {
          return;
        }
      }
      this.info.bytes_records += this.info.bytes;
      push(record);
    },
    // Return a tuple with the error and the casted value
    __cast: function (field) {
      const { columns, relax_column_count } = this.options;
      const isColumns = Array.isArray(columns);
      // Dont loose time calling cast
      // because the final record is an object
      // and this field can't be associated to a key present in columns
      if (
        isColumns === true &&
        relax_column_count &&
        this.options.columns.length <= this.state.record.length
      ) {
        return [undefined, undefined];
      }
      if (this.state.castField !== null) {
        try {
          const info = this.__infoField();
          return [undefined, this.state.castField.call(null, field, info)];
        } catch (err) {
          return [err];
        }
      }
      if (this.__isFloat(field)) {
        return [undefined, parseFloat(field)];
      } else if (this.options.cast_date !== false) {
        const info = this.__infoField();
        return [undefined, this.options.cast_date.call(null, field, info)];
      }
      return [undefined, field];
    },
    __compareBytes: function (sourceBuf, targetBuf, targetPos, firstByte) {
      if (sourceBuf[0] !== firstByte) return 0;
      const sourceLength = sourceBuf.length;
      for (let i = 1; i < sourceLength; i++) {
        if (sourceBuf[i] !== targetBuf[targetPos + i]) return 0;
      }
      return sourceLength;
    },
    // Helper to test if a character is trimable
    __isCharTrimable: function (buf, pos) {
      const { timchars, timcharFirstBytes } = this.state;
      // Fast bail-out: non-whitespace bytes (the common case) are rejected
      // without scanning the full timchar list.
      const first = buf[pos];
      if (first === undefined || timcharFirstBytes[first] === 0) return 0;
      loop1: for (let i = 0; i < timchars.length; i++) {
        const timchar = timchars[i];
        for (let j = 0; j < timchar.length; j++) {
          if (timchar[j] !== buf[pos + j]) continue loop1;
        }
        return timchar.length;
      }
      return 0;
    },
    __isDelimiter: function (buf, pos, chr) {
      const { delimiter, ignore_last_delimiters } = this.options;
      if (
        ignore_last_delimiters === true &&
        this.state.record.length === this.options.columns.length - 1
      ) {
        return 0;
      } else if (
        ignore_last_delimiters !== false &&
        typeof ignore_last_delimiters === "number" &&
        this.state.record.length === ignore_last_delimiters - 1
      ) {
        return 0;
      }
      loop1: for (let i = 0; i < delimiter.length; i++) {
        const del = delimiter[i];
        if (del[0] === chr) {
          for (let j = 1; j < del.length; j++) {
            if (del[j] !== buf[pos + j]) continue loop1;
          }
          return del.length;
        }
      }
      return 0;
    },
    __isEscape: function (buf, pos, chr) {
      const { escape } = this.options;
      if (escape === null) return false;
      const l = escape.length;
      if (escape[0] === chr) {
        for (let i = 0; i < l; i++) {
          if (escape[i] !== buf[pos + i]) {
            return false;
          }
        }
        return true;
      }
      return false;
    },
    __isFloat: function (value) {
      return value - parseFloat(value) + 1 >= 0; // Borrowed from jquery
    },
    // Keep it in case we implement the `cast_int` option
    // __isInt(value){
    //   // return Number.isInteger(parseInt(value))
    //   // return !isNaN( parseInt( obj ) );
    //   return /^(\-|\+)?[1-9][0-9]*$/.test(value)
    // }
    __isQuote: function (buf, pos) {
      const { quote } = this.options;
      if (quote === null) return false;
      const l = quote.length;
      for (let i = 0; i < l; i++) {
        if (quote[i] !== buf[pos + i]) {
          return false;
        }
      }
      return true;
    },
    __isRecordDelimiter: function (chr, buf, pos) {
      const { record_delimiter } = this.options;
      const recordDelimiterLength = record_delimiter.length;
      loop1: for (let i = 0; i < recordDelimiterLength; i++) {
        const rd = record_delimiter[i];
        const rdLength = rd.length;
        if (rd[0] !== chr) {
          continue;
        }
        for (let j = 1; j < rdLength; j++) {
          if (rd[j] !== buf[pos + j]) {
            continue loop1;
          }
        }
        return rd.length;
      }
      return 0;
    },
    __autoDiscoverRecordDelimiter: function (buf, pos) {
      const { encoding } = this.options;
      // Note, we don't need to cache this information in state,
      // It is only called on the first line until we find out a suitable
      // record delimiter.
      const rds = [
        // Important, the windows line ending must be before mac os 9
        Buffer.from("\r\n", encoding),
        Buffer.from("\n", encoding),
        Buffer.from("\r", encoding),
      ];
      loop: for (let i = 0; i < rds.length; i++) {
        const l = rds[i].length;
        for (let j = 0; j < l; j++) {
          if (rds[i][j] !== buf[pos + j]) {
            continue loop;
          }
        }
        this.options.record_delimiter.push(rds[i]);
        this.state.recordDelimiterMaxLength = rds[i].length;
        return rds[i].length;
      }
      return 0;
    },
    __error: function (msg) {
      const { encoding, raw, skip_records_with_error } = this.options;
      const err = typeof msg === "string" ? new Error(msg) : msg;
      if (skip_records_with_error) {
        this.state.recordHasError = true;
        if (this.options.on_skip !== undefined) {
          try {
            this.options.on_skip(
              err,
              raw ? this.state.rawBuffer.toString(encoding) : undefined,
            );
          } catch (err) {
            return err;
          }
        }
        // this.emit('skip', err, raw ? this.state.rawBuffer.toString(encoding) : undefined);
        return undefined;
      } else {
        return err;
      }
    },
    __infoDataSet: function () {
      return {
        ...this.info,
        columns: this.options.columns,
      };
    },
    __infoRecord: function () {
      const { columns, raw, encoding } = this.options;
      return {
        ...this.__infoDataSet(),
        bytes_records: this.info.bytes,
        error: this.state.error,
        header: columns === true,
        index: this.state.record.length,
        raw: raw ? this.state.rawBuffer.toString(encoding) : undefined,
      };
    },
    __infoField: function () {
      const { columns } = this.options;
      const isColumns = Array.isArray(columns);
      // Bytes records are only incremented when all records'fields are parsed
      const bytes_records = this.info.bytes_records;
      return {
        ...this.__infoRecord(),
        bytes_records: bytes_records,
        column:
          isColumns === true
            ? columns.length > this.state.record.length
              ? columns[this.state.record.length].name
              : null
            : this.state.record.length,
        quoting: this.state.wasQuoting,
      };
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-parse/lib/sync.js



const parse = function (data, opts = {}) {
  if (typeof data === "string") {
    data = Buffer.from(data);
  }
  const records = opts && opts.objname ? Object.create(null) : [];
  const parser = transform(opts);
  const push = (record) => {
    if (parser.options.objname === undefined) records.push(record);
    else {
      records[record[0]] = record[1];
    }
  };
  const close = () => {};
  const error = parser.parse(data, true, push, close);
  if (error !== undefined) throw error;
  return records;
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/get.js
// Lodash implementation of `get`

const charCodeOfDot = ".".charCodeAt(0);
const reEscapeChar = /\\(\\)?/g;
const rePropName = RegExp(
  // Match anything that isn't a dot or bracket.
  "[^.[\\]]+" +
    "|" +
    // Or match property names within brackets.
    "\\[(?:" +
    // Match a non-string expression.
    "([^\"'][^[]*)" +
    "|" +
    // Or match strings (supports escaping characters).
    "([\"'])((?:(?!\\2)[^\\\\]|\\\\.)*?)\\2" +
    ")\\]" +
    "|" +
    // Or match "" as the space between consecutive dots or empty brackets.
    "(?=(?:\\.|\\[\\])(?:\\.|\\[\\]|$))",
  "g",
);
const reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/;
const reIsPlainProp = /^\w*$/;

const getTag = function (value) {
  // if (!value) value === undefined ? "[object Undefined]" : "[object Null]";
  return Object.prototype.toString.call(value);
};

const isSymbol = function (value) {
  const type = typeof value;
  return (
    type === "symbol" ||
    (type === "object" && value && getTag(value) === "[object Symbol]")
  );
};

const isKey = function (value, object) {
  if (Array.isArray(value)) {
    return false;
  }
  const type = typeof value;
  if (
    type === "number" ||
    type === "symbol" ||
    type === "boolean" ||
    !value ||
    isSymbol(value)
  ) {
    return true;
  }
  return (
    reIsPlainProp.test(value) ||
    !reIsDeepProp.test(value) ||
    (object != null && value in Object(object))
  );
};

const stringToPath = function (string) {
  const result = [];
  if (string.charCodeAt(0) === charCodeOfDot) {
    result.push("");
  }
  string.replace(rePropName, function (match, expression, quote, subString) {
    let key = match;
    if (quote) {
      key = subString.replace(reEscapeChar, "$1");
    } else if (expression) {
      key = expression.trim();
    }
    result.push(key);
  });
  return result;
};

const castPath = function (value, object) {
  if (Array.isArray(value)) {
    return value;
  } else {
    return isKey(value, object) ? [value] : stringToPath(value);
  }
};

const toKey = function (value) {
  if (typeof value === "string" || isSymbol(value)) return value;
  const result = `${value}`;
  return result == "0" && 1 / value == -Infinity ? "-0" : result;
};

const get = function (object, path) {
  path = castPath(path, object);
  let index = 0;
  const length = path.length;
  while (object != null && index < length) {
    object = object[toKey(path[index++])];
  }
  return index && index === length ? object : undefined;
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/is_object.js
const is_object_is_object = function (obj) {
  return typeof obj === "object" && obj !== null && !Array.isArray(obj);
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/normalize_columns.js
const normalize_columns = function (columns) {
  if (columns === undefined || columns === null) {
    return [undefined, undefined];
  }
  if (typeof columns !== "object") {
    return [Error('Invalid option "columns": expect an array or an object')];
  }
  if (!Array.isArray(columns)) {
    const newcolumns = [];
    for (const k in columns) {
      newcolumns.push({
        key: k,
        header: columns[k],
      });
    }
    columns = newcolumns;
  } else {
    const newcolumns = [];
    for (const column of columns) {
      if (typeof column === "string") {
        newcolumns.push({
          key: column,
          header: column,
        });
      } else if (
        typeof column === "object" &&
        column !== null &&
        !Array.isArray(column)
      ) {
        if (!column.key) {
          return [
            Error('Invalid column definition: property "key" is required'),
          ];
        }
        if (column.header === undefined) {
          column.header = column.key;
        }
        newcolumns.push(column);
      } else {
        return [
          Error("Invalid column definition: expect a string or an object"),
        ];
      }
    }
    columns = newcolumns;
  }
  return [undefined, columns];
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/CsvError.js
class CsvError_CsvError extends Error {
  constructor(code, message, ...contexts) {
    if (Array.isArray(message)) message = message.join(" ");
    super(message);
    if (Error.captureStackTrace !== undefined) {
      Error.captureStackTrace(this, CsvError_CsvError);
    }
    this.code = code;
    for (const context of contexts) {
      for (const key in context) {
        const value = context[key];
        this[key] = Buffer.isBuffer(value)
          ? value.toString()
          : value == null
            ? value
            : JSON.parse(JSON.stringify(value));
      }
    }
  }
}



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/utils/underscore.js
const underscore_underscore = function (str) {
  return str.replace(/([A-Z])/g, function (_, match) {
    return "_" + match.toLowerCase();
  });
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/normalize_options.js




const normalize_options_normalize_options = function (opts) {
  const options = {};
  // Merge with user options
  for (const opt in opts) {
    options[underscore_underscore(opt)] = opts[opt];
  }
  // Normalize option `bom`
  if (
    options.bom === undefined ||
    options.bom === null ||
    options.bom === false
  ) {
    options.bom = false;
  } else if (options.bom !== true) {
    return [
      new CsvError_CsvError("CSV_OPTION_BOOLEAN_INVALID_TYPE", [
        "option `bom` is optional and must be a boolean value,",
        `got ${JSON.stringify(options.bom)}`,
      ]),
    ];
  }
  // Normalize option `delimiter`
  if (options.delimiter === undefined || options.delimiter === null) {
    options.delimiter = ",";
  } else if (Buffer.isBuffer(options.delimiter)) {
    options.delimiter = options.delimiter.toString();
  } else if (typeof options.delimiter !== "string") {
    return [
      new CsvError_CsvError("CSV_OPTION_DELIMITER_INVALID_TYPE", [
        "option `delimiter` must be a buffer or a string,",
        `got ${JSON.stringify(options.delimiter)}`,
      ]),
    ];
  }
  // Normalize option `quote`
  if (options.quote === undefined || options.quote === null) {
    options.quote = '"';
  } else if (options.quote === true) {
    options.quote = '"';
  } else if (options.quote === false) {
    options.quote = "";
  } else if (Buffer.isBuffer(options.quote)) {
    options.quote = options.quote.toString();
  } else if (typeof options.quote !== "string") {
    return [
      new CsvError_CsvError("CSV_OPTION_QUOTE_INVALID_TYPE", [
        "option `quote` must be a boolean, a buffer or a string,",
        `got ${JSON.stringify(options.quote)}`,
      ]),
    ];
  }
  // Normalize option `quoted`
  if (options.quoted === undefined || options.quoted === null) {
    options.quoted = false;
  } else {
    // todo
  }
  // Normalize option `escape_formulas`
  if (
    options.escape_formulas === undefined ||
    options.escape_formulas === null
  ) {
    options.escape_formulas = false;
  } else if (typeof options.escape_formulas !== "boolean") {
    return [
      new CsvError_CsvError("CSV_OPTION_ESCAPE_FORMULAS_INVALID_TYPE", [
        "option `escape_formulas` must be a boolean,",
        `got ${JSON.stringify(options.escape_formulas)}`,
      ]),
    ];
  }
  // Normalize option `quoted_empty`
  if (options.quoted_empty === undefined || options.quoted_empty === null) {
    options.quoted_empty = undefined;
  } else {
    // todo
  }
  // Normalize option `quoted_match`
  if (
    options.quoted_match === undefined ||
    options.quoted_match === null ||
    options.quoted_match === false
  ) {
    options.quoted_match = null;
  } else if (!Array.isArray(options.quoted_match)) {
    options.quoted_match = [options.quoted_match];
  }
  if (options.quoted_match) {
    for (const quoted_match of options.quoted_match) {
      const isString = typeof quoted_match === "string";
      const isRegExp = quoted_match instanceof RegExp;
      if (!isString && !isRegExp) {
        return [
          new CsvError_CsvError("CSV_OPTION_QUOTED_MATCH", [
            "option `quoted_match` must be a string or a regex,",
            `got ${JSON.stringify(options.quoted_match)}`,
          ]),
        ];
      }
    }
  }
  // Normalize option `quoted_string`
  if (options.quoted_string === undefined || options.quoted_string === null) {
    options.quoted_string = false;
  } else {
    // todo
  }
  // Normalize option `eof`
  if (options.eof === undefined || options.eof === null) {
    options.eof = true;
  } else {
    // todo
  }
  // Normalize option `escape`
  if (options.escape === undefined || options.escape === null) {
    options.escape = '"';
  } else if (Buffer.isBuffer(options.escape)) {
    options.escape = options.escape.toString();
  } else if (typeof options.escape !== "string") {
    return [
      Error(
        `Invalid Option: escape must be a buffer or a string, got ${JSON.stringify(options.escape)}`,
      ),
    ];
  }
  if (options.escape.length > 1) {
    return [
      Error(
        `Invalid Option: escape must be one character, got ${options.escape.length} characters`,
      ),
    ];
  }
  // Normalize option `header`
  if (
    options.header === undefined ||
    options.header === null ||
    options.header === false
  ) {
    options.header = false;
  } else if (options.header !== true) {
    throw new CsvError_CsvError(
      "CSV_INVALID_OPTION_HEADER",
      [
        "option `header` is expected to be a boolean,",
        `got ${JSON.stringify(options.header)}`,
      ],
      options,
    );
  }
  // Normalize option `headers_as_comment`
  if (
    options.header_as_comment === undefined ||
    options.header_as_comment === null ||
    options.header_as_comment === false
  ) {
    options.header_as_comment = false;
  } else if (options.header_as_comment === true) {
    options.header_as_comment = "#";
  } else if (Buffer.isBuffer(options.header_as_comment)) {
    options.header_as_comment = options.header_as_comment.toString();
  } else if (typeof options.header_as_comment !== "string") {
    throw new CsvError_CsvError(
      "CSV_INVALID_OPTION_HEADER_AS_COMMENT",
      [
        "option `header_as_comment` must be a boolean, a string or a buffer,",
        `got ${JSON.stringify(options.header_as_comment)}`,
      ],
      options,
    );
  }
  // if (options.header_as_comment && !options.comment?.length) {
  //   throw new CsvError(
  //     "CSV_INVALID_OPTION_COMMENT",
  //     [
  //       "option `comment` must be a non empty string or buffer when using `header_as_comment`,",
  //       `got ${JSON.stringify(options.comment)}`,
  //     ],
  //     options,
  //   );
  // }
  // Header is always enabled with `header_as_comment`
  // if (options.header_as_comment === true) {
  //   options.header = true;
  // }
  // Normalize option `columns`
  const [errColumns, columns] = normalize_columns(options.columns);
  if (errColumns !== undefined) return [errColumns];
  options.columns = columns;
  // Normalize option `quoted`
  if (options.quoted === undefined || options.quoted === null) {
    options.quoted = false;
  } else {
    // todo
  }
  // Normalize option `cast`
  if (options.cast === undefined || options.cast === null) {
    options.cast = {};
  } else {
    // todo
  }
  // Normalize option cast.bigint
  if (options.cast.bigint === undefined || options.cast.bigint === null) {
    // Cast boolean to string by default
    options.cast.bigint = (value) => "" + value;
  }
  // Normalize option cast.boolean
  if (options.cast.boolean === undefined || options.cast.boolean === null) {
    // Cast boolean to string by default
    options.cast.boolean = (value) => (value ? "1" : "");
  }
  // Normalize option cast.date
  if (options.cast.date === undefined || options.cast.date === null) {
    // Cast date to timestamp string by default
    options.cast.date = (value) => "" + value.getTime();
  }
  // Normalize option cast.number
  if (options.cast.number === undefined || options.cast.number === null) {
    // Cast number to string using native casting by default
    options.cast.number = (value) => "" + value;
  }
  // Normalize option cast.object
  if (options.cast.object === undefined || options.cast.object === null) {
    // Stringify object as JSON by default
    options.cast.object = (value) => JSON.stringify(value);
  }
  // Normalize option cast.string
  if (options.cast.string === undefined || options.cast.string === null) {
    // Leave string untouched
    options.cast.string = function (value) {
      return value;
    };
  }
  // Normalize option `on_record`
  if (
    options.on_record !== undefined &&
    typeof options.on_record !== "function"
  ) {
    return [Error(`Invalid Option: "on_record" must be a function.`)];
  }
  // Normalize option `quote_record_delimiter`
  if (
    options.quote_record_delimiter === undefined ||
    options.quote_record_delimiter === null
  ) {
    options.quote_record_delimiter = !options.record_delimiter;
  } else if (typeof options.quote_record_delimiter !== "boolean") {
    return [
      new CsvError_CsvError("CSV_OPTION_QUOTE_RECORD_DELIMITER_INVALID_TYPE", [
        "option `quote_record_delimiter` must be a boolean,",
        `got ${JSON.stringify(options.quote_record_delimiter)}`,
      ]),
    ];
  }
  // Normalize option `record_delimiter`
  if (
    options.record_delimiter === undefined ||
    options.record_delimiter === null
  ) {
    options.record_delimiter = "\n";
  } else if (Buffer.isBuffer(options.record_delimiter)) {
    options.record_delimiter = options.record_delimiter.toString();
  } else if (typeof options.record_delimiter !== "string") {
    return [
      Error(
        `Invalid Option: record_delimiter must be a buffer or a string, got ${JSON.stringify(options.record_delimiter)}`,
      ),
    ];
  }
  switch (options.record_delimiter) {
    case "unix":
      options.record_delimiter = "\n";
      break;
    case "mac":
      options.record_delimiter = "\r";
      break;
    case "windows":
      options.record_delimiter = "\r\n";
      break;
    case "ascii":
      options.record_delimiter = "\u001e";
      break;
    case "unicode":
      options.record_delimiter = "\u2028";
      break;
  }
  return [undefined, options];
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/api/index.js




const bom_utf8 = Buffer.from([239, 187, 191]);
// True when appending `separator` after `value` would let `parse` find
// `separator` starting inside `value`. Besides the field containing the whole
// separator, this also covers boundary fusion: a field whose tail is a
// non-empty prefix of a multi-character separator merges with the appended
// separator (eg value "a:" + delimiter "::" => "a:::", matched at offset 1).
// Such fields must be quoted to round-trip, like RFC 4180 fields containing the
// delimiter, generalized to multi-character delimiters and record delimiters.
const emits_separator = function (value, separators) {
  return separators.some(
    (separator) =>
      separator.length !== 0 &&
      (value.indexOf(separator) !== -1 ||
        (separator.length > 1 &&
          (value + separator).indexOf(separator) < value.length)),
  );
};
// True when `value` matches one of the `quoted_match` patterns. The regexps
// come from the user and the same objects are reused for every field, so the
// test must not depend on their state: `RegExp.prototype.test` advances
// `lastIndex` on a global or sticky regexp, which would make a match in one
// field move where the next field starts matching. `String.prototype.search`
// searches from the start and restores `lastIndex`, and is equivalent to
// `test` for the stateless regexps.
const matches_quoted_match = function (value, quoted_match) {
  if (!quoted_match) return false;
  return quoted_match.some((pattern) =>
    typeof pattern === "string"
      ? value.indexOf(pattern) !== -1
      : value.search(pattern) !== -1,
  );
};

const stringifier = function (options, state, info) {
  return {
    options: options,
    state: state,
    info: info,
    __transform: function (chunk, push) {
      // Chunk validation
      if (!Array.isArray(chunk) && typeof chunk !== "object") {
        return Error(
          `Invalid Record: expect an array or an object, got ${JSON.stringify(chunk)}`,
        );
      }
      // Detect columns from the first record
      if (this.info.records === 0) {
        if (Array.isArray(chunk)) {
          if (
            this.options.header === true &&
            this.options.columns === undefined
          ) {
            return Error(
              "Undiscoverable Columns: header option requires column option or object records",
            );
          }
        } else if (this.options.columns === undefined) {
          const [err, columns] = normalize_columns(Object.keys(chunk));
          if (err) return;
          this.options.columns = columns;
        }
      }
      // Emit the header
      if (this.info.records === 0) {
        this.bom(push);
        const err = this.headers(push);
        if (err) return err;
      }
      // Emit and stringify the record if an object or an array
      try {
        // this.emit('record', chunk, this.info.records);
        if (this.options.on_record) {
          this.options.on_record(chunk, this.info.records);
        }
      } catch (err) {
        return err;
      }
      // Convert the record into a string
      let err, chunk_string;
      if (this.options.eof) {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === undefined) {
          return;
        } else {
          chunk_string = chunk_string + this.options.record_delimiter;
        }
      } else {
        [err, chunk_string] = this.stringify(chunk);
        if (err) return err;
        if (chunk_string === undefined) {
          return;
        } else {
          if (this.options.header || this.info.records) {
            chunk_string = this.options.record_delimiter + chunk_string;
          }
        }
      }
      // Emit the csv
      this.info.records++;
      push(chunk_string);
    },
    stringify: function (chunk, chunkIsHeader = false) {
      if (typeof chunk !== "object") {
        return [undefined, chunk];
      }
      const { columns } = this.options;
      const record = [];
      // Record is an array
      if (Array.isArray(chunk)) {
        // We are getting an array but the user has specified output columns. In
        // this case, we respect the columns indexes
        const length = columns
          ? Math.min(chunk.length, columns.length)
          : chunk.length;
        // Cast record elements
        for (let i = 0; i < length; i++) {
          const field = chunk[i];
          const [err, value] = this.__cast(field, {
            index: i,
            column: i,
            records: this.info.records,
            header: chunkIsHeader,
          });
          if (err) return [err];
          record[i] = [value, field];
        }
        // Record is a literal object
        // `columns` is always defined: it is either provided or discovered.
      } else {
        for (let i = 0; i < columns.length; i++) {
          const field = get(chunk, columns[i].key);
          const [err, value] = this.__cast(field, {
            index: i,
            column: columns[i].key,
            records: this.info.records,
            header: chunkIsHeader,
          });
          if (err) return [err];
          record[i] = [value, field];
        }
      }
      let csvrecord = "";
      for (let i = 0; i < record.length; i++) {
        let options, err;

        let [value, field] = record[i];
        if (typeof value === "string") {
          options = this.options;
        } else if (is_object_is_object(value)) {
          // Value is considerered as a mix of a value and options
          options = { ...value };
          value = options.value;
          delete options.value;
          if (
            typeof value !== "string" &&
            value !== undefined &&
            value !== null
          ) {
            if (err)
              return [
                Error(
                  `Invalid Casting Value: returned value must return a string, null or undefined, got ${JSON.stringify(value)}`,
                ),
              ];
          }
          // Merge global options with the ones returned by cast
          options = { ...this.options, ...options };
          [err, options] = normalize_options_normalize_options(options);
          if (err !== undefined) {
            return [err];
          }
        } else if (value === undefined || value === null) {
          options = this.options;
        } else {
          return [
            Error(
              `Invalid Casting Value: returned value must return a string, an object, null or undefined, got ${JSON.stringify(value)}`,
            ),
          ];
        }
        const {
          delimiter,
          escape,
          quote,
          quoted,
          quoted_empty,
          quoted_string,
          quoted_match,
          record_delimiter,
          quote_record_delimiter,
          escape_formulas,
        } = options;
        if ("" === value && "" === field) {
          const quotedMatch = matches_quoted_match(value, quoted_match);
          const shouldQuote =
            quotedMatch ||
            true === quoted_empty ||
            (true === quoted_string && false !== quoted_empty);
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (value) {
          if (typeof value !== "string") {
            return [
              Error(
                `Formatter must return a string, null or undefined, got ${JSON.stringify(value)}`,
              ),
            ];
          }
          const containsdelimiter = emits_separator(value, [delimiter]);
          const containsQuote = quote !== "" && value.indexOf(quote) >= 0;
          const containsEscape = value.indexOf(escape) >= 0 && escape !== quote;
          // Testing `\n` and `\r` covers the three sequences `parse` discovers
          const containsRecordDelimiter = emits_separator(value, [
            record_delimiter,
            ...(quote_record_delimiter === false ? [] : ["\n", "\r"]),
          ]);
          const quotedString = quoted_string && typeof field === "string";
          const quotedMatch = matches_quoted_match(value, quoted_match);
          // See https://github.com/adaltas/node-csv/pull/387
          // More about CSV injection or formula injection, when websites embed
          // untrusted input inside CSV files:
          // https://owasp.org/www-community/attacks/CSV_Injection
          // http://georgemauer.net/2017/10/07/csv-injection.html
          // Apple Numbers unicode normalization is empirical from testing
          if (escape_formulas) {
            switch (value[0]) {
              case "-":
                if (typeof field === "number" || typeof field === "bigint") {
                  break;
                }
                value = `'${value}`;
                break;
              case "=":
              case "+":
              case "@":
              case "\t":
              case "\r":
              case "\uFF1D": // Unicode '='
              case "\uFF0B": // Unicode '+'
              case "\uFF0D": // Unicode '-'
              case "\uFF20": // Unicode '@'
                value = `'${value}`;
                break;
            }
          }
          const shouldQuote =
            containsQuote === true ||
            containsdelimiter ||
            containsRecordDelimiter ||
            quoted ||
            quotedString ||
            quotedMatch;
          if (shouldQuote === true && containsEscape === true) {
            value = value.replaceAll(escape, () => escape + escape);
          }
          if (containsQuote === true) {
            value = value.replaceAll(quote, () => escape + quote);
          }
          if (shouldQuote === true) {
            value = quote + value + quote;
          }
          csvrecord += value;
        } else if (
          quoted_empty === true ||
          (field === "" && quoted_string === true && quoted_empty !== false)
        ) {
          csvrecord += quote + quote;
        }
        if (i !== record.length - 1) {
          csvrecord += delimiter;
        }
      }
      return [undefined, csvrecord];
    },
    bom: function (push) {
      if (this.options.bom !== true) {
        return;
      }
      push(bom_utf8);
    },
    headers: function (push) {
      if (this.options.header === false) {
        return;
      }
      if (this.options.columns === undefined) {
        return;
      }
      let err;
      let headers = this.options.columns.map((column) => column.header);
      if (this.options.eof) {
        [err, headers] = this.stringify(headers, true);
        headers += this.options.record_delimiter;
      } else {
        [err, headers] = this.stringify(headers, true);
      }
      if (err) return err;
      if (this.options.header_as_comment) {
        headers = this.options.header_as_comment + " " + headers;
      }
      push(headers);
    },
    __cast: function (value, context) {
      const type = typeof value;
      try {
        if (type === "string") {
          // Fine for 99% of the cases
          return [undefined, this.options.cast.string(value, context)];
        } else if (type === "bigint") {
          return [undefined, this.options.cast.bigint(value, context)];
        } else if (type === "number") {
          return [undefined, this.options.cast.number(value, context)];
        } else if (type === "boolean") {
          return [undefined, this.options.cast.boolean(value, context)];
        } else if (value instanceof Date) {
          return [undefined, this.options.cast.date(value, context)];
        } else if (type === "object" && value !== null) {
          return [undefined, this.options.cast.object(value, context)];
        } else if (value === null && this.options.cast.null !== undefined) {
          return [undefined, this.options.cast.null(value, context)];
        } else if (
          value === undefined &&
          this.options.cast.undefined !== undefined
        ) {
          return [undefined, this.options.cast.undefined(value, context)];
        } else {
          return [undefined, value];
        }
      } catch (err) {
        return [err];
      }
    },
  };
};



;// CONCATENATED MODULE: ./node_modules/csv-stringify/lib/sync.js
/*
CSV Stringify

Please look at the [Sync API](https://csv.js.org/stringify/api/sync/) for
additional information.
*/




const stringify = function (records, opts = {}) {
  const data = [];
  const [err, options] = normalize_options_normalize_options(opts);
  if (err !== undefined) throw err;
  const state = {
    stop: false,
  };
  // Information
  const info = {
    records: 0,
  };
  const api = stringifier(options, state, info);
  for (const record of records) {
    const err = api.__transform(record, function (record) {
      data.push(record);
    });
    if (err !== undefined) throw err;
  }
  if (data.length === 0) {
    api.bom((d) => {
      data.push(d);
    });
    const err = api.headers((headers) => {
      data.push(headers);
    });
    if (err !== undefined) throw err;
  }
  return data.join("");
};



;// CONCATENATED MODULE: ./src/genesys/csv.ts


/**
 * The CSV form of a data table used by import and export jobs: UTF-8, a header row of field ids
 * with `key` first, booleans as `true`/`false`, an empty cell for "not set" (the service then
 * fills the column's default). Quoting and escaping follow RFC 4180 (csv-parse / csv-stringify).
 */
/** Field ids in display order: `key` first, then by `displayOrder`, then in schema order. */
function columnOrder(schema) {
    const others = Object.entries(schema.properties)
        .filter(([name]) => name !== 'key')
        // Array.prototype.sort is stable, so columns without displayOrder keep the schema's order.
        .sort(([, left], [, right]) => (left.displayOrder ?? Infinity) - (right.displayOrder ?? Infinity) || 0)
        .map(([name]) => name);
    return ['key', ...others];
}
function rowsToCsv(rows, schema) {
    const columns = columnOrder(schema);
    const records = rows.map((row) => columns.map((column) => formatCell(row[column])));
    return stringify([columns, ...records]);
}
function formatCell(value) {
    if (value === undefined)
        return '';
    return typeof value === 'string' ? value : String(value);
}
/** Thrown when the file as a whole cannot be read as a data-table CSV. */
class CsvFormatError extends Error {
}
/**
 * Reads a data-table CSV against the table's schema. Cells are converted to the column types;
 * a record with a bad cell is reported in `failures` and left out, as the service does with
 * per-row import failures. Unknown columns or a missing `key` column fail the whole file.
 */
function csvToRows(text, schema) {
    let records;
    try {
        records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false });
    }
    catch (error) {
        throw new CsvFormatError(`the CSV cannot be parsed: ${error.message}`);
    }
    const [header, ...data] = records;
    if (!header)
        return { rows: [], failures: [] };
    if (!header.includes('key'))
        throw new CsvFormatError('the CSV header has no "key" column');
    const unknown = header.filter((name) => !(name in schema.properties));
    if (unknown.length > 0)
        throw new CsvFormatError(`the CSV header names unknown columns: ${unknown.join(', ')}`);
    const rows = [];
    const failures = [];
    data.forEach((record, index) => {
        const line = index + 2;
        const row = {};
        let failure;
        header.forEach((column, position) => {
            const cell = record[position] ?? '';
            if (cell === '' && column !== 'key')
                return;
            const parsed = parseCell(schema.properties[column].type, cell);
            if (parsed.ok)
                row[column] = parsed.value;
            else
                failure ??= `column "${column}": ${parsed.message}`;
        });
        if (failure)
            failures.push({ line, key: record[header.indexOf('key')], message: failure });
        else
            rows.push(row);
    });
    return { rows, failures };
}
/** Converts CSV text to a typed cell value. */
function parseCell(type, text) {
    switch (type) {
        case 'string':
            return { ok: true, value: text };
        case 'boolean': {
            const lowered = text.trim().toLowerCase();
            if (lowered === 'true' || lowered === 'false')
                return { ok: true, value: lowered === 'true' };
            return { ok: false, message: `"${text}" is not true or false` };
        }
        case 'integer': {
            const trimmed = text.trim();
            if (/^[-+]?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)))
                return { ok: true, value: Number(trimmed) };
            return { ok: false, message: `"${text}" is not an integer` };
        }
        case 'number': {
            const trimmed = text.trim();
            const value = Number(trimmed);
            if (trimmed !== '' && Number.isFinite(value))
                return { ok: true, value };
            return { ok: false, message: `"${text}" is not a number` };
        }
    }
}

;// CONCATENATED MODULE: ./src/emulator/listing.ts

/** Reads `pageNumber`/`pageSize`, applying the configured maximum (reject or clamp). */
function pageParams(query, config) {
    const pageNumber = intParam(query, 'pageNumber', 1);
    let pageSize = intParam(query, 'pageSize', 25);
    if (pageNumber < 1)
        throw badRequest('pageNumber must be 1 or more', 'invalid.value');
    if (pageSize < 1)
        throw badRequest('pageSize must be 1 or more', 'invalid.value');
    if (pageSize > config.maxPageSize) {
        if (config.pageSizeOverflow === 'reject') {
            throw badRequest(`pageSize must be at most ${config.maxPageSize}`, 'invalid.value', {
                details: [{ fieldName: 'pageSize' }],
            });
        }
        pageSize = config.maxPageSize;
    }
    return { pageNumber, pageSize };
}
function intParam(query, name, fallback) {
    const raw = query.get(name);
    if (raw === null || raw === '')
        return fallback;
    if (!/^-?\d+$/.test(raw))
        throw badRequest(`${name} must be a whole number`, 'invalid.value');
    return Number(raw);
}
/**
 * The Genesys page envelope. `path` and `query` build the first/next/previous/last/self URIs,
 * keeping the caller's other parameters; `withUris: false` gives the bare form the import-jobs
 * listing uses.
 */
function envelope(items, page, path, query, withUris = true) {
    const total = items.length;
    const pageCount = Math.ceil(total / page.pageSize);
    const start = (page.pageNumber - 1) * page.pageSize;
    const listing = {
        entities: items.slice(start, start + page.pageSize),
        pageSize: page.pageSize,
        pageNumber: page.pageNumber,
        total,
        pageCount,
    };
    if (!withUris)
        return listing;
    const uri = (pageNumber) => {
        const params = new URLSearchParams(query);
        params.set('pageSize', String(page.pageSize));
        params.set('pageNumber', String(pageNumber));
        return `${path}?${params.toString()}`;
    };
    listing.firstUri = uri(1);
    listing.selfUri = uri(page.pageNumber);
    listing.lastUri = uri(Math.max(1, pageCount));
    listing.nextUri = page.pageNumber < pageCount ? uri(page.pageNumber + 1) : null;
    listing.previousUri = page.pageNumber > 1 ? uri(page.pageNumber - 1) : null;
    return listing;
}
/** Genesys name filters: case-insensitive, `*` is a wildcard, otherwise an exact match. */
function nameFilter(pattern) {
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    const regex = new RegExp(`^${escaped}$`, 'i');
    return (name) => regex.test(name);
}

;// CONCATENATED MODULE: ./src/genesys/types.ts
/**
 * Wire types of the Genesys Cloud data-tables API (see the reference notes in the README).
 * Only the fields this project reads or writes are typed; everything else passes through.
 */
const COLUMN_TYPES = ['string', 'integer', 'number', 'boolean'];

;// CONCATENATED MODULE: ./src/emulator/rules.ts


/**
 * The service's rules for table schemas and rows, as far as the reference documents them.
 * Each refusal is a {@link ServiceError} with the status and code the client will see.
 */
const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';
const SCHEMA_ERROR = 'flows.datatables.schema.exception';
const ROW_ERROR = 'flows.datatables.syntax.error';
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** Checks a schema given on table create or update and returns it as stored. */
function checkSchema(schema, config) {
    if (!isObject(schema))
        throw badRequest('The data table needs a schema object', SCHEMA_ERROR);
    if (schema.$schema !== undefined && schema.$schema !== DRAFT_04) {
        throw badRequest(`The schema must be JSON Schema draft-04 ("${DRAFT_04}")`, SCHEMA_ERROR);
    }
    if (schema.type !== 'object')
        throw badRequest('The schema type must be "object"', SCHEMA_ERROR);
    if (schema.additionalProperties !== false) {
        throw badRequest('The schema must set additionalProperties to false', SCHEMA_ERROR);
    }
    const required = schema.required;
    if (!Array.isArray(required) || required.length !== 1 || required[0] !== 'key') {
        throw badRequest('The schema\'s required list must be exactly ["key"]', SCHEMA_ERROR);
    }
    if (!isObject(schema.properties))
        throw badRequest('The schema needs a properties object', SCHEMA_ERROR);
    const properties = schema.properties;
    const key = properties.key;
    if (!isObject(key) || key.type !== 'string') {
        throw badRequest('The schema needs a property "key" of type string', SCHEMA_ERROR);
    }
    const names = Object.keys(properties);
    if (names.length > config.maxColumns) {
        throw badRequest(`A data table may have at most ${config.maxColumns} fields; this schema has ${names.length}`, SCHEMA_ERROR, {
            limit: { key: 'datatable.fields.max', namespace: 'flows.datatables', value: config.maxColumns },
        });
    }
    for (const name of names) {
        const column = properties[name];
        if (name.trim() === '')
            throw badRequest('A field name may not be empty', SCHEMA_ERROR);
        if (!isObject(column) || !COLUMN_TYPES.includes(column.type)) {
            throw badRequest(`Field "${name}" must have type string, integer, number or boolean`, SCHEMA_ERROR, {
                details: [{ fieldName: name }],
            });
        }
        if (column.default !== undefined && !valueFits(column, column.default)) {
            throw badRequest(`The default of field "${name}" is not a ${String(column.type)}`, SCHEMA_ERROR, {
                details: [{ fieldName: name }],
            });
        }
    }
    return structuredClone(schema);
}
/**
 * Table updates may only add fields: no field may disappear or change type (the SDK's own
 * description of PUT; Terraform issue #402).
 */
function checkSchemaUpdate(before, after) {
    for (const [name, column] of Object.entries(before.properties)) {
        const next = after.properties[name];
        if (!next) {
            throw badRequest(`Field "${name}" cannot be removed from a data table; only new fields may be added`, SCHEMA_ERROR, {
                details: [{ fieldName: name }],
            });
        }
        if (next.type !== column.type) {
            throw badRequest(`Field "${name}" cannot change type from ${column.type} to ${next.type}`, SCHEMA_ERROR, {
                details: [{ fieldName: name }],
            });
        }
    }
}
/** The value the service stores for an omitted field: the schema default, else false / 0 / "". */
function defaultFor(column) {
    if (column.default !== undefined)
        return column.default;
    return column.type === 'boolean' ? false : column.type === 'string' ? '' : 0;
}
function valueFits(column, value) {
    switch (column.type) {
        case 'string':
            return typeof value === 'string';
        case 'boolean':
            return typeof value === 'boolean';
        case 'integer':
            return typeof value === 'number' && Number.isInteger(value);
        case 'number':
            return typeof value === 'number' && Number.isFinite(value);
    }
}
/**
 * Checks a row body against the schema and returns the row as stored: all fields present,
 * omitted ones filled with their defaults. `pathKey` is the key from the URL of a PUT.
 */
function checkRow(schema, body, config, pathKey) {
    if (!isObject(body))
        throw badRequest('The row must be a JSON object', ROW_ERROR);
    const key = pathKey ?? body.key;
    if (pathKey !== undefined && body.key !== undefined && body.key !== pathKey) {
        throw badRequest(`The row's key "${String(body.key)}" does not match the key in the path "${pathKey}"`, ROW_ERROR);
    }
    if (typeof key !== 'string' || key === '')
        throw badRequest('The row needs a non-empty string "key"', ROW_ERROR);
    if (key.length > config.maxKeyLength) {
        throw badRequest(`The key is ${key.length} characters long; at most ${config.maxKeyLength} are allowed`, ROW_ERROR, {
            limit: { key: 'datatable.key.length.max', namespace: 'flows.datatables', value: config.maxKeyLength },
        });
    }
    const row = { key };
    for (const [name, value] of Object.entries(body)) {
        if (name === 'key')
            continue;
        const column = schema.properties[name];
        if (!column) {
            throw badRequest(`Field "${name}" is not in the table's schema`, ROW_ERROR, {
                details: [{ fieldName: name }],
            });
        }
        if (!valueFits(column, value)) {
            throw badRequest(`Field "${name}" must be a ${column.type}; got ${JSON.stringify(value)}`, ROW_ERROR, {
                details: [{ fieldName: name }],
            });
        }
        checkConstraints(name, column, value);
        row[name] = value;
    }
    for (const [name, column] of Object.entries(schema.properties)) {
        if (!(name in row))
            row[name] = defaultFor(column);
    }
    return row;
}
function checkConstraints(name, column, value) {
    const fail = (what) => {
        throw new ServiceError(400, ROW_ERROR, `Field "${name}" ${what}`, { details: [{ fieldName: name }] });
    };
    if (typeof value === 'string') {
        if (column.minLength !== undefined && value.length < column.minLength)
            fail(`is shorter than ${column.minLength}`);
        if (column.maxLength !== undefined && value.length > column.maxLength)
            fail(`is longer than ${column.maxLength}`);
    }
    if (typeof value === 'number') {
        if (column.minimum !== undefined && value < column.minimum)
            fail(`is below the minimum ${column.minimum}`);
        if (column.maximum !== undefined && value > column.maximum)
            fail(`is above the maximum ${column.maximum}`);
    }
}

;// CONCATENATED MODULE: ./src/emulator/routes/tables.ts




const TABLES_PATH = '/api/v2/flows/datatables';
const TABLE_NOT_FOUND = 'flows.datatables.table.not.found';
function tableView(table, withSchema) {
    const selfUri = `${TABLES_PATH}/${table.id}`;
    return {
        id: table.id,
        name: table.name,
        ...(table.description !== undefined ? { description: table.description } : {}),
        division: { ...table.division, selfUri: `/api/v2/authorization/divisions/${table.division.id}` },
        ...(withSchema ? { schema: structuredClone(table.schema) } : {}),
        selfUri,
    };
}
function requireTable(context) {
    const table = context.state.tables.get(context.params.datatableId);
    if (!table)
        throw notFound(TABLE_NOT_FOUND);
    return table;
}
const wantsSchema = (context) => (context.query.get('expand') ?? '').split(',').includes('schema');
function listTables(context) {
    const { query, state } = context;
    let tables = [...state.tables.values()];
    const name = query.get('name');
    if (name)
        tables = tables.filter((table) => nameFilter(name)(table.name));
    // Array parameters arrive comma-joined (the SDKs) or repeated.
    const divisions = query
        .getAll('divisionId')
        .flatMap((value) => value.split(','))
        .filter(Boolean);
    if (divisions.length > 0)
        tables = tables.filter((table) => divisions.includes(table.division.id));
    const sortBy = query.get('sortBy') ?? 'id';
    if (sortBy !== 'id' && sortBy !== 'name')
        throw badRequest('sortBy must be id or name', 'invalid.value');
    tables.sort((a, b) => (sortBy === 'name' ? a.name.localeCompare(b.name) : a.id.localeCompare(b.id)));
    if (query.get('sortOrder')?.toLowerCase() === 'descending')
        tables.reverse();
    const withSchema = wantsSchema(context);
    const views = tables.map((table) => tableView(table, withSchema));
    return { status: 200, body: envelope(views, pageParams(query, context.config), context.path, query) };
}
function checkName(context, name, except) {
    if (typeof name !== 'string' || name.trim() === '')
        throw badRequest('The data table needs a name');
    if (name.length > 256)
        throw badRequest('A data table name may be at most 256 characters');
    if (/[/\\]/.test(name))
        throw badRequest('A data table name may not contain / or \\');
    const clash = context.state.findTableByName(name);
    if (clash && clash.id !== except) {
        throw new ServiceError(409, 'flows.datatables.name.conflict', `A data table named "${name}" already exists`, {
            entityId: clash.id,
            entityName: clash.name,
        });
    }
    return name;
}
function divisionOf(context, value) {
    if (value === undefined)
        return context.state.divisions[0];
    const id = value?.id;
    const division = typeof id === 'string' ? context.state.division(id) : undefined;
    if (!division)
        throw badRequest(`Division ${JSON.stringify(id)} does not exist`, 'invalid.value');
    return division;
}
async function createTable(context) {
    const body = parseJson(await context.body());
    if (!body || typeof body !== 'object')
        throw badRequest('The request needs a data table object');
    const name = checkName(context, body.name);
    if (context.state.tables.size >= context.config.maxTablesPerOrg) {
        throw badRequest(`The org already has the maximum of ${context.config.maxTablesPerOrg} data tables`, 'flows.datatables.table.limit.exceeded', {
            limit: {
                key: 'datatables.max',
                namespace: 'flows.datatables',
                value: context.config.maxTablesPerOrg,
            },
        });
    }
    const schema = checkSchema(body.schema, context.config);
    // The schema's title is overridden by the table name (SDK description of POST).
    schema.title = name;
    const table = {
        id: (0,external_node_crypto_namespaceObject.randomUUID)(),
        name,
        description: typeof body.description === 'string' ? body.description : undefined,
        division: divisionOf(context, body.division),
        schema,
        rows: new Map(),
    };
    context.state.tables.set(table.id, table);
    return { status: context.config.createStatus, body: tableView(table, true) };
}
async function updateTable(context) {
    const table = requireTable(context);
    const body = parseJson(await context.body());
    if (!body || typeof body !== 'object')
        throw badRequest('The request needs a data table object');
    if (body.id !== undefined && body.id !== table.id)
        throw badRequest('The id in the body does not match the path');
    const name = checkName(context, body.name ?? table.name, table.id);
    const schema = checkSchema(body.schema, context.config);
    checkSchemaUpdate(table.schema, schema);
    schema.title = name;
    table.name = name;
    if (typeof body.description === 'string')
        table.description = body.description;
    if (body.division !== undefined)
        table.division = divisionOf(context, body.division);
    table.schema = schema;
    return { status: 200, body: tableView(table, wantsSchema(context)) };
}
function deleteTable(context) {
    const table = requireTable(context);
    // `force` exists for tables used by flows; the emulator has no flows, so it is accepted and moot.
    context.state.tables.delete(table.id);
    return { status: context.config.deleteStatus };
}
function getTable(context) {
    return { status: 200, body: tableView(requireTable(context), wantsSchema(context)) };
}
const tableRoutes = [
    { method: 'GET', template: TABLES_PATH, handler: listTables, access: 'api' },
    { method: 'POST', template: TABLES_PATH, handler: createTable, access: 'api' },
    // divisionviews comes before {datatableId} so that the literal segment wins.
    { method: 'GET', template: `${TABLES_PATH}/divisionviews`, handler: listTables, access: 'api' },
    { method: 'GET', template: `${TABLES_PATH}/divisionviews/{datatableId}`, handler: getTable, access: 'api' },
    { method: 'GET', template: `${TABLES_PATH}/{datatableId}`, handler: getTable, access: 'api' },
    { method: 'PUT', template: `${TABLES_PATH}/{datatableId}`, handler: updateTable, access: 'api' },
    { method: 'DELETE', template: `${TABLES_PATH}/{datatableId}`, handler: deleteTable, access: 'api' },
];

;// CONCATENATED MODULE: ./src/emulator/routes/jobs.ts






const JOBS = `${TABLES_PATH}/{datatableId}`;
const UPLOAD_PATH = '/uploads/v2/datatables';
const DOWNLOAD_PATH = '/downloads/v2/datatables';
/** The presigned-URL stand-in: the upload must carry this header from `uploadHeaders`. */
const UPLOAD_SIGNATURE_HEADER = 'x-emulator-upload-signature';
const now = () => new Date().toISOString();
function importMode(body) {
    const mode = body?.importMode;
    if (mode !== 'Append' && mode !== 'ReplaceAll')
        throw badRequest('importMode must be Append or ReplaceAll', 'invalid.value');
    return mode;
}
async function createImportJob(context, legacy) {
    const table = requireTable(context);
    const mode = importMode(parseJson(await context.body()));
    const id = (0,external_node_crypto_namespaceObject.randomUUID)();
    const signature = (0,external_node_crypto_namespaceObject.randomUUID)();
    const job = {
        id,
        status: 'WaitingForUpload',
        importMode: mode,
        dateCreated: now(),
        dateCompleted: null,
        uploadURI: legacy
            ? `${context.origin}${UPLOAD_PATH}/legacy/${id}`
            : `${context.origin}${UPLOAD_PATH}/${id}`,
        countRecordsUpdated: 0,
        countRecordsDeleted: 0,
        countRecordsFailed: 0,
        selfUri: `${TABLES_PATH}/${table.id}/import/jobs/${id}`,
    };
    // Only the new flow names upload headers; the legacy flow authenticates with the bearer token.
    if (!legacy)
        job.uploadHeaders = { 'Content-Type': 'text/csv', [UPLOAD_SIGNATURE_HEADER]: signature };
    context.state.importJobs.set(id, { job, tableId: table.id, legacy, uploadSignature: signature });
    return { status: 200, body: job };
}
function listImportJobs(context) {
    const table = requireTable(context);
    const jobs = [...context.state.importJobs.values()]
        .filter((record) => record.tableId === table.id)
        .map((record) => record.job)
        .reverse();
    // This listing has no URIs in the real service.
    return {
        status: 200,
        body: envelope(jobs, pageParams(context.query, context.config), context.path, context.query, false),
    };
}
function getImportJob(context) {
    const table = requireTable(context);
    const record = context.state.importJobs.get(context.params.jobId);
    if (!record || record.tableId !== table.id)
        throw notFound('not.found', 'No such import job');
    return { status: 200, body: record.job };
}
function startImport(context, record, csv) {
    if (record.job.status !== 'WaitingForUpload') {
        throw new ServiceError(409, 'conflict', `The import job is ${record.job.status}, not waiting for an upload`);
    }
    record.job.status = 'Processing';
    context.later(context.config.jobDelayMs, () => runImport(context, record, csv));
    return { status: 200 };
}
/**
 * Applies an uploaded CSV. ReplaceAll deletes every row first; Append upserts by key. Rows that
 * break the schema or the row limit are counted as failed; the others still load.
 */
function runImport(context, record, csv) {
    const table = context.state.tables.get(record.tableId);
    const job = record.job;
    job.dateCompleted = now();
    if (!table) {
        job.status = 'Failed';
        job.errorInformation = { code: 'flows.datatables.table.not.found', message: 'The table was deleted' };
        return;
    }
    let parsed;
    try {
        parsed = csvToRows(csv, table.schema);
    }
    catch (error) {
        if (!(error instanceof CsvFormatError))
            throw error;
        job.status = 'Failed';
        job.errorInformation = { code: 'flows.datatables.import.invalid.file', message: error.message };
        return;
    }
    let failed = parsed.failures.length;
    let updated = 0;
    if (job.importMode === 'ReplaceAll') {
        job.countRecordsDeleted = table.rows.size;
        table.rows.clear();
    }
    const seen = new Set();
    for (const candidate of parsed.rows) {
        try {
            const row = checkRow(table.schema, candidate, context.config);
            const key = String(row.key);
            if (seen.has(key))
                throw badRequest(`duplicate key "${key}" in the file`);
            if (!table.rows.has(key) && table.rows.size >= context.config.maxRowsPerTable)
                throw badRequest('row limit reached');
            seen.add(key);
            table.rows.set(key, row);
            updated += 1;
        }
        catch (error) {
            if (!(error instanceof ServiceError))
                throw error;
            failed += 1;
        }
    }
    job.countRecordsUpdated = updated;
    job.countRecordsFailed = failed;
    job.status = 'Succeeded';
}
async function uploadCsv(context) {
    const record = context.state.importJobs.get(context.params.jobId);
    if (!record || record.legacy)
        throw notFound('not.found', 'No such upload');
    // A presigned URL fails without its signed headers; so does this one.
    if (context.req.headers[UPLOAD_SIGNATURE_HEADER] !== record.uploadSignature) {
        throw new ServiceError(403, 'signature.does.not.match', `The upload must carry the ${UPLOAD_SIGNATURE_HEADER} header from uploadHeaders`);
    }
    return startImport(context, record, (await context.body()).toString('utf8'));
}
/** The deprecated flow: multipart/form-data POST with the CSV in the field `file`. */
async function uploadLegacy(context) {
    const record = context.state.importJobs.get(context.params.jobId);
    if (!record || !record.legacy)
        throw notFound('not.found', 'No such upload');
    const body = await context.body();
    let form;
    try {
        form = await new Request('http://upload.local/', {
            method: 'POST',
            headers: { 'content-type': String(context.req.headers['content-type'] ?? '') },
            body,
        }).formData();
    }
    catch {
        throw badRequest('The upload must be multipart/form-data with a "file" field');
    }
    const file = form.get('file');
    if (file === null)
        throw badRequest('The upload has no "file" field');
    return startImport(context, record, typeof file === 'string' ? file : await file.text());
}
function createExportJob(context) {
    const table = requireTable(context);
    const id = (0,external_node_crypto_namespaceObject.randomUUID)();
    const job = {
        id,
        status: 'Processing',
        dateCreated: now(),
        dateCompleted: null,
        downloadURI: null,
        countRecordsProcessed: 0,
        selfUri: `${TABLES_PATH}/${table.id}/export/jobs/${id}`,
    };
    const record = { job, tableId: table.id };
    context.state.exportJobs.set(id, record);
    context.later(context.config.jobDelayMs, () => {
        const current = context.state.tables.get(table.id);
        job.dateCompleted = now();
        if (!current) {
            job.status = 'Failed';
            job.errorInformation = { code: 'flows.datatables.table.not.found', message: 'The table was deleted' };
            return;
        }
        const rows = [...current.rows.values()];
        record.csv = rowsToCsv(rows, current.schema);
        job.countRecordsProcessed = rows.length;
        job.downloadURI = `${context.origin}${DOWNLOAD_PATH}/${id}.csv`;
        job.status = 'Succeeded';
    });
    return { status: 200, body: job };
}
function getExportJob(context) {
    const table = requireTable(context);
    const record = context.state.exportJobs.get(context.params.jobId);
    if (!record || record.tableId !== table.id)
        throw notFound('not.found', 'No such export job');
    return { status: 200, body: record.job };
}
function download(context) {
    const id = context.params.file.replace(/\.csv$/, '');
    const record = context.state.exportJobs.get(id);
    if (!record?.csv)
        throw notFound('not.found', 'No such export file');
    return { status: 200, text: record.csv, headers: { 'content-type': 'text/csv; charset=utf-8' } };
}
const jobRoutes = [
    {
        method: 'POST',
        template: `${JOBS}/import/jobs`,
        handler: (c) => createImportJob(c, true),
        access: 'api',
    },
    { method: 'GET', template: `${JOBS}/import/jobs`, handler: listImportJobs, access: 'api' },
    {
        method: 'POST',
        template: `${JOBS}/import/csv/jobs`,
        handler: (c) => createImportJob(c, false),
        access: 'api',
    },
    { method: 'GET', template: `${JOBS}/import/jobs/{jobId}`, handler: getImportJob, access: 'api' },
    { method: 'POST', template: `${JOBS}/export/jobs`, handler: createExportJob, access: 'api' },
    { method: 'GET', template: `${JOBS}/export/jobs/{jobId}`, handler: getExportJob, access: 'api' },
    { method: 'PUT', template: `${UPLOAD_PATH}/{jobId}`, handler: uploadCsv, access: 'upload' },
    { method: 'POST', template: `${UPLOAD_PATH}/legacy/{jobId}`, handler: uploadLegacy, access: 'api' },
    { method: 'GET', template: `${DOWNLOAD_PATH}/{file}`, handler: download, access: 'api' },
];

;// CONCATENATED MODULE: ./src/emulator/routes/oauth.ts

/**
 * `POST /oauth/token`, client-credentials grant. Credentials come in a Basic header (as the
 * SDKs send them) or in the form body. Failures use the OAuth error shape, not ErrorBody.
 */
function oauthRoutes(tokens) {
    async function issueToken(context) {
        const form = new URLSearchParams((await context.body()).toString('utf8'));
        let clientId = form.get('client_id') ?? '';
        let clientSecret = form.get('client_secret') ?? '';
        const authorization = context.req.headers.authorization ?? '';
        if (authorization.startsWith('Basic ')) {
            const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            clientId = decoded.slice(0, colon);
            clientSecret = decoded.slice(colon + 1);
        }
        if (form.get('grant_type') !== 'client_credentials') {
            return {
                status: 400,
                body: {
                    error: 'unsupported_grant_type',
                    description: 'only client_credentials is supported',
                    error_description: 'only client_credentials is supported',
                },
            };
        }
        const client = context.config.clients.find((candidate) => candidate.id === clientId);
        if (!client || client.secret !== clientSecret) {
            return {
                status: 401,
                body: {
                    error: 'invalid_client',
                    description: 'client not found or bad secret',
                    error_description: 'client not found or bad secret',
                },
            };
        }
        const accessToken = (0,external_node_crypto_namespaceObject.randomBytes)(24).toString('base64url');
        const lifetime = context.config.tokenLifetimeSeconds;
        tokens.issue(accessToken, client.id, lifetime);
        return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: lifetime } };
    }
    return [{ method: 'POST', template: '/oauth/token', handler: issueToken, access: 'public' }];
}

;// CONCATENATED MODULE: ./src/emulator/routes/rows.ts




const ROWS = `${TABLES_PATH}/{datatableId}/rows`;
const ROW = `${ROWS}/{rowId}`;
const ROW_NOT_FOUND = 'flows.datatables.row.not.found';
/** `showbrief` defaults to true on both row GETs: only the key comes back unless it is false. */
function brief(context) {
    return (context.query.get('showbrief') ?? 'true').toLowerCase() !== 'false';
}
const view = (row, showBrief) => (showBrief ? { key: row.key } : { ...row });
function listRows(context) {
    const table = requireTable(context);
    const rows = [...table.rows.values()].sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));
    const order = context.query.get('sortOrder')?.toLowerCase() ?? 'ascending';
    if (order !== 'ascending' && order !== 'descending')
        throw badRequest('sortOrder must be ascending or descending', 'invalid.value');
    if (order === 'descending')
        rows.reverse();
    const showBrief = brief(context);
    const page = pageParams(context.query, context.config);
    return {
        status: 200,
        body: envelope(rows.map((row) => view(row, showBrief)), page, context.path, context.query),
    };
}
function getRow(context) {
    const row = requireTable(context).rows.get(context.params.rowId);
    if (!row)
        throw notFound(ROW_NOT_FOUND, `No row with key "${context.params.rowId}"`);
    return { status: 200, body: view(row, brief(context)) };
}
async function createRow(context) {
    const table = requireTable(context);
    const row = checkRow(table.schema, parseJson(await context.body()), context.config);
    const key = String(row.key);
    if (table.rows.has(key)) {
        throw new ServiceError(context.config.duplicateKeyStatus, 'flows.datatables.duplicate.key', `A row with key "${key}" already exists`);
    }
    if (table.rows.size >= context.config.maxRowsPerTable) {
        throw badRequest(`The table already has the maximum of ${context.config.maxRowsPerTable} rows`, 'flows.datatables.row.limit.exceeded', {
            limit: {
                key: 'datatable.rows.max',
                namespace: 'flows.datatables',
                value: context.config.maxRowsPerTable,
            },
        });
    }
    table.rows.set(key, row);
    return { status: context.config.createStatus, body: { ...row } };
}
/** PUT replaces the row: fields left out revert to their defaults. */
async function replaceRow(context) {
    const table = requireTable(context);
    const key = context.params.rowId;
    if (!table.rows.has(key))
        throw notFound(ROW_NOT_FOUND, `No row with key "${key}"`);
    const row = checkRow(table.schema, parseJson(await context.body()) ?? {}, context.config, key);
    table.rows.set(key, row);
    return { status: 200, body: { ...row } };
}
function deleteRow(context) {
    const table = requireTable(context);
    if (!table.rows.delete(context.params.rowId))
        throw notFound(ROW_NOT_FOUND, `No row with key "${context.params.rowId}"`);
    return { status: context.config.deleteStatus };
}
const rowRoutes = [
    { method: 'GET', template: ROWS, handler: listRows, access: 'api' },
    { method: 'POST', template: ROWS, handler: createRow, access: 'api' },
    { method: 'GET', template: ROW, handler: getRow, access: 'api' },
    { method: 'PUT', template: ROW, handler: replaceRow, access: 'api' },
    { method: 'DELETE', template: ROW, handler: deleteRow, access: 'api' },
];

;// CONCATENATED MODULE: ./src/emulator/state.ts

const HOME_DIVISION = { id: '4c2c7a8e-0f4f-4c5b-9a3e-000000000001', name: 'Home' };
/** Everything the emulated org holds. Handlers mutate it; nothing else does. */
class EmulatorState {
    tables = new Map();
    importJobs = new Map();
    exportJobs = new Map();
    divisions = [HOME_DIVISION];
    findTableByName(name) {
        const lowered = name.toLowerCase();
        for (const table of this.tables.values())
            if (table.name.toLowerCase() === lowered)
                return table;
        return undefined;
    }
    division(id) {
        return this.divisions.find((division) => division.id === id);
    }
    dump() {
        return {
            divisions: this.divisions.map((division) => ({ ...division })),
            tables: [...this.tables.values()].map((table) => ({
                id: table.id,
                name: table.name,
                ...(table.description !== undefined ? { description: table.description } : {}),
                division: { ...table.division },
                schema: structuredClone(table.schema),
                rows: [...table.rows.values()].map((row) => ({ ...row })),
            })),
        };
    }
    /** Replaces everything with the dump. Rows are stored as given: the dump is trusted. */
    load(dump) {
        if (!dump || !Array.isArray(dump.tables))
            throw new TypeError('a state dump needs a "tables" array');
        this.tables.clear();
        this.importJobs.clear();
        this.exportJobs.clear();
        this.divisions = dump.divisions?.length
            ? dump.divisions.map((division) => ({ ...division }))
            : [HOME_DIVISION];
        for (const table of dump.tables) {
            if (typeof table.name !== 'string' || !table.schema || !Array.isArray(table.rows)) {
                throw new TypeError('each table in a state dump needs name, schema and rows');
            }
            const id = table.id ?? (0,external_node_crypto_namespaceObject.randomUUID)();
            this.tables.set(id, {
                id,
                name: table.name,
                description: table.description,
                division: table.division ?? this.divisions[0],
                schema: structuredClone(table.schema),
                rows: new Map(table.rows.map((row) => [String(row.key), { ...row }])),
            });
        }
    }
}

;// CONCATENATED MODULE: ./src/emulator/tokens.ts
/** Access tokens the emulator has issued, with their client and expiry. */
class TokenRegistry {
    now;
    tokens = new Map();
    constructor(now = Date.now) {
        this.now = now;
    }
    issue(token, clientId, lifetimeSeconds) {
        this.tokens.set(token, { clientId, expiresAt: this.now() + lifetimeSeconds * 1000 });
    }
    /** The client of a valid token, or why it is refused. */
    check(token) {
        const entry = this.tokens.get(token);
        if (!entry)
            return { refused: 'unknown' };
        if (this.now() >= entry.expiresAt)
            return { refused: 'expired' };
        return { clientId: entry.clientId };
    }
    /** Makes every issued token expire now (to test renewal). Returns how many there were. */
    expireAll() {
        for (const entry of this.tokens.values())
            entry.expiresAt = 0;
        return this.tokens.size;
    }
}

;// CONCATENATED MODULE: ./src/emulator/server.ts














/** Bodies of admin and upload requests may be far larger than API requests. */
const LARGE_BODY_BYTES = 256 * 1024 * 1024;
/** Starts the Genesys Cloud data-tables emulator on loopback. */
async function startEmulator(options = {}) {
    const config = mergeConfig(defaultConfig(), options.config ?? {});
    const state = new EmulatorState();
    if (options.state)
        state.load(options.state);
    const faults = new FaultInjector(config.seed);
    const log = new RequestLog();
    const tokens = new TokenRegistry();
    const limiter = new TokenRateLimiter(() => config.rateLimitPerMinute);
    const timers = new Set();
    const routes = [
        ...oauthRoutes(tokens),
        ...tableRoutes,
        ...rowRoutes,
        ...jobRoutes,
        ...adminRoutes({ config, faults, log, tokens }),
    ];
    let origin = '';
    const later = (delayMs, work) => {
        const timer = setTimeout(() => {
            timers.delete(timer);
            work();
        }, delayMs);
        timers.add(timer);
    };
    async function handle(req, res) {
        const started = Date.now();
        const correlationId = newCorrelationId();
        const url = new URL(req.url ?? '/', origin);
        const method = (req.method ?? 'GET').toUpperCase();
        const path = url.pathname;
        const found = matchRoute(routes, method, path);
        const routeName = found.route ? `${method} ${found.route.template}` : `${method} (unmatched)`;
        let clientId;
        let fault = false;
        // Admin calls are not API traffic: they stay out of the counters.
        const finish = (status) => {
            if (found.route?.access === 'admin')
                return;
            log.record({
                at: new Date(started).toISOString(),
                method,
                path,
                route: routeName,
                status,
                clientId,
                correlationId,
                durationMs: Date.now() - started,
                ...(fault ? { fault } : {}),
            });
        };
        const headers = standardHeaders(correlationId);
        try {
            if (!found.route) {
                if (found.allowed.length > 0)
                    throw new ServiceError(405, 'method.not.allowed', `${method} is not allowed here`);
                throw new ServiceError(404, 'not.found', `No resource at ${path}`);
            }
            const route = found.route;
            if (route.access === 'admin') {
                if (!isLoopback(req.socket.remoteAddress))
                    throw new ServiceError(403, 'not.authorized', 'The admin API is loopback only');
            }
            else {
                const action = faults.match(method, path, route.template);
                if (action) {
                    fault = true;
                    if (action.delayMs > 0)
                        await new Promise((resolve) => setTimeout(resolve, action.delayMs));
                    if (action.reset) {
                        req.socket.destroy();
                        finish(0);
                        return;
                    }
                    if (action.status !== undefined)
                        throw faultError(action.status, action.code, action.retryAfterSeconds);
                    fault = false; // a pure delay: the request is then served normally
                }
            }
            if (route.access === 'api')
                clientId = authorise(req, correlationId);
            const context = {
                req,
                res,
                method,
                path,
                query: url.searchParams,
                params: found.params,
                origin,
                state,
                config,
                correlationId,
                ...(clientId ? { clientId } : {}),
                body: () => readBody(req, route.access === 'api' || route.access === 'public' ? config.maxBodyBytes : LARGE_BODY_BYTES),
                later,
            };
            const result = await route.handler(context);
            if (result.text !== undefined) {
                res.writeHead(result.status, { ...headers, ...result.headers }).end(result.text);
            }
            else {
                sendJson(res, result.status, result.body, { ...headers, ...result.headers });
            }
            finish(result.status);
        }
        catch (error) {
            const serviceError = error instanceof ServiceError
                ? error
                : new ServiceError(500, 'internal.server.error', 'The emulator failed: ' + String(error));
            sendJson(res, serviceError.status, errorBody(serviceError, correlationId), {
                ...headers,
                ...serviceError.headers,
            });
            finish(serviceError.status);
        }
    }
    /** Bearer token check, then the per-token rate limit. Returns the token's client. */
    function authorise(req, _correlationId) {
        const header = req.headers.authorization ?? '';
        if (!/^bearer /i.test(header)) {
            throw new ServiceError(401, 'authentication.required', 'No authentication bearer token specified in authorization header.');
        }
        const token = header.slice(7).trim();
        const checked = tokens.check(token);
        if ('refused' in checked) {
            throw new ServiceError(401, 'bad.credentials', checked.refused === 'expired' ? 'The access token has expired.' : 'Invalid login credentials.');
        }
        const taken = limiter.take(token);
        if (!taken.allowed)
            throw faultError(429, 'too.many.requests.retry.after', taken.retryAfterSeconds);
        return checked.clientId;
    }
    const server = (0,external_node_http_namespaceObject.createServer)((req, res) => {
        handle(req, res).catch((error) => {
            if (!res.headersSent)
                sendJson(res, 500, { message: String(error), code: 'internal.server.error', status: 500 });
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.address();
    origin = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
    const firstClient = config.clients[0] ?? { id: '', secret: '' };
    const close = async () => {
        for (const timer of timers)
            clearTimeout(timer);
        timers.clear();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(() => resolve()));
    };
    return {
        url: origin,
        port: address.port,
        clientId: firstClient.id,
        clientSecret: firstClient.secret,
        config,
        state,
        faults,
        log,
        tokens,
        close,
        [Symbol.asyncDispose]: close,
    };
}
/** The normalised error the service sends for 429 (since 2021) and plain ones for 5xx faults. */
function faultError(status, code, retryAfterSeconds) {
    if (status === 429) {
        const seconds = retryAfterSeconds ?? 1;
        return new ServiceError(429, code, `Rate limit exceeded the maximum. Retry the request in [${seconds}] seconds`, {}, { 'retry-after': String(seconds) });
    }
    return new ServiceError(status, code, `The service answered ${status} (injected fault)`);
}
function isLoopback(address) {
    return (address === '127.0.0.1' ||
        address === '::1' ||
        address === '::ffff:127.0.0.1' ||
        (address?.startsWith('127.') ?? false));
}

;// CONCATENATED MODULE: ./src/clock.ts
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()),
};

;// CONCATENATED MODULE: ./src/logger.ts
const silentLogger = { debug() { }, info() { }, warn() { } };
/** Writes info and warnings to stderr (stdout stays free for machine-readable output). */
function stderrLogger(options = {}) {
    return {
        debug: (message) => {
            if (options.verbose)
                process.stderr.write(`debug: ${message}\n`);
        },
        info: (message) => process.stderr.write(`${message}\n`),
        warn: (message) => process.stderr.write(`warning: ${message}\n`),
    };
}

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}

;// CONCATENATED MODULE: ./src/genesys/datatables.ts





const BASE = '/api/v2/flows/datatables';
/**
 * The data-tables resource: tables, rows, import and export jobs. Thin and typed; all rate
 * limiting, retries and authentication happen in {@link GenesysHttp}.
 */
class DataTablesApi {
    http;
    rowPageSize;
    options;
    clock;
    logger;
    constructor(http, options = {}) {
        this.http = http;
        this.options = {
            rowPageSize: options.rowPageSize ?? 500,
            fallbackRowPageSize: options.fallbackRowPageSize ?? 100,
            pageConcurrency: options.pageConcurrency ?? 4,
            jobPollIntervalMs: options.jobPollIntervalMs ?? 2_000,
            jobTimeoutMs: options.jobTimeoutMs ?? 15 * 60_000,
        };
        this.rowPageSize = this.options.rowPageSize;
        this.clock = options.clock ?? systemClock;
        this.logger = options.logger ?? silentLogger;
    }
    // ---- tables ---------------------------------------------------------------------------
    /** All tables (every page). `name` is the service's case-insensitive filter with `*` wildcards. */
    async listTables(options = {}) {
        const query = {
            name: options.name,
            expand: options.expandSchema ? 'schema' : undefined,
            // The SDKs send array parameters comma-joined.
            divisionId: options.divisionIds?.join(','),
            sortBy: 'name',
        };
        return this.collectPages(BASE, query, 100);
    }
    /** The table with this exact name, with its schema; undefined when there is none. */
    async findTableByName(name) {
        // The filter is case-insensitive and treats `*` as a wildcard, so the match is checked here.
        const candidates = await this.listTables({ name: name.replace(/\*/g, ''), expandSchema: true });
        return candidates.find((table) => table.name === name);
    }
    async getTable(tableId) {
        return this.http.json({
            method: 'GET',
            path: `${BASE}/${enc(tableId)}`,
            query: { expand: 'schema' },
        });
    }
    async createTable(table) {
        return this.http.json({ method: 'POST', path: BASE, json: table });
    }
    /** Replaces the table definition. The service only accepts added columns. */
    async updateTable(table) {
        return this.http.json({
            method: 'PUT',
            path: `${BASE}/${enc(table.id)}`,
            query: { expand: 'schema' },
            json: table,
        });
    }
    async deleteTable(tableId, options = {}) {
        await this.http.send({
            method: 'DELETE',
            path: `${BASE}/${enc(tableId)}`,
            query: { force: options.force },
        });
    }
    // ---- rows -----------------------------------------------------------------------------
    /**
     * Every row of a table, in full. Pages are as large as the service accepts: the configured
     * size first, the fallback size if the service refuses it (its maximum is undocumented), and
     * whatever size it answers with if it clamps. After the first page the rest are fetched
     * concurrently.
     */
    async listRows(tableId) {
        const path = `${BASE}/${enc(tableId)}/rows`;
        let first;
        try {
            first = await this.rowPage(path, 1, this.rowPageSize);
        }
        catch (error) {
            if (!(error instanceof GenesysApiError) ||
                error.status !== 400 ||
                this.rowPageSize <= this.options.fallbackRowPageSize) {
                throw error;
            }
            this.logger.info(`the service refused pageSize=${this.rowPageSize} for rows; using ${this.options.fallbackRowPageSize} from now on`);
            this.rowPageSize = this.options.fallbackRowPageSize;
            first = await this.rowPage(path, 1, this.rowPageSize);
        }
        // If the service clamped the size, page by what it actually gives.
        const pageSize = first.pageSize > 0 ? first.pageSize : this.rowPageSize;
        const pageCount = first.pageCount ?? Math.ceil(first.total / pageSize);
        const rest = await pLimit(this.options.pageConcurrency).map(range(2, pageCount), (page) => this.rowPage(path, page, pageSize));
        return [first, ...rest].flatMap((listing) => listing.entities);
    }
    rowPage(path, pageNumber, pageSize) {
        // showbrief defaults to true, which returns keys only.
        return this.http.json({
            method: 'GET',
            path,
            query: { pageNumber, pageSize, showbrief: false },
        });
    }
    /** One row in full, or undefined when the key does not exist. */
    async getRow(tableId, key) {
        try {
            return await this.http.json({
                method: 'GET',
                path: rowPath(tableId, key),
                query: { showbrief: false },
            });
        }
        catch (error) {
            if (error instanceof GenesysApiError && error.status === 404)
                return undefined;
            throw error;
        }
    }
    async createRow(tableId, row) {
        return this.http.json({ method: 'POST', path: `${BASE}/${enc(tableId)}/rows`, json: row });
    }
    /** Replaces a row: omitted columns revert to their defaults. */
    async replaceRow(tableId, row) {
        const key = String(row.key);
        return this.http.json({ method: 'PUT', path: rowPath(tableId, key), json: { ...row, key } });
    }
    async deleteRow(tableId, key) {
        await this.http.send({ method: 'DELETE', path: rowPath(tableId, key) });
    }
    // ---- bulk: import and export jobs -----------------------------------------------------
    /**
     * Loads rows with a CSV import job (the `import/csv/jobs` flow): create the job, PUT the file
     * to its upload URI with the headers it names, poll until it ends. `Append` upserts by key;
     * `ReplaceAll` deletes every row first. Rows the service rejects are counted in `failed`.
     */
    async importRows(table, rows, mode) {
        const jobsPath = `${BASE}/${enc(table.id)}/import/csv/jobs`;
        const created = await this.http.json({
            method: 'POST',
            path: jobsPath,
            json: { importMode: mode },
        });
        if (!created.uploadURI)
            throw new Error(`import job ${created.id} has no uploadURI`);
        // The upload URI is presigned: the bearer token is not sent to it.
        await this.http.send({
            method: 'PUT',
            path: created.uploadURI,
            body: rowsToCsv(rows, table.schema),
            headers: { 'content-type': 'text/csv', ...created.uploadHeaders },
            authenticate: false,
        });
        const job = await this.pollJob(`${BASE}/${enc(table.id)}/import/jobs/${enc(created.id)}`, 'import');
        if (job.status === 'Failed') {
            throw new Error(`import job ${job.id} failed: ${job.errorInformation?.message ?? 'no reason given'}`);
        }
        return {
            job,
            updated: job.countRecordsUpdated ?? 0,
            deleted: job.countRecordsDeleted ?? 0,
            failed: job.countRecordsFailed ?? 0,
        };
    }
    /** Reads all rows through an export job and its CSV download. */
    async exportRows(table) {
        const created = await this.http.json({
            method: 'POST',
            path: `${BASE}/${enc(table.id)}/export/jobs`,
        });
        const job = created.status === 'Processing'
            ? await this.pollJob(`${BASE}/${enc(table.id)}/export/jobs/${enc(created.id)}`, 'export')
            : created;
        if (job.status !== 'Succeeded' || !job.downloadURI) {
            throw new Error(`export job ${job.id} failed: ${job.errorInformation?.message ?? 'no download URI'}`);
        }
        const download = await this.http.send({
            method: 'GET',
            path: job.downloadURI,
            headers: { accept: 'text/csv' },
            // Only the service's own hosts get the bearer token.
            authenticate: sameService(job.downloadURI, this.http.apiBase),
        });
        return csvToRows(download.text, table.schema);
    }
    async pollJob(path, what) {
        const deadline = this.clock.now() + this.options.jobTimeoutMs;
        for (;;) {
            const job = await this.http.json({ method: 'GET', path });
            if (job.status === 'Succeeded' || job.status === 'Failed')
                return job;
            if (this.clock.now() > deadline) {
                throw new Error(`${what} job ${job.id} still ${job.status} after ${this.options.jobTimeoutMs / 1000} s`);
            }
            await this.clock.sleep(this.options.jobPollIntervalMs);
        }
    }
    /** Every page of a Genesys listing, fetched one after another. */
    async collectPages(path, query, pageSize) {
        const all = [];
        for (let pageNumber = 1;; pageNumber++) {
            const page = await this.http.json({
                method: 'GET',
                path,
                query: { ...query, pageNumber, pageSize },
            });
            all.push(...page.entities);
            if (pageNumber >= (page.pageCount ?? 0) || page.entities.length === 0)
                return all;
        }
    }
}
/** Path parameters are percent-encoded, as the official SDKs do. */
const enc = encodeURIComponent;
function rowPath(tableId, key) {
    return `${BASE}/${enc(tableId)}/rows/${enc(key)}`;
}
function range(from, to) {
    return to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
/** True when `uri` is on the API host or a sibling host of the same Genesys domain. */
function sameService(uri, apiBase) {
    const target = new URL(uri);
    const api = new URL(apiBase);
    if (target.host === api.host)
        return true;
    const domain = api.hostname.replace(/^api\./, '');
    return domain !== api.hostname && (target.hostname === domain || target.hostname.endsWith(`.${domain}`));
}

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

;// CONCATENATED MODULE: ./src/genesys/retry.ts
const DEFAULT_RETRY_POLICY = {
    maxAttempts: 6,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 180_000,
    timeScale: 1,
    random: Math.random,
};
/** Codes that mean "busy, try later" whatever the status says. */
const BUSY_CODES = new Set(['flows.datatables.server.too.busy', 'service.unavailable']);
/**
 * Decides whether attempt number `attempt` (1-based) is retried.
 *
 * - 429 and 503 (and the data-tables "too busy" code) mean the request was not processed, so
 *   every method is retried.
 * - 502, 504, connection resets and timeouts leave it unknown whether the service acted; only
 *   idempotent requests (GET, PUT, DELETE) are retried, so a POST never creates a row twice.
 * - Any other status is final.
 */
function decideRetry(outcome, attempt, idempotent, policy) {
    if (attempt >= policy.maxAttempts)
        return { retry: false, reason: `gave up after ${attempt} attempts` };
    if (outcome.kind === 'network') {
        if (!idempotent)
            return { retry: false, reason: 'the request may have been processed; not repeated' };
        return {
            retry: true,
            rateLimited: false,
            delayMs: backoffMs(attempt, policy),
            reason: outcome.timeout ? 'timed out' : 'connection failed',
        };
    }
    const { status, code } = outcome;
    if (status === 429) {
        const retryAfter = parseRetryAfterMs(outcome.retryAfterHeader);
        if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
            return {
                retry: false,
                reason: `Retry-After of ${retryAfter / 1000} s is longer than the ${policy.maxRetryAfterMs / 1000} s allowed`,
            };
        }
        const delayMs = retryAfter !== undefined ? retryAfter * policy.timeScale : backoffMs(attempt, policy);
        return { retry: true, rateLimited: true, delayMs, reason: 'rate limited (429)' };
    }
    if (status === 503 || (code !== undefined && BUSY_CODES.has(code))) {
        return {
            retry: true,
            rateLimited: false,
            delayMs: backoffMs(attempt, policy),
            reason: `service busy (${status})`,
        };
    }
    if ((status === 502 || status === 504) && idempotent) {
        return {
            retry: true,
            rateLimited: false,
            delayMs: backoffMs(attempt, policy),
            reason: `gateway error (${status})`,
        };
    }
    return { retry: false, reason: `status ${status} is not retried` };
}
/** Exponential backoff with "equal jitter": half fixed, half random, capped, then scaled. */
function backoffMs(attempt, policy) {
    const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    return (exponential / 2 + policy.random() * (exponential / 2)) * policy.timeScale;
}
/** `Retry-After` as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
function parseRetryAfterMs(header, now = Date.now()) {
    if (header === null || header === undefined || header.trim() === '')
        return undefined;
    const trimmed = header.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed))
        return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}

;// CONCATENATED MODULE: ./src/genesys/oauth.ts




const TOKEN_PATH = '/oauth/token';
/**
 * OAuth 2 client-credentials grant against `login.<region domain>/oauth/token`.
 *
 * The token is cached and renewed a little before it expires (the lifetime is set per OAuth
 * client, 300 s to 48 h), and concurrent callers share one token request. The client secret
 * and the token are never put in an error message or a log line.
 */
class ClientCredentialsTokenSource {
    loginBase;
    credentials;
    options;
    cached;
    pending;
    constructor(loginBase, credentials, options = {}) {
        this.loginBase = loginBase;
        this.credentials = credentials;
        this.options = options;
    }
    async token() {
        const clock = this.options.clock ?? systemClock;
        if (this.cached && clock.now() < this.cached.renewAt)
            return this.cached.value;
        this.pending ??= this.request().finally(() => {
            this.pending = undefined;
        });
        this.cached = await this.pending;
        return this.cached.value;
    }
    invalidate(token) {
        if (this.cached?.value === token)
            this.cached = undefined;
    }
    async request() {
        const fetchFn = this.options.fetch ?? fetch;
        const clock = this.options.clock ?? systemClock;
        const policy = this.options.retry ?? DEFAULT_RETRY_POLICY;
        const logger = this.options.logger ?? silentLogger;
        const basic = Buffer.from(`${this.credentials.clientId}:${this.credentials.clientSecret}`).toString('base64');
        for (let attempt = 1;; attempt++) {
            let response;
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
            }
            catch (error) {
                const timeout = error instanceof Error && error.name === 'TimeoutError';
                // The token request has no side effect worth protecting, so it is retried like a GET.
                const decision = decideRetry({ kind: 'network', timeout }, attempt, true, policy);
                if (!decision.retry) {
                    throw new GenesysApiError({
                        status: 0,
                        code: timeout ? 'client.timeout' : 'network.error',
                        serviceMessage: `could not reach the OAuth service at ${this.loginBase} (${networkCause(error)})`,
                        method: 'POST',
                        path: TOKEN_PATH,
                        attempts: attempt,
                    }, 'Check the region (or API URL) and that this machine can reach Genesys Cloud.');
                }
                logger.warn(`OAuth token request ${decision.reason}; retrying in ${formatSeconds(decision.delayMs)}`);
                await clock.sleep(decision.delayMs);
                continue;
            }
            const text = await response.text();
            if (response.ok)
                return this.parseToken(text, clock.now());
            const decision = decideRetry({ kind: 'response', status: response.status, retryAfterHeader: response.headers.get('retry-after') }, attempt, true, policy);
            if (decision.retry && response.status !== 400 && response.status !== 401) {
                logger.warn(`OAuth token request ${decision.reason}; retrying in ${formatSeconds(decision.delayMs)}`);
                await clock.sleep(decision.delayMs);
                continue;
            }
            throw this.refusal(response, text, attempt);
        }
    }
    parseToken(text, now) {
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            body = {};
        }
        if (typeof body.access_token !== 'string' || body.access_token === '') {
            throw new AuthenticationError({
                status: 200,
                code: 'invalid.token.response',
                serviceMessage: 'the OAuth service answered without an access_token',
                method: 'POST',
                path: TOKEN_PATH,
                attempts: 1,
            }, 'Check that the login URL points at Genesys Cloud (or the emulator).');
        }
        const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 86_400) * 1000;
        // Renew early: a tenth of the lifetime, at most a minute, so no request carries a token
        // that expires in flight.
        const marginMs = Math.min(60_000, lifetimeMs / 10);
        return { value: body.access_token, renewAt: now + lifetimeMs - marginMs };
    }
    refusal(response, text, attempts) {
        let body = {};
        try {
            body = JSON.parse(text);
        }
        catch {
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
            return new AuthenticationError(failure, `Genesys Cloud refused the OAuth client "${this.credentials.clientId}" at ${this.loginBase}. ` +
                'Check GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET, that the client uses the ' +
                'Client Credentials grant and is active, and that the region matches the org.');
        }
        return new GenesysApiError(failure, 'The OAuth service failed; try again later.');
    }
}
/** A short, secret-free cause of a fetch failure (undici nests the system error). */
function networkCause(error) {
    if (!(error instanceof Error))
        return String(error);
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? error.message;
}
function formatSeconds(ms) {
    return `${(ms / 1000).toFixed(ms < 1000 ? 3 : 1)} s`;
}

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
    constructor(options) {
        this.options = options;
        this.fetchFn = options.fetch ?? fetch;
        this.clock = options.clock ?? systemClock;
        this.logger = options.logger ?? silentLogger;
    }
    get apiBase() {
        return this.options.apiBase;
    }
    stats() {
        return { ...this.counters };
    }
    /** Sends the request and parses the JSON answer; an empty body gives `undefined`. */
    async json(request) {
        const response = await this.send(request);
        return (response.text === '' ? undefined : JSON.parse(response.text));
    }
    /** Sends the request with retries; resolves with any 2xx, throws {@link GenesysApiError} otherwise. */
    async send(request) {
        const url = this.url(request);
        const idempotent = IDEMPOTENT.has(request.method);
        const pathOnly = new URL(url).pathname;
        let renewedToken = false;
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
                if (error instanceof GenesysApiError)
                    throw error; // from the token source
                const timeout = error instanceof Error && error.name === 'TimeoutError';
                outcome = { kind: 'network', timeout };
                const decision = decideRetry(outcome, attempt, idempotent, this.options.retry);
                if (!decision.retry) {
                    throw new GenesysApiError({
                        status: 0,
                        code: timeout ? 'client.timeout' : 'network.error',
                        serviceMessage: `${timeout ? `no answer within ${this.options.timeoutMs} ms` : networkCause(error)} (${decision.reason})`,
                        method: request.method,
                        path: pathOnly,
                        attempts: attempt,
                    }, 'Check connectivity to Genesys Cloud; the request is safe to run again once it is reachable.');
                }
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
            if (response.status === 401 && token !== undefined && !renewedToken) {
                // The token expired or was revoked early: renew once, then repeat the request.
                renewedToken = true;
                this.options.tokens.invalidate(token);
                this.logger.info(`${request.method} ${pathOnly}: token refused (401); renewing it once`);
                continue;
            }
            const decision = decideRetry({ ...outcome, code: body.code }, attempt, idempotent, this.options.retry);
            if (decision.retry) {
                if (decision.rateLimited) {
                    this.counters.rateLimited += 1;
                    this.options.budget.penalise(decision.delayMs);
                }
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
            throw new GenesysApiError(failure, hintFor(failure));
        }
    }
    async wait(request, path, reason, delayMs, attempt) {
        this.counters.retries += 1;
        this.logger.info(`${request.method} ${path}: ${reason}; retrying in ${formatSeconds(delayMs)} (attempt ${attempt + 1} of ${this.options.retry.maxAttempts})`);
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

/**
 * One token bucket and one concurrency limit shared by every request of a process.
 *
 * Genesys limits requests per OAuth token and per minute, and the limit is shared with every
 * other integration using the same client, so the budget is configurable below the service's
 * limit. When the service still answers 429, {@link penalise} stops every request until
 * `Retry-After` has passed and lowers the rate (multiplicative decrease); successful requests
 * then raise it again slowly (additive increase). A steady 429 storm therefore slows the whole
 * process down instead of each request retrying on its own schedule.
 */
class RateBudget {
    configuredPerMs;
    ratePerMs;
    capacity;
    tokens;
    lastRefill;
    pausedUntil = 0;
    active = 0;
    waiters = [];
    timer;
    clock;
    maxConcurrency;
    granted = 0;
    throttled = 0;
    constructor(options) {
        if (!(options.requestsPerMinute > 0))
            throw new RangeError('requestsPerMinute must be positive');
        if (!(options.maxConcurrency >= 1))
            throw new RangeError('maxConcurrency must be at least 1');
        this.clock = options.clock ?? systemClock;
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
        this.throttled += 1;
        this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + retryAfterMs);
        this.ratePerMs = Math.max(this.configuredPerMs * 0.1, this.ratePerMs * 0.7);
        this.tokens = Math.min(this.tokens, 1);
    }
    /** A request succeeded: win back a little of the rate lost to 429s. */
    reward() {
        if (this.ratePerMs < this.configuredPerMs) {
            this.ratePerMs = Math.min(this.configuredPerMs, this.ratePerMs + this.configuredPerMs * 0.02);
        }
    }
    stats() {
        return {
            granted: this.granted,
            throttledBy429: this.throttled,
            currentRatePerMinute: this.ratePerMs * 60_000,
        };
    }
    refill(now) {
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
    schedule(ms) {
        if (this.timer)
            return;
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.pump();
        }, ms);
    }
}

;// CONCATENATED MODULE: ./src/genesys/regions.ts

/**
 * Genesys Cloud regions and their domains. The API lives at `api.<domain>`, OAuth at
 * `login.<domain>`. Names follow the SDK (`us_east_1`); the Terraform provider's `us-east-1`
 * spelling is accepted too.
 */
const REGION_DOMAINS = {
    us_east_1: 'mypurecloud.com',
    eu_west_1: 'mypurecloud.ie',
    ap_southeast_2: 'mypurecloud.com.au',
    ap_northeast_1: 'mypurecloud.jp',
    eu_central_1: 'mypurecloud.de',
    us_west_2: 'usw2.pure.cloud',
    ca_central_1: 'cac1.pure.cloud',
    ap_northeast_2: 'apne2.pure.cloud',
    eu_west_2: 'euw2.pure.cloud',
    ap_south_1: 'aps1.pure.cloud',
    us_east_2: 'use2.us-gov-pure.cloud',
    sa_east_1: 'sae1.pure.cloud',
    me_central_1: 'mec1.pure.cloud',
    ap_northeast_3: 'apne3.pure.cloud',
    eu_central_2: 'euc2.pure.cloud',
    mx_central_1: 'mxc1.pure.cloud',
    ap_southeast_1: 'apse1.pure.cloud',
    eusc_de_east_1: 'edee1.eusc-pure.cloud',
};
function normaliseRegion(region) {
    return region.trim().toLowerCase().replace(/-/g, '_');
}
/**
 * Resolves the endpoints from a region name or an explicit API URL. An explicit URL wins (the
 * emulator, a proxy, tests); it serves both the API and `/oauth/token` on one origin unless a
 * separate login URL is given.
 */
function resolveEndpoints(options) {
    if (options.apiUrl) {
        const apiBase = parseOrigin(options.apiUrl, 'API URL');
        const loginBase = options.loginUrl ? parseOrigin(options.loginUrl, 'login URL') : apiBase;
        return { apiBase, loginBase };
    }
    if (!options.region) {
        throw new ConfigurationError('No Genesys Cloud region or API URL was given.', `Set GENESYSCLOUD_REGION (e.g. us-east-1) or GENESYSCLOUD_API_URL; known regions: ${knownRegions()}.`);
    }
    const domain = REGION_DOMAINS[normaliseRegion(options.region)];
    if (!domain) {
        throw new ConfigurationError(`Unknown Genesys Cloud region "${options.region}".`, `Use one of: ${knownRegions()}; or give the API URL explicitly.`);
    }
    return { apiBase: `https://api.${domain}`, loginBase: `https://login.${domain}` };
}
function knownRegions() {
    return Object.keys(REGION_DOMAINS)
        .map((name) => name.replace(/_/g, '-'))
        .join(', ');
}
function parseOrigin(value, what) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new ConfigurationError(`The ${what} "${value}" is not a URL.`, 'Give an absolute URL such as https://api.mypurecloud.com.');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new ConfigurationError(`The ${what} "${value}" must use http or https.`, 'Give an absolute http(s) URL.');
    }
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

;// CONCATENATED MODULE: ./src/genesys/client.ts









const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;
const DEFAULT_MAX_CONCURRENCY = 8;
function createGenesysClient(settings, options = {}) {
    if (!settings.clientId || !settings.clientSecret) {
        throw new ConfigurationError('The Genesys Cloud OAuth client id or secret is missing.', 'Set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (a Client Credentials OAuth client).');
    }
    const rate = settings.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
    const concurrency = settings.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    if (!Number.isFinite(rate) || rate <= 0) {
        throw new ConfigurationError(`The rate limit ${rate} per minute is not a positive number.`, 'Give e.g. 300 or 240.');
    }
    if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new ConfigurationError(`The concurrency ${concurrency} is not a positive whole number.`, 'Give e.g. 8.');
    }
    const endpoints = resolveEndpoints(settings);
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? silentLogger;
    const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const timeoutMs = settings.timeoutMs ?? 30_000;
    const tokens = new ClientCredentialsTokenSource(endpoints.loginBase, { clientId: settings.clientId, clientSecret: settings.clientSecret }, { fetch: options.fetch, clock, retry, timeoutMs, logger });
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
    const tables = new DataTablesApi(http, { clock, logger, ...options.tables });
    return { endpoints, tables, http, budget };
}
/** Connection settings from the environment variables Genesys's own tools use. */
function connectionSettingsFromEnv(env) {
    return {
        clientId: env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '',
        clientSecret: env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '',
        region: env.GENESYSCLOUD_REGION || undefined,
        apiUrl: env.GENESYSCLOUD_API_URL || undefined,
    };
}

;// CONCATENATED MODULE: ./src/genesys/schema.ts
/**
 * A data-table schema in the form the service requires: JSON Schema draft-04, an object whose
 * only required property is the string `key`, and no other properties than those listed.
 */
function tableSchema(properties) {
    return {
        $schema: 'http://json-schema.org/draft-04/schema#',
        type: 'object',
        required: ['key'],
        additionalProperties: false,
        properties: { key: { type: 'string' }, ...properties },
    };
}

;// CONCATENATED MODULE: ./src/demo/demo.ts
var __addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});




/** The example table: a configuration store for dialer and routing plugins. */
const SCHEMA = tableSchema({
    key: { title: 'config_key', type: 'string', $id: '/properties/key', displayOrder: 0 },
    config_value: { title: 'config_value', type: 'string', $id: '/properties/config_value', displayOrder: 1 },
    data_type: { title: 'data_type', type: 'string', $id: '/properties/data_type', displayOrder: 2 },
    environment: { title: 'environment', type: 'string', $id: '/properties/environment', displayOrder: 3 },
    version: { title: 'version', type: 'integer', $id: '/properties/version', displayOrder: 4 },
});
const SEED = [
    { key: 'max_concurrent_calls', config_value: '250', data_type: 'integer', environment: 'prod', version: 1 },
    { key: 'dialer_enabled', config_value: 'true', data_type: 'boolean', environment: 'prod', version: 1 },
    { key: 'abandon_rate_target', config_value: '0.03', data_type: 'number', environment: 'prod', version: 1 },
    {
        key: 'fallback_queue',
        config_value: '{"queueId":"q123","priority":1}',
        data_type: 'json',
        environment: 'prod',
        version: 1,
    },
    {
        key: 'greeting_prompt',
        config_value: 'Welcome to Example Co.',
        data_type: 'string',
        environment: 'prod',
        version: 1,
    },
];
/**
 * The guided demo: everything runs against an in-process emulator, so it needs no Genesys org.
 * For now it shows the client and the emulator; later stages add validate, plan and deploy.
 */
async function runDemo(_args, io) {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const say = (text = '') => writeLine(io.stdout, text);
        const started = Date.now();
        const emulator = __addDisposableResource(env_1, await startEmulator(), true);
        say(`1. Started the Genesys Cloud data-tables emulator at ${emulator.url}`);
        const logger = {
            debug() { },
            info: (message) => say(`     client: ${message}`),
            warn: (message) => say(`     client: ${message}`),
        };
        const client = createGenesysClient({ clientId: emulator.clientId, clientSecret: emulator.clientSecret, apiUrl: emulator.url }, { logger, tables: { jobPollIntervalMs: 50 } });
        const table = await client.tables.createTable({
            name: 'plugin_config_production',
            description: 'Configuration store for dialer and routing plugins',
            schema: SCHEMA,
        });
        say(`2. Created table "${table.name}" (${Object.keys(SCHEMA.properties).length} columns, id ${table.id})`);
        const imported = await client.tables.importRows({ ...table, schema: SCHEMA }, SEED, 'Append');
        say(`3. Seeded it with one CSV import job: ${imported.updated} rows loaded, ${imported.failed} failed`);
        emulator.faults.add({ method: 'GET', path: '/rows$', status: 503, count: 1 });
        emulator.faults.add({ method: 'GET', path: '/rows$', status: 429, retryAfterSeconds: 1, count: 1 });
        say('4. Injected a 503 and a 429 (Retry-After: 1) into the next row reads; reading all rows back:');
        const rows = await client.tables.listRows(table.id);
        for (const row of rows)
            say(`     ${String(row.key).padEnd(22)} ${String(row.config_value).padEnd(34)} ${row.data_type}`);
        await client.tables.replaceRow(table.id, {
            ...rows.find((row) => row.key === 'max_concurrent_calls'),
            config_value: '300',
            version: 2,
        });
        await client.tables.deleteRow(table.id, 'greeting_prompt');
        const after = await client.tables.listRows(table.id);
        say(`5. Replaced max_concurrent_calls (now ${after.find((row) => row.key === 'max_concurrent_calls')?.config_value}) and deleted greeting_prompt: ${after.length} rows left`);
        const requests = emulator.log.snapshot();
        const http = client.http.stats();
        say();
        say(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${http.requests} API requests (${http.retries} retried, ${http.rateLimited} rate-limited), emulator saw ${requests.total} requests in all.`);
        say('Next: "datatable-deploy emulator" serves the same API for your own scripts (see README).');
        return 0;
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/options.ts


const HELP_OPTION = { help: { type: 'boolean', short: 'h' } };
/**
 * `parseArgs` (strict, no positionals) plus `--help`, with errors that name the command and
 * say how to get its usage.
 */
function parseOptions(command, args, options) {
    try {
        return (0,external_node_util_namespaceObject.parseArgs)({
            args,
            options: { ...options, ...HELP_OPTION },
            allowPositionals: false,
            strict: true,
        });
    }
    catch (error) {
        throw new ConfigurationError(`${command}: ${error.message}`, `Run "datatable-deploy ${command} --help".`);
    }
}
/** Parses a whole-number option (0 or more), naming it in the error. */
function wholeNumber(name, value, fallback) {
    if (value === undefined)
        return fallback;
    const parsed = Number(value);
    if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(parsed)) {
        throw new ConfigurationError(`--${name} must be a whole number; got "${String(value)}".`);
    }
    return parsed;
}

;// CONCATENATED MODULE: ./src/cli/emulator-command.ts






const HELP = `Usage: datatable-deploy emulator [--port N] [--state FILE] [--rate-limit N] [--seed N] [--json]

Serves the Genesys Cloud data-tables API, its OAuth token endpoint and an admin API
(/__emulator/...) on 127.0.0.1. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

  --port N         port to listen on (default 0: a free one)
  --state FILE     load the org's tables from FILE if it exists, and save them there on exit
  --rate-limit N   requests per minute per token (default 300, as Genesys)
  --seed N         seed for probabilistic faults (default 1)
  --json           print one JSON line {"url","clientId","clientSecret"} once listening`;
async function runEmulatorCommand(args, io) {
    const { values } = parseOptions('emulator', args, {
        port: { type: 'string' },
        state: { type: 'string' },
        'rate-limit': { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
    });
    if (values.help) {
        writeLine(io.stdout, HELP);
        return 0;
    }
    const statePath = values.state;
    let state;
    if (statePath && (0,external_node_fs_namespaceObject.existsSync)(statePath)) {
        try {
            state = JSON.parse(await (0,promises_namespaceObject.readFile)(statePath, 'utf8'));
        }
        catch (error) {
            throw new ConfigurationError(`--state ${statePath} is not a readable state dump: ${error.message}`);
        }
    }
    const emulator = await startEmulator({
        port: wholeNumber('port', values.port, 0),
        config: {
            rateLimitPerMinute: wholeNumber('rate-limit', values['rate-limit'], 300) || 300,
            seed: wholeNumber('seed', values.seed, 1),
        },
        ...(state ? { state } : {}),
    });
    if (values.json) {
        writeLine(io.stdout, JSON.stringify({ url: emulator.url, clientId: emulator.clientId, clientSecret: emulator.clientSecret }));
    }
    else {
        writeLine(io.stdout, `Genesys Cloud data-tables emulator listening on ${emulator.url}`);
        writeLine(io.stdout, `  GENESYSCLOUD_API_URL=${emulator.url}`);
        writeLine(io.stdout, `  GENESYSCLOUD_OAUTHCLIENT_ID=${emulator.clientId}`);
        writeLine(io.stdout, `  GENESYSCLOUD_OAUTHCLIENT_SECRET=${emulator.clientSecret}`);
        writeLine(io.stdout, `  admin API: ${emulator.url}/__emulator/health${statePath ? `; state file: ${statePath}` : ''}`);
    }
    await new Promise((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    if (statePath)
        await (0,promises_namespaceObject.writeFile)(statePath, JSON.stringify(emulator.state.dump(), null, 2));
    await emulator.close();
    if (!values.json)
        writeLine(io.stderr, 'emulator stopped');
    return 0;
}

;// CONCATENATED MODULE: ./src/cli/tables-command.ts




const tables_command_HELP = `Usage: datatable-deploy tables [--region R | --api-url URL] [--name FILTER] [--json]

Lists the org's data tables: name, number of columns, division and id.
A quick check that the OAuth client, region and permissions work.

  --region R      Genesys Cloud region, e.g. us-east-1 (or GENESYSCLOUD_REGION)
  --api-url URL   explicit API origin, e.g. the emulator (or GENESYSCLOUD_API_URL)
  --name FILTER   the service's name filter (case-insensitive, * wildcards)
  --json          print JSON instead of a table`;
async function runTablesCommand(args, io) {
    const { values } = parseOptions('tables', args, {
        region: { type: 'string' },
        'api-url': { type: 'string' },
        name: { type: 'string' },
        json: { type: 'boolean' },
    });
    if (values.help) {
        writeLine(io.stdout, tables_command_HELP);
        return 0;
    }
    const settings = connectionSettingsFromEnv(io.env);
    if (values.region)
        settings.region = values.region;
    if (values['api-url'])
        settings.apiUrl = values['api-url'];
    const client = createGenesysClient(settings, { logger: stderrLogger() });
    const tables = await client.tables.listTables({
        name: values.name,
        expandSchema: true,
    });
    if (values.json) {
        writeLine(io.stdout, JSON.stringify(tables, null, 2));
        return 0;
    }
    if (tables.length === 0) {
        writeLine(io.stdout, 'No data tables.');
        return 0;
    }
    const nameWidth = Math.max(4, ...tables.map((table) => table.name.length));
    writeLine(io.stdout, `${'NAME'.padEnd(nameWidth)}  ${'COLUMNS'.padStart(7)}  DIVISION  ID`);
    for (const table of tables) {
        const columns = String(Object.keys(table.schema?.properties ?? {}).length).padStart(7);
        writeLine(io.stdout, `${table.name.padEnd(nameWidth)}  ${columns}  ${table.division?.name ?? '-'}  ${table.id}`);
    }
    return 0;
}

;// CONCATENATED MODULE: ./src/version.ts
/** The product version, reported by the CLI and in backups and user agents. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/cli/main.ts






const USAGE = `datatable-deploy ${VERSION}: deploy Genesys Cloud Architect data tables from YAML, safely.

Usage: datatable-deploy <command> [options]

Commands:
  tables              list the org's data tables (a connection check)
  emulator            run the local Genesys Cloud data-tables emulator
  demo                run the guided demo against an in-process emulator

Connection (tables): GENESYSCLOUD_OAUTHCLIENT_ID, GENESYSCLOUD_OAUTHCLIENT_SECRET, and
GENESYSCLOUD_REGION (e.g. us-east-1) or GENESYSCLOUD_API_URL; or --region / --api-url.

Run "datatable-deploy <command> --help" for the options of a command.
Exit codes: 0 success, 1 error.`;
const COMMANDS = {
    tables: runTablesCommand,
    emulator: runEmulatorCommand,
    demo: (args, io) => runDemo(args, io),
};
/** Runs one CLI invocation and returns its exit code. Never calls process.exit. */
async function runCli(argv, io) {
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
        writeLine(io.stdout, USAGE);
        return name === undefined ? 1 : 0;
    }
    if (name === '--version' || name === '-v') {
        writeLine(io.stdout, VERSION);
        return 0;
    }
    const command = COMMANDS[name];
    if (!command) {
        writeLine(io.stderr, `error: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.`);
        return 1;
    }
    try {
        return await command(rest, io);
    }
    catch (error) {
        writeLine(io.stderr, `error: ${describeError(error)}`);
        return 1;
    }
}


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(581);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
