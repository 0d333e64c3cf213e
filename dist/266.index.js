export const id = 266;
export const ids = [266];
export const modules = {

/***/ 97266:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   answerWithin: () => (/* binding */ answerWithin),
/* harmony export */   checkRedisUrl: () => (/* binding */ checkRedisUrl),
/* harmony export */   closeLink: () => (/* binding */ closeLink),
/* harmony export */   jsonObject: () => (/* binding */ jsonObject),
/* harmony export */   loadNodeRedis: () => (/* binding */ loadNodeRedis),
/* harmony export */   openLink: () => (/* binding */ openLink),
/* harmony export */   startLink: () => (/* binding */ startLink),
/* harmony export */   useNodeRedis: () => (/* binding */ useNodeRedis),
/* harmony export */   whenReady: () => (/* binding */ whenReady)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64533);
/* harmony import */ var _genesys_regions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8348);


/**
 * How node-redis is loaded. By default from the user's node_modules at run time (the magic
 * comment keeps the bundler from resolving it): the reader's bundle neither carries nor requires
 * it, as an optional peer should be. The CLI's relay, which must run with no node_modules,
 * bundles it and installs its own loader with `useNodeRedis`.
 */
let nodeRedis = () => import(/* webpackIgnore: true */ 'redis');
function useNodeRedis(load) {
    nodeRedis = load;
}
/** node-redis's createClient, with the fix when it is not installed. */
async function loadNodeRedis() {
    try {
        return (await nodeRedis()).createClient;
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`A Redis URL was given, but the "redis" package (node-redis 5) could not be loaded: ${error.message}`, 'Install it next to datatable-deploy ("npm install redis@^5"), or leave the Redis URL out to read Genesys directly.', { cause: error });
    }
}
/** The URL, checked before node-redis sees it (its own errors do not say what to do). */
function checkRedisUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        parsed = undefined;
    }
    if (parsed === undefined || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`The Redis URL ${JSON.stringify((0,_genesys_regions_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url))} is not a redis:// or rediss:// URL.`, 'Give it as redis://[[user]:password@]host[:port][/db], or rediss://… for TLS.');
    return parsed;
}
// Fast first retries (a Redis restart takes milliseconds), then at most every 2 s, with jitter so
// that many instances do not reconnect in step.
const reconnectDelay = (retries) => Math.min(50 * 2 ** Math.min(retries, 10), 2_000) * (0.8 + Math.random() * 0.4);
/**
 * A client that reconnects forever with backoff, fails commands at once while disconnected, and
 * logs an outage once when it starts and once when it ends.
 */
function openLink(createClient, options) {
    const client = createClient({
        url: options.url,
        // While disconnected, commands fail at once (the reader reads Genesys) instead of waiting.
        disableOfflineQueue: true,
        commandOptions: { timeout: options.commandTimeoutMs ?? 1_000 },
        socket: { connectTimeout: 2_000, reconnectStrategy: reconnectDelay },
    });
    watchOutages(client, options);
    return client;
}
function watchOutages(client, options) {
    const { logger, clock, role } = options;
    const where = (0,_genesys_regions_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(options.url);
    let downSince;
    let connectedOnce = false;
    // node-redis emits 'error' for every failed attempt; without a listener the process would crash.
    client.on('error', (error) => {
        if (downSince !== undefined)
            return logger.debug(`${role} at ${where}: ${error.message}`);
        downSince = clock.now();
        const state = connectedOnce ? 'is unreachable' : 'cannot be reached';
        logger.warn(`${role} at ${where} ${state} (${error.message}); retrying in the background.`);
    });
    client.on('ready', () => {
        if (downSince !== undefined) {
            const after = `after ${Math.round((clock.now() - downSince) / 1000)} s`;
            logger.info(`${role} at ${where} is ${connectedOnce ? 'reachable again' : 'connected'} ${after}.`);
        }
        downSince = undefined;
        connectedOnce = true;
    });
}
/**
 * Starts connecting and resolves once the first attempt succeeded or failed: an instance whose
 * Redis is down at start-up still starts (reading Genesys directly) and picks Redis up later.
 */
async function startLink(client) {
    const settled = new Promise((resolve) => {
        client.once('ready', resolve);
        client.on('error', () => resolve());
    });
    // Rejects only when the client is closed before it ever connected.
    client.connect().catch(() => { });
    await settled;
}
/** Resolves when the client is connected (at once if it is). */
function whenReady(client) {
    return client.isReady ? Promise.resolve() : new Promise((resolve) => client.once('ready', resolve));
}
/** Closes the connection: gracefully when connected, at once when not (nothing could be waited for). */
async function closeLink(client) {
    if (!client.isOpen)
        return;
    if (client.isReady) {
        await client.close();
        return;
    }
    client.destroy();
}
/**
 * The command's answer, or a rejection after `ms`. node-redis times a command out only until it
 * is sent; a Redis that stops answering (frozen, or a network dropping packets) would hold the
 * caller for ever without this. The command itself may still be carried out later.
 */
async function answerWithin(command, ms) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    });
    try {
        return await Promise.race([command, late]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** The text as a JSON object, or undefined when it is not one (what Redis holds is not trusted). */
function jsonObject(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}


/***/ })

};
