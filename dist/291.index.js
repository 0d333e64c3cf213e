export const id = 291;
export const ids = [291];
export const modules = {

/***/ 6291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDeployMode: () => (/* binding */ runDeployMode)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(99373);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/config/ajv.ts
var ajv = __webpack_require__(4913);
// EXTERNAL MODULE: ./src/config/structure.ts + 1 modules
var structure = __webpack_require__(26149);
// EXTERNAL MODULE: ./src/config/findings.ts
var findings = __webpack_require__(74770);
// EXTERNAL MODULE: ./src/config/patterns.ts
var patterns = __webpack_require__(31563);
// EXTERNAL MODULE: ./src/config/yaml-source.ts + 4 modules
var yaml_source = __webpack_require__(79017);
;// CONCATENATED MODULE: ./src/deploy/health/spec.ts






const assertion = {
    type: 'object',
    required: ['path'],
    additionalProperties: false,
    properties: {
        path: { type: 'string', pattern: '^\\$' },
        equals: {},
        notEquals: {},
        gt: { type: ['number', 'string'] },
        gte: { type: ['number', 'string'] },
        lt: { type: ['number', 'string'] },
        lte: { type: ['number', 'string'] },
        exists: { type: 'boolean' },
        matches: { type: 'string' },
        contains: { type: 'string' },
    },
};
/** The health-check file's JSON Schema (documented in docs/deploy.md#health-checks). */
const HEALTH_SCHEMA = {
    type: 'object',
    required: ['probes'],
    additionalProperties: false,
    properties: {
        bakeSeconds: { type: 'number', minimum: 0 },
        intervalSeconds: { type: 'number', exclusiveMinimum: 0 },
        probes: {
            type: 'array',
            minItems: 1,
            items: {
                type: 'object',
                required: ['name'],
                additionalProperties: false,
                oneOf: [{ required: ['http'] }, { required: ['command'] }],
                properties: {
                    name: { type: 'string', minLength: 1 },
                    minPasses: { type: 'integer', minimum: 0 },
                    maxFailures: { type: 'integer', minimum: 0 },
                    http: {
                        type: 'object',
                        required: ['url'],
                        additionalProperties: false,
                        properties: {
                            url: { type: 'string', minLength: 1 },
                            method: { enum: ['GET', 'POST', 'PUT', 'HEAD'] },
                            headers: { type: 'object', additionalProperties: { type: 'string' } },
                            body: { type: 'string' },
                            expectStatus: {
                                oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' }, minItems: 1 }],
                            },
                            timeoutSeconds: { type: 'number', exclusiveMinimum: 0 },
                            json: { type: 'array', items: assertion },
                        },
                    },
                    command: {
                        type: 'object',
                        required: ['run'],
                        additionalProperties: false,
                        properties: {
                            run: { type: 'string', minLength: 1 },
                            expectExitCode: { type: 'integer' },
                            timeoutSeconds: { type: 'number', exclusiveMinimum: 0 },
                        },
                    },
                },
            },
        },
    },
};
let validator;
/**
 * Reads a health-check file. Every problem is reported with its line and column, and a probe
 * that names an environment variable that is not set is refused here, before any deploy.
 */
function parseHealthSpec(file, bytes, env) {
    const source = (0,yaml_source/* parseYamlSource */.WF)(file, bytes);
    let problems = Array.isArray(source)
        ? source
        : (0,structure/* checkStructure */.w)(source, source.value, (validator ??= (0,ajv/* createAjv */.g)().compile(HEALTH_SCHEMA)));
    if (problems.length === 0 && !Array.isArray(source))
        problems = unusablePatterns(source);
    if (problems.length > 0) {
        throw new errors/* ConfigurationError */.j1(`The health-check file ${file} is not valid:\n${problems.map((item) => `  ${item.file}:${item.line}:${item.column} ${item.message}`).join('\n')}`, 'See docs/deploy.md#health-checks for the format.');
    }
    const spec = source.value;
    const missing = [
        ...new Set([...JSON.stringify(spec).matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1])),
    ].filter((name) => env[name] === undefined);
    if (missing.length > 0) {
        throw new errors/* ConfigurationError */.j1(`The health-check file ${file} uses environment variables that are not set: ${missing.join(', ')}.`, "Set them for the deploy step (secrets go in the step's env).");
    }
    return spec;
}
/** `matches` patterns that cannot run on the linear-time engine (templated ones are checked when filled). */
function unusablePatterns(source) {
    const spec = source.value;
    const found = [];
    for (const [probeIndex, probe] of spec.probes.entries()) {
        for (const [index, assertion] of (probe.http?.json ?? []).entries()) {
            if (assertion.matches === undefined || assertion.matches.includes('${'))
                continue;
            const problem = (0,patterns/* patternProblem */.AL)(assertion.matches);
            if (problem === undefined)
                continue;
            const node = source.doc.getIn(['probes', probeIndex, 'http', 'json', index, 'matches'], true);
            const position = (0,yaml_source/* positionOf */.df)(source, node);
            found.push((0,findings/* finding */.gk)('schema-value', source.file, position, `Probe "${probe.name}": matches ${problem}`));
        }
    }
    return found;
}

;// CONCATENATED MODULE: ./src/deploy/health/load.ts




/** Where the health-check format is documented. */
const HEALTH_CHECKS_DOCS = 'docs/deploy.md#health-checks';
async function loadHealthChecks(source, env) {
    const { input, option } = source;
    const isYaml = source.inline === true && (input.includes('\n') || input.trimStart().startsWith('{'));
    const spec = isYaml
        ? parseHealthSpec(`${option} input`, Buffer.from(input), env)
        : parseHealthSpec(input, await readHealthFile(source), env);
    return source.bakeSeconds !== undefined ? { ...spec, bakeSeconds: source.bakeSeconds } : spec;
}
async function readHealthFile({ input, option, baseDir }) {
    const path = (0,external_node_path_.resolve)(baseDir, input);
    const fix = `Give the health-check file (see ${HEALTH_CHECKS_DOCS}), or leave ${option} out.`;
    const where = input === path ? '' : ` (looked for ${path})`;
    const found = await (0,promises_.stat)(path).catch((error) => error);
    if (found instanceof Error && (found.code === 'ENOENT' || found.code === 'ENOTDIR'))
        throw new errors/* ConfigurationError */.j1(`${option} ${input}: there is no such file${where}.`, fix);
    if (!(found instanceof Error) && found.isDirectory())
        throw new errors/* ConfigurationError */.j1(`${option} ${input} is a directory, not a file.`, fix);
    try {
        if (found instanceof Error)
            throw found;
        return await (0,promises_.readFile)(path);
    }
    catch (error) {
        throw new errors/* ConfigurationError */.j1(`${option} ${input} cannot be read (${(0,errors/* fileProblem */.Wj)(error).reason}).`, `Check the file's permissions. ${fix}`);
    }
}

// EXTERNAL MODULE: ./src/deploy/journal.ts
var deploy_journal = __webpack_require__(25332);
;// CONCATENATED MODULE: ./src/deploy/outcome.ts
/**
 * How a deploy ended, in words both faces use: the CLI prints the headline as it is, the action
 * puts it in its job summary and the commit status. Face-neutral: no exit codes, options or
 * inputs (each face adds its own advice, see cli/exit-codes.ts and action/mode-deploy.ts).
 */
/** "1 operation", "2 operations". */
const plural = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`;
/**
 * The deploy's version when something keeps it (a managed version column, the versions table),
 * else undefined: without either, every deploy would be "version 1".
 */
const keptVersion = (result) => result.versioned ? result.version : undefined;
/** The one-line headline of a deploy's end. */
function deployHeadline(result) {
    const phase = result.failure?.phase;
    switch (result.outcome) {
        case 'no-changes':
            return 'No changes: nothing was written.';
        case 'applied': {
            const version = keptVersion(result);
            return `Deployed${version === undefined ? '' : ` version ${version}`}: ${plural(result.operations, 'operation')}.`;
        }
        case 'refused':
            return 'Refused: nothing was written.';
        case 'rolled-back':
            return `Rolled back: the deploy failed (${phase}) and the live tables equal the backup again.`;
        case 'rollback-failed':
            return `FAILED: the deploy failed (${phase}) and the rollback did not finish. Manual action is needed.`;
    }
}
/** A short form for a commit status (at most 140 characters with its prefix). */
function deployStatusText(result) {
    switch (result.outcome) {
        case 'no-changes':
            return 'No changes';
        case 'applied': {
            const version = keptVersion(result);
            return version === undefined ? 'Deployed' : `Deployed version ${version}`;
        }
        case 'refused':
            return 'Refused: the plan is stale';
        case 'rolled-back':
            return `Failed (${result.failure?.phase}) and rolled back`;
        case 'rollback-failed':
            return `Failed (${result.failure?.phase}); the rollback did not finish`;
    }
}
/** Why a deploy that did not apply ended as it did, in one sentence; undefined when it applied. */
function deployFailureText(result) {
    const { failure, refusal } = result;
    if (result.outcome === 'refused')
        return refusal?.message;
    if (!failure)
        return undefined;
    const cause = `The deploy failed (${failure.phase}: ${failure.message})`;
    return result.outcome === 'rolled-back'
        ? `${cause} and was rolled back: the live tables equal the backup again.`
        : `${cause} and the rollback did not finish: the tables may be part-way between the backup and the plan.`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/deploy/backup.ts + 1 modules
var deploy_backup = __webpack_require__(8173);
// EXTERNAL MODULE: ./src/deploy/failure.ts
var deploy_failure = __webpack_require__(34457);
// EXTERNAL MODULE: ./src/deploy/guard.ts
var guard = __webpack_require__(95962);
// EXTERNAL MODULE: ./src/plan/snapshot.ts
var snapshot = __webpack_require__(74471);
// EXTERNAL MODULE: ./src/deploy/restore.ts
var restore = __webpack_require__(12801);
// EXTERNAL MODULE: ./src/deploy/restore-plans.ts + 1 modules
var restore_plans = __webpack_require__(89360);
// EXTERNAL MODULE: ./src/deploy/restore-news.ts
var restore_news = __webpack_require__(94685);
// EXTERNAL MODULE: ./src/deploy/webhook.ts
var webhook = __webpack_require__(57074);
;// CONCATENATED MODULE: ./src/deploy/pipeline-news.ts


/** What the pipeline tells subscribers: after a healthy deploy, and after its proven rollback. */
/** After a healthy deploy: the signed event, to each configured URL (undefined: none configured). */
async function tellDeployed(options, deploy) {
    if (!options.webhooks || options.webhooks.urls.length === 0)
        return undefined;
    const { plan, version } = deploy;
    options.logger.info('▶ invalidation webhooks');
    const event = {
        event: 'datatables.deployed',
        reason: 'deploy',
        tables: plan.tables.map((table) => table.name),
        version,
        versions: Object.fromEntries(plan.tables.map((table) => [table.name, version])),
        deployId: deploy.deployId,
        digest: plan.digest,
        environment: plan.environment ?? null,
        actor: options.actor,
        deployedAt: new Date(options.clock.now()).toISOString(),
    };
    const how = {
        clock: options.clock,
        logger: options.logger,
        fetch: options.fetch,
        retry: options.webhookRetry,
    };
    return (0,webhook/* announce */.iP)(options.webhooks, event, how, 'the deploy itself succeeded');
}
/**
 * After a failed deploy's proven rollback: the versions table marks the restored rows above the
 * failed deploy's version, and readers are told (see restore-news.ts).
 */
function tellRolledBack(options, deploy) {
    const { plan } = deploy;
    return (0,restore_news/* tellRestored */.C)({
        restored: plan.tables.map((table) => ({
            name: table.name,
            id: table.id ?? deploy.created.get(table.name),
        })),
        versionsTable: options.versionsTable,
        // A version above this deploy's, so that readers that took this deploy's leave it again.
        floor: deploy.version + 1,
        deployId: deploy.deployId,
        gitSha: options.gitSha,
        webhooks: options.webhooks,
        event: { digest: plan.digest, environment: plan.environment ?? null, actor: options.actor },
        // Never aborted: the interruption that caused the rollback must not stop its marking.
        context: { ...deploy.context, signal: undefined, phase: 'restore' },
        announce: { fetch: options.fetch, retry: options.webhookRetry },
    });
}

// EXTERNAL MODULE: ./src/deploy/apply.ts
var apply = __webpack_require__(42427);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/genesys/oauth.ts
var oauth = __webpack_require__(9385);
// EXTERNAL MODULE: ./src/secrets.ts
var src_secrets = __webpack_require__(27194);
;// CONCATENATED MODULE: ./src/deploy/health/json-path.ts
/**
 * The small JSONPath subset health checks need: `$`, `.name`, `['name']` and `[index]`.
 * Returns `{ found: false }` when the path leads nowhere.
 */
function selectPath(value, path) {
    const tokens = /^\$((?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\['[^']*'\]|\["[^"]*"\])*)$/.exec(path.trim());
    if (!tokens)
        throw new SyntaxError(`"${path}" is not a supported JSON path (use $.a.b[0] or $['a b'])`);
    let current = value;
    for (const [, name, index, quoted] of tokens[1].matchAll(/\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[['"]([^'"]*)['"]\]/g)) {
        if (current === null || typeof current !== 'object')
            return { found: false };
        const step = index !== undefined ? Number(index) : (name ?? quoted);
        if (Array.isArray(current) ? typeof step !== 'number' || step >= current.length : !(String(step) in current))
            return { found: false };
        current = current[step];
    }
    return { found: true, value: current };
}

;// CONCATENATED MODULE: ./src/deploy/health/probes.ts





/**
 * Fills `${deploy.*}` and `${env:NAME}` into a probe's text. Environment values are collected
 * as secrets so that no message repeats them.
 */
function fillTemplate(text, context, secrets) {
    return text.replace(/\$\{(env:([A-Za-z_][A-Za-z0-9_]*)|deploy\.(version|digest|environment|actor))\}/g, (_whole, _inner, envName, deployField) => {
        if (envName) {
            const value = context.env[envName] ?? '';
            if (value)
                secrets.add(value);
            return value;
        }
        return String(context.deploy[deployField]);
    });
}
/**
 * Replaces every template value (`${env:…}`) and every registered secret in a message with
 * `***`. Template values are masked even when short: the probe's author chose to pass them.
 */
function maskProbeText(text, templateValues) {
    let masked = text;
    for (const value of templateValues)
        if (value.length >= 3)
            masked = masked.split(value).join('***');
    return (0,src_secrets/* maskSecrets */.QU)(masked);
}
/**
 * One HTTP probe. Environment values in headers and the body are treated as secrets and kept
 * out of messages; the URL is shown as it is (put credentials in headers, not in URLs).
 */
async function runHttpProbe(probe, context) {
    const secrets = new Set();
    const url = fillTemplate(probe.url, context, secrets);
    const headers = Object.fromEntries(Object.entries(probe.headers ?? {}).map(([name, value]) => [name, fillTemplate(value, context, secrets)]));
    const expected = probe.expectStatus === undefined
        ? [200]
        : Array.isArray(probe.expectStatus)
            ? probe.expectStatus
            : [probe.expectStatus];
    const shown = maskProbeText(`${probe.method ?? 'GET'} ${url}`, secrets);
    let response;
    let text;
    try {
        response = await (context.fetch ?? fetch)(url, {
            method: probe.method ?? 'GET',
            headers,
            body: probe.body !== undefined ? fillTemplate(probe.body, context, secrets) : undefined,
            signal: AbortSignal.timeout((probe.timeoutSeconds ?? 10) * 1000),
            redirect: 'manual',
        });
        text = await response.text();
    }
    catch (error) {
        const timeout = error instanceof Error && error.name === 'TimeoutError';
        const cause = (0,oauth/* networkCause */.u6)(error);
        return {
            ok: false,
            detail: maskProbeText(`${shown}: ${timeout ? `no answer within ${probe.timeoutSeconds ?? 10} s` : cause}`, secrets),
        };
    }
    if (!expected.includes(response.status)) {
        return {
            ok: false,
            detail: maskProbeText(`${shown} answered ${response.status}, expected ${expected.join(' or ')}: ${(0,src_secrets/* maskThenCut */.o8)(maskProbeText(text, secrets), 200)}`, secrets),
        };
    }
    if (probe.json && probe.json.length > 0) {
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            return { ok: false, detail: `${shown} did not answer JSON` };
        }
        for (const assertion of probe.json) {
            const problem = checkAssertion(body, assertion, context, secrets);
            if (problem)
                return { ok: false, detail: maskProbeText(`${shown}: ${problem}`, secrets) };
        }
    }
    return { ok: true, detail: `${shown} answered ${response.status}` };
}
/** Why the JSON body breaks an assertion, or undefined when it holds. */
function checkAssertion(body, assertion, context, secrets) {
    const selected = selectPath(body, assertion.path);
    const fill = (value) => typeof value === 'string' ? fillTemplate(value, context, secrets) : value;
    if (assertion.exists !== undefined) {
        if (selected.found !== assertion.exists)
            return `${assertion.path} ${assertion.exists ? 'is missing' : 'exists'}`;
        if (!selected.found)
            return undefined;
    }
    if (!selected.found)
        return `${assertion.path} is missing`;
    const actual = selected.value;
    const shown = JSON.stringify(actual);
    if (assertion.equals !== undefined && !looselyEqual(actual, fill(assertion.equals)))
        return `${assertion.path} is ${shown}, expected ${JSON.stringify(fill(assertion.equals))}`;
    if (assertion.notEquals !== undefined && looselyEqual(actual, fill(assertion.notEquals)))
        return `${assertion.path} is ${shown}, which it must not be`;
    const comparisons = [
        ['gt', '>', (a, b) => a > b],
        ['gte', '≥', (a, b) => a >= b],
        ['lt', '<', (a, b) => a < b],
        ['lte', '≤', (a, b) => a <= b],
    ];
    for (const [name, symbol, holds] of comparisons) {
        if (assertion[name] === undefined)
            continue;
        const limit = Number(fill(assertion[name]));
        const value = Number(actual);
        if (!Number.isFinite(value) || !Number.isFinite(limit) || !holds(value, limit))
            return `${assertion.path} is ${shown}, expected ${symbol} ${limit}`;
    }
    if (assertion.matches !== undefined) {
        let pattern;
        try {
            pattern = (0,patterns/* compilePattern */.Eb)(String(fill(assertion.matches)));
        }
        catch (error) {
            return `${assertion.path}: ${error.message}`;
        }
        if (!pattern.test(String(actual)))
            return `${assertion.path} is ${shown}, which does not match ${assertion.matches}`;
    }
    if (assertion.contains !== undefined &&
        !String(Array.isArray(actual) ? actual.join('\n') : actual).includes(String(fill(assertion.contains)))) {
        return `${assertion.path} is ${shown}, which does not contain ${JSON.stringify(fill(assertion.contains))}`;
    }
    return undefined;
}
function looselyEqual(actual, expected) {
    if (actual === expected)
        return true;
    // Templates give text: "7" must equal 7.
    if (typeof expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean'))
        return String(actual) === expected;
    return JSON.stringify(actual) === JSON.stringify(expected);
}
/** What a command probe inherits beyond the variables its spec names: no secrets, ever. */
const BASE_ENVIRONMENT = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SHELL', 'USER'];
/**
 * The command's environment: the base variables, the ones the probe names with `${env:NAME}`
 * (their values are masked in what it prints) and the deploy's. The Genesys client secret,
 * the webhook secret, the GitHub and runner tokens are not passed unless the spec names them.
 */
function probeEnvironment(probe, context, secrets) {
    const env = {};
    for (const name of BASE_ENVIRONMENT)
        if (context.env[name] !== undefined)
            env[name] = context.env[name];
    for (const [, name] of JSON.stringify(probe).matchAll(/\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
        const value = context.env[name];
        if (value === undefined)
            continue;
        env[name] = value;
        if (value.length >= 4)
            secrets.add(value);
    }
    return {
        ...env,
        DATATABLE_DEPLOY_VERSION: String(context.deploy.version),
        DATATABLE_DEPLOY_DIGEST: context.deploy.digest,
        DATATABLE_DEPLOY_ENVIRONMENT: context.deploy.environment,
    };
}
function runCommandProbe(probe, context) {
    const expected = probe.expectExitCode ?? 0;
    const secrets = new Set();
    const command = fillTemplate(probe.run, context, secrets);
    const env = probeEnvironment(probe, context, secrets);
    const timeoutMs = (probe.timeoutSeconds ?? 60) * 1000;
    return new Promise((resolve) => {
        // Its own process group, so that a timeout kills what the shell started too (a child that
        // keeps the pipes open would otherwise hold the deploy until it ends).
        const child = (0,external_node_child_process_.spawn)('/bin/sh', ['-c', command], {
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
        });
        const timer = setTimeout(() => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                child.kill('SIGKILL');
            }
        }, timeoutMs);
        let output = '';
        const keep = (chunk) => {
            // Kept generously and masked before it is cut, so that a cut cannot split a secret.
            output = (output + chunk.toString('utf8')).slice(-65_536);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        child.on('error', (error) => {
            clearTimeout(timer);
            resolve({ ok: false, detail: maskProbeText(`could not run the command: ${error.message}`, secrets) });
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            const shown = maskProbeText(command, secrets);
            if (signal)
                resolve({
                    ok: false,
                    detail: `"${shown}" was stopped (${signal}) after ${probe.timeoutSeconds ?? 60} s or by a signal`,
                });
            else if (code === expected)
                resolve({ ok: true, detail: `"${shown}" exited ${code}` });
            else {
                // Masked first, then cut: a cut first could leave a secret's prefix.
                const printed = (0,src_secrets/* maskThenCut */.o8)(maskProbeText(output, secrets).trim(), 500, 'end');
                resolve({
                    ok: false,
                    detail: `"${shown}" exited ${code}, expected ${expected}${printed ? `: ${printed}` : ''}`,
                });
            }
        });
    });
}

;// CONCATENATED MODULE: ./src/deploy/health/run.ts

/**
 * Probes in rounds for the bake time (at least one round), every probe each round. A probe
 * that fails more than its `maxFailures` fails the check at once; at the end every probe must
 * have passed `minPasses` times.
 */
async function runHealthChecks(spec, context, options) {
    const bakeMs = (spec.bakeSeconds ?? 0) * 1000;
    const intervalMs = (spec.intervalSeconds ?? 5) * 1000;
    const results = spec.probes.map((probe) => ({
        name: probe.name,
        passes: 0,
        failures: 0,
        lastDetail: '',
    }));
    const started = options.clock.now();
    let rounds = 0;
    for (;;) {
        rounds += 1;
        const outcomes = await Promise.all(spec.probes.map((probe) => runProbe(probe, context)));
        for (const [index, outcome] of outcomes.entries()) {
            const result = results[index];
            const probe = spec.probes[index];
            result.lastDetail = outcome.detail;
            if (outcome.ok)
                result.passes += 1;
            else {
                result.failures += 1;
                options.logger.warn(`health check "${probe.name}" failed (failure ${result.failures}; ${probe.maxFailures ?? 0} allowed): ${outcome.detail}`);
                if (result.failures > (probe.maxFailures ?? 0)) {
                    return {
                        passed: false,
                        rounds,
                        probes: results,
                        reason: `health check "${probe.name}" failed: ${outcome.detail}`,
                    };
                }
            }
        }
        if (options.signal?.aborted)
            return { passed: false, rounds, probes: results, reason: 'interrupted during the health checks' };
        if (options.clock.now() - started + intervalMs > bakeMs)
            break;
        await options.clock.sleep(intervalMs);
    }
    const short = spec.probes.findIndex((probe, index) => results[index].passes < (probe.minPasses ?? 1));
    if (short >= 0) {
        const probe = spec.probes[short];
        return {
            passed: false,
            rounds,
            probes: results,
            reason: `health check "${probe.name}" passed ${results[short].passes} times; ${probe.minPasses ?? 1} needed`,
        };
    }
    options.logger.info(`health checks passed: ${results.map((result) => `${result.name} ${result.passes}/${rounds}`).join(', ')} in ${rounds} round${rounds === 1 ? '' : 's'}`);
    return { passed: true, rounds, probes: results };
}
function runProbe(probe, context) {
    if (probe.http)
        return runHttpProbe(probe.http, context);
    return runCommandProbe(probe.command, context);
}

// EXTERNAL MODULE: ./src/deploy/read-back.ts
var read_back = __webpack_require__(44035);
// EXTERNAL MODULE: ./src/deploy/settle.ts
var settle = __webpack_require__(97548);
// EXTERNAL MODULE: ./src/plan/equality.ts
var equality = __webpack_require__(32335);
// EXTERNAL MODULE: ./src/plan/display.ts
var display = __webpack_require__(65641);
// EXTERNAL MODULE: ./src/deploy/apply-rows.ts + 1 modules
var apply_rows = __webpack_require__(66700);
;// CONCATENATED MODULE: ./src/deploy/verify.ts



/**
 * Compares tables read back after apply with what the plans wrote: every created and updated
 * row cell by cell (with the service's equality, stamps included), every deleted row gone, the
 * added columns present, and the row count as expected; a table a tombstone deleted, gone.
 */
function verifyTables(plans, after, stamp) {
    return plans.flatMap((plan, index) => {
        const live = after[index];
        if (plan.schemaChanges.some((change) => change.kind === 'delete-table'))
            return live
                ? [{ table: plan.name, message: `${plan.name} still exists after the deploy deleted it.` }]
                : [];
        if (!live)
            return [{ table: plan.name, message: `${plan.name} does not exist after the deploy.` }];
        return [
            ...missingColumns(plan, live),
            ...writtenRowMismatches(plan, live, stamp),
            ...deletedRowsLeft(plan, live),
            ...rowCountMismatch(plan, live),
        ];
    });
}
function missingColumns(plan, live) {
    return Object.keys(plan.schema.properties)
        .filter((column) => !(column in live.schema.properties))
        .map((column) => ({
        table: plan.name,
        column,
        message: `${plan.name}: the column "${column}" is missing.`,
    }));
}
/** Every created and updated row, cell by cell, as the plan (and the stamp) wrote it. */
function writtenRowMismatches(plan, live, stamp) {
    const mismatches = [];
    const rows = new Map(live.rows.map((row) => [String(row.key), row]));
    const expected = [
        ...plan.creates.map((item) => [item.key, (0,apply_rows/* stamped */.py)(item.row, plan, stamp)]),
        ...plan.updates.map((item) => [item.key, (0,apply_rows/* stamped */.py)(item.after, plan, stamp)]),
    ];
    for (const [key, want] of expected) {
        const got = rows.get(key);
        if (!got) {
            mismatches.push({
                table: plan.name,
                key,
                expected: want,
                actual: null,
                message: `${plan.name}: row "${key}" is missing.`,
            });
            continue;
        }
        for (const [column, definition] of Object.entries(plan.schema.properties)) {
            if (column === 'key')
                continue;
            if (!(column in want) && (column === plan.managed.version || column === plan.managed.actor))
                continue;
            if ((0,equality/* sameCell */.n)(want[column], got[column], definition, false))
                continue;
            mismatches.push({
                table: plan.name,
                key,
                column,
                expected: (0,equality/* effectiveValue */.F)(want[column], definition),
                actual: got[column] ?? null,
                message: `${plan.name}: row "${key}", column "${column}" is ${(0,display/* displayValue */.KN)(got[column] ?? null)}; expected ${(0,display/* displayValue */.KN)((0,equality/* effectiveValue */.F)(want[column], definition))}.`,
            });
        }
    }
    return mismatches;
}
function deletedRowsLeft(plan, live) {
    const keys = new Set(live.rows.map((row) => String(row.key)));
    return plan.deletes
        .filter((item) => keys.has(item.key))
        .map((item) => ({
        table: plan.name,
        key: item.key,
        message: `${plan.name}: row "${item.key}" should be deleted but is still there.`,
    }));
}
function rowCountMismatch(plan, live) {
    const count = plan.liveRowCount + plan.creates.length - plan.deletes.length;
    return live.rows.length === count
        ? []
        : [{ table: plan.name, message: `${plan.name} has ${live.rows.length} rows; expected ${count}.` }];
}

// EXTERNAL MODULE: ./src/deploy/versions-table.ts + 2 modules
var versions_table = __webpack_require__(49680);
;// CONCATENATED MODULE: ./src/deploy/pipeline-steps.ts








/** The steps of a deploy between its backup and its end: apply, verify, markers, health checks. */
/** Apply → verify → versions markers → health checks; throws a {@link DeployFailure} at the first that fails. */
async function applyAndCheck(run, options, context, progress) {
    const { plan, stamp, versions, logger } = { ...run, logger: options.logger };
    // The version is named only where something keeps it (a managed column, the versions table).
    logger.info(run.versioned ? `▶ apply (deploy version ${stamp.version})` : '▶ apply');
    const applied = await (0,apply/* applyTables */.e)(plan.tables, run.live, { ...context, phase: 'deploy', stamp });
    progress.operations = applied.operations;
    const after = await verifyApplied(run, applied.tableIds, options);
    if (versions) {
        logger.info(`▶ versions table: marking the deployed tables in ${versions.name}`);
        // The rows as the verify read them back (defaults filled by the service): what readers read.
        const tables = plan.tables.map((table, index) => ({
            name: table.name,
            rows: after[index]?.rows ?? null,
        }));
        const marker = {
            version: stamp.version,
            deployId: run.deployId,
            deployedAt: new Date(options.clock.now()).toISOString(),
            gitSha: options.gitSha,
        };
        progress.operations += await (0,versions_table/* writeMarkers */.RJ)(versions, tables, marker, { ...context, phase: 'deploy' });
    }
    if (options.health) {
        logger.info('▶ health checks');
        progress.health = await runHealthChecks(options.health, {
            deploy: {
                version: stamp.version,
                digest: plan.digest,
                environment: plan.environment ?? '',
                actor: options.actor,
            },
            env: options.env ?? process.env,
            ...(options.fetch ? { fetch: options.fetch } : {}),
        }, { clock: options.clock, logger, signal: options.signal });
        if (!progress.health.passed)
            throw new deploy_failure/* DeployFailure */.Q(options.signal?.aborted ? 'interrupted' : 'health', progress.health.reason ?? 'the health checks failed');
    }
}
/**
 * Reads back what the apply wrote until it matches the plan or the settle window is over
 * (reads lag writes on the real service). A read that keeps failing fails the verify, not the
 * apply. Returns the tables as read back: the guard's read with the written rows as they read now.
 */
async function verifyApplied(run, tableIds, options) {
    options.logger.info('▶ verify: reading back the rows written');
    const written = run.plan.tables.map((table, index) => writtenOf(table, run.live[index] ?? null, tableIds.get(table.name)));
    const settled = await (0,read_back/* settleWritten */.j)(options.tables, written, (after) => verifyTables(run.plan.tables, after, run.stamp), {
        clock: options.clock,
        logger: options.logger,
        windowMs: settleMsOf(options),
        what: 'verify',
        signal: options.signal,
    }).catch((error) => {
        if (error instanceof settle/* SettleAborted */.jf)
            throw new deploy_failure/* DeployFailure */.Q('interrupted', error.message);
        throw new deploy_failure/* DeployFailure */.Q('verify', `The tables could not be read back: ${(0,errors/* describeError */.Uc)(error)}`);
    });
    const mismatches = settled.differences;
    if (mismatches.length > 0) {
        throw new deploy_failure/* DeployFailure */.Q('verify', `The tables read back differ from the plan in ${mismatches.length} place(s) after ${Math.round(settled.elapsedMs / 1000)} s of reading.`, mismatches.slice(0, 20).map((item) => item.message));
    }
    options.logger.info('verified: every written row reads back as planned');
    return settled.value;
}
/** A table plan as written: its rows created, updated and deleted, and the count it should have. */
function writtenOf(table, before, id) {
    return {
        name: table.name,
        id,
        before,
        keys: [...table.creates, ...table.updates, ...table.deletes].map((item) => item.key),
        expectedRows: table.liveRowCount + table.creates.length - table.deletes.length,
        definitionChanged: table.schemaChanges.length > 0,
    };
}
const settleMsOf = (options) => options.settleMs ?? settle/* DEFAULT_SETTLE_MS */.dk;

;// CONCATENATED MODULE: ./src/deploy/rollback-step.ts










/**
 * A restore that reports, rather than throws, when it cannot finish. It starts only once
 * nothing of ours can still change the tables (see {@link waitForQuiet}).
 */
async function restoreSafely(files, location, options) {
    const { context, createdTables } = options;
    const unfinished = (message) => ({
        restored: false,
        tables: [],
        remaining: [{ table: '', message }],
        failures: [message],
        leftInPlace: [],
        operations: 0,
    });
    try {
        const backup = (0,deploy_backup/* parseBackup */.OD)(files, location, { signingKey: options.signingKey });
        const running = await waitForQuiet(options.tables, options.settleMs, options.clock, options.logger);
        if (running.length > 0) {
            const report = unfinished(`the restore was not started, so that ${running.join(', ')} (still running) cannot undo it; restore the backup once the job has ended`);
            // Still say exactly what differs from the backup now.
            const live = await (0,snapshot/* readTables */.gb)(options.tables, backup.tables.map((table) => ({ id: table.id })));
            report.remaining.push(...(0,restore_plans/* restoreDifferences */.nO)(backup, live, options.ratePerMinute ?? 300));
            return report;
        }
        // Restoring must not stop at the interruption that caused it.
        return await (0,restore/* restoreBackup */.dH)(backup, { ...context, signal: undefined }, options.ratePerMinute, {
            createdTables,
            settleMs: options.settleMs,
            touched: options.touched,
        });
    }
    catch (error) {
        return unfinished(`the restore itself failed: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
/**
 * Before a restore: no request of ours in flight, no import job of ours running (each is polled
 * to its end, within the job time limit), and no write whose answer was lost able to land any
 * more (the service applies a request even when its client gave up, so such a write could undo
 * the restore: wait the settle window from when it was given up). Returns jobs still running.
 */
async function waitForQuiet(tables, settleMs, clock, logger) {
    await tables.idle();
    if (tables.inDoubt().jobs.length > 0) {
        logger.info('waiting for the import jobs of this deploy to end before restoring');
        const running = await tables.finishJobs(settleMs);
        if (running.length > 0)
            return running;
    }
    const { writes } = tables.inDoubt();
    if (writes.lastAt !== undefined) {
        const wait = writes.lastAt + settleMs - clock.now();
        if (wait > 0) {
            logger.info(`${writes.count} write(s) of this deploy got no answer and may still land; waiting ${Math.ceil(wait / 1000)} s before restoring`);
            await clock.sleep(wait);
        }
    }
    return [];
}
/** After a failure past the backup: restore it, mark the restored tables, and report. */
async function rollBack(run, failure, how) {
    const { options, context, journal, backup } = how;
    const { logger } = options;
    const { plan, deployId } = run;
    const version = run.stamp.version;
    logger.warn(`deploy failed (${failure.phase}): ${failure.message}`);
    for (const detail of failure.details)
        logger.warn(`  ${detail}`);
    logger.info(`▶ rollback: restoring the backup ${backup}`);
    const restore = await restoreSafely(how.files, backup, {
        ...options,
        settleMs: settleMsOf(options),
        context,
        createdTables: journal.created,
        touched: touchedKeys(plan, journal),
    });
    const news = restore.restored
        ? await tellRolledBack(options, { plan, version, deployId, context, created: journal.created })
        : {};
    if (news.problem) {
        restore.restored = false;
        restore.remaining.push({ table: options.versionsTable ?? '', message: news.problem });
    }
    const outcome = restore.restored ? 'rolled-back' : 'rollback-failed';
    if (restore.restored)
        logger.info(`rolled back: the live tables equal the backup again (${restore.operations} operations)`);
    else
        logger.warn(`the rollback did not finish; still different:\n  ${restore.remaining.map((item) => item.message).join('\n  ')}\nThe backup is at ${backup}.`);
    return {
        outcome,
        ...runFacts(run),
        backup,
        operations: how.operations,
        failure: { phase: failure.phase, message: failure.message, details: failure.details },
        restore,
        health: how.health,
        webhooks: news.webhooks,
    };
}
/**
 * The rows the deploy wrote or may have written: the keys it started a write for, and every
 * upserted key of a table it started an import job on (the job's rows are not journaled one by one).
 */
function touchedKeys(plan, journal) {
    const touched = new Map();
    for (const table of plan.tables) {
        const keys = new Set(journal.touched.get(table.name) ?? []);
        if (journal.imported.has(table.name))
            for (const item of [...table.creates, ...table.updates])
                keys.add(item.key);
        if (keys.size > 0)
            touched.set(table.name, keys);
    }
    return touched;
}

;// CONCATENATED MODULE: ./src/deploy/pipeline.ts










/**
 * The deploy pipeline over one plan: stale-plan guard → backup → apply → verify → health
 * checks → (on any failure after the backup) restore → webhooks. A stale plan ends `refused`
 * before any write. Each table is read once: the guard's read (or the plan's own, see
 * {@link PlanRead}) is the backup, and the verify reads back only what was written.
 */
async function runDeploy(options) {
    const { plan, logger } = options;
    if (options.versionsTable)
        (0,versions_table/* refuseConfiguredVersionsTable */.A9)(plan, options.versionsTable);
    if (plan.verdict === 'blocked') {
        throw new errors/* ConfigurationError */.j1('The plan is blocked: Genesys would refuse part of it.', 'Plan again to see which change Genesys would refuse, and fix the config.');
    }
    if (plan.verdict === 'no-changes') {
        logger.info('No changes: the live tables already match the config.');
        return { outcome: 'no-changes', operations: 0 };
    }
    const guarded = await (0,guard/* guardPlan */.V)(plan, options).catch((error) => {
        if (error instanceof errors/* RefusedError */.fk)
            return error;
        throw error;
    });
    if (guarded instanceof errors/* RefusedError */.fk)
        return { outcome: 'refused', operations: 0, refusal: { message: guarded.message, fix: guarded.hint } };
    const run = startRun(plan, guarded, options);
    const { files, backup } = await backUp(run, options);
    // The rollback below may delete only the tables this deploy created: the journal says which.
    const journal = new deploy_journal/* CreatedTablesRecorder */.Sq(options.journal);
    const context = {
        tables: options.tables,
        journal,
        logger,
        clock: options.clock,
        signal: options.signal,
        progressIntervalMs: options.progressIntervalMs,
    };
    const progress = { operations: 0 };
    try {
        await applyAndCheck(run, options, context, progress);
    }
    catch (error) {
        const failure = error instanceof deploy_failure/* DeployFailure */.Q
            ? error
            : new deploy_failure/* DeployFailure */.Q(options.signal?.aborted ? 'interrupted' : 'apply', (0,errors/* describeError */.Uc)(error));
        return rollBack(run, failure, { options, context, journal, files, backup, ...progress });
    }
    const { version } = run.stamp;
    const webhooks = await tellDeployed(options, { plan, version, deployId: run.deployId });
    return { outcome: 'applied', ...runFacts(run), backup, ...progress, webhooks };
}
/** The run once the guard has passed: its version, above every version anything keeps, and its id. */
function startRun(plan, guarded, options) {
    const { live, versions } = guarded;
    const version = Math.max(nextVersion(plan, live), (0,versions_table/* highestMarked */.Pe)(versions?.live ?? null) + 1);
    const versioned = versions !== undefined || plan.tables.some((table) => table.managed.version);
    const deployId = options.deployId ?? (0,external_node_crypto_.randomUUID)();
    return { plan, live, versions, stamp: { version, actor: options.actor }, deployId, versioned };
}
/** The facts of a run every result past the guard carries. */
const runFacts = (run) => ({
    version: run.stamp.version,
    versioned: run.versioned,
    deployId: run.deployId,
});
/** Stores the backup (the guard's read) before the first write; returns its files and location. */
async function backUp(run, options) {
    const { live } = run;
    options.logger.info('▶ backup');
    const files = backupFilesOf(run.plan, live, options);
    const backup = await options.backups.save(options.backupName, files);
    const rows = live.reduce((sum, table) => sum + (table?.rows.length ?? 0), 0);
    options.logger.info(`backed up ${live.filter(Boolean).length} table(s), ${rows} rows, to ${backup}`);
    await options.onBackedUp?.(backup);
    return { files, backup };
}

/**
 * The backup of the live tables as read by the stale-plan guard, bound to the plan's org,
 * environment and deployment, and signed when a key is given.
 */
function backupFilesOf(plan, live, options) {
    return (0,deploy_backup/* backupFiles */.U_)({
        manifest: {
            createdAt: new Date(options.clock.now()).toISOString(),
            apiHost: plan.apiHost,
            environment: plan.environment,
            deployment: plan.deployment,
            gitSha: options.gitSha,
            planDigest: plan.digest,
        },
        tables: plan.tables.map((table, index) => {
            const current = live[index];
            if (!current)
                return { name: table.name, existed: false };
            return {
                id: current.id,
                name: current.name,
                description: current.description,
                division: current.divisionRef,
                schema: current.schema,
                rows: current.rows,
            };
        }),
    }, options.signingKey);
}
/** One more than the highest version in any managed version column of the plan's tables. */
function nextVersion(plan, live) {
    let highest = 0;
    plan.tables.forEach((table, index) => {
        const column = table.managed.version;
        if (!column)
            return;
        for (const row of live[index]?.rows ?? []) {
            const value = Number(row[column]);
            if (Number.isFinite(value) && value > highest)
                highest = value;
        }
    });
    return highest + 1;
}

// EXTERNAL MODULE: ./src/plan/render-markdown.ts
var render_markdown = __webpack_require__(65153);
// EXTERNAL MODULE: ./src/action/artifact-store.ts
var artifact_store = __webpack_require__(1866);
// EXTERNAL MODULE: ./src/action/approval.ts + 1 modules
var approval = __webpack_require__(34445);
// EXTERNAL MODULE: ./src/policy/window-gate.ts
var window_gate = __webpack_require__(39642);
;// CONCATENATED MODULE: ./src/action/deploy-gate.ts


const branchOf = (ref) => ref.replace(/^refs\/heads\//, '');
/**
 * The commits whose policy judges this deploy, the one whose approvers count first: for a push,
 * where the branch pointed before it; for a manual run, the commit before the merged pull
 * request landed (see {@link commitBeforePullRequest}). The pull request's recorded base is
 * added as a further, only stricter, base.
 */
async function policyBases(context, pr) {
    const { run } = context;
    const primary = run.eventName === 'push' && run.before
        ? run.before
        : await commitBeforePullRequest(context, run.sha, pr?.number);
    return [primary, pr?.baseSha].filter((sha) => Boolean(sha));
}
/** How far back a rebase merge is followed: GitHub rebases at most 100 commits. */
const MAX_REBASED_COMMITS = 100;
/**
 * The commit the branch pointed at before `sha` landed: the first parent of a merge commit; for
 * a squash or rebase merge, the first ancestor that is not one of the pull request's own
 * commits. (A pull request's recorded base is where it was opened or last updated, which may be
 * long before it merged, so it cannot serve as the base whose approvers count.)
 */
async function commitBeforePullRequest(context, sha, pull) {
    let current = sha;
    for (let step = 0; step < MAX_REBASED_COMMITS; step++) {
        const parents = await context.github.parentsOf(current);
        const first = parents[0];
        if (!first || parents.length > 1 || pull === undefined)
            return first;
        const owners = await context.github.pullRequestsForCommit(first);
        if (!owners.some((candidate) => candidate.number === pull))
            return first;
        current = first;
    }
    return undefined;
}
/**
 * May this deploy go ahead (its origin checked first, by {@link checkOrigin})? Checks the approval of this exact plan on the pull request merged into the commit (when the
 * plan or a policy change needs one), and the change window. Returns the clearance, or why not.
 */
async function clearDeploy(context, plan, policy, pr, identity) {
    const needsApproval = plan.verdict === 'needs-approval' || policy.changed;
    // The reviews are read only when they matter: for the approval, or to grant an override.
    let judged;
    const judge = () => (judged ??=
        pr && identity
            ? (0,approval/* judgeApproval */.bA)(context, { digest: plan.digest, pr, policy: policy.policy, identity })
            : Promise.resolve(undefined));
    const gate = needsApproval ? await judge() : undefined;
    if (needsApproval) {
        const why = policy.changed ? 'The policy file changes' : 'This plan crosses a threshold';
        if (!identity)
            return `${why}, so it needs an approval, and this run could not set its commit status, so it cannot tell which plan announcements are its own. Grant the workflow "statuses: write". Nothing was written.`;
        if (!pr)
            return `${why}, so it needs an approval, and no pull request was merged into commit ${context.run.sha.slice(0, 7)}. Deploy through a reviewed pull request. Nothing was written.`;
        if (!gate.approved)
            return `${why}, so it needs an approval. ${(0,approval/* gateRefusal */.Gd)(gate, pr)} Nothing was written.`;
    }
    const { run, settings } = context;
    const now = new Date();
    const asksOverride = !(0,window_gate/* policyWindowStatus */.D)(policy.policy, now).open && Boolean(settings.emergencyReason?.trim());
    const approvals = asksOverride ? ((await judge())?.boundApprovals ?? []) : [];
    const window = (0,window_gate/* judgeWindow */._)(policy.policy, now, {
        reason: settings.emergencyReason,
        // Who asked: the one who started this attempt (a re-run keeps the first run's actor).
        grantors: [...(run.eventName === 'workflow_dispatch' ? [run.triggeringActor] : []), ...approvals],
    });
    if (!window.allowed)
        return window.refusal;
    if (window.override)
        context.io.warn(`Emergency override of the change window by ${window.override.grantedBy.join(', ')}: ${window.override.reason}`);
    return { pullRequest: pr?.number, approvedBy: gate?.approved ? gate.approvedBy : [], window };
}
/**
 * Where a deploy may come from: a push, or a manual run of the default branch, of the commit
 * that is the branch's head now. A re-run of an older run (GitHub keeps its commit) would put
 * back a superseded config, judged by a superseded policy: refused. Why not, else undefined.
 */
async function checkOrigin(context) {
    const { run } = context;
    if (run.eventName !== 'push' && run.eventName !== 'workflow_dispatch')
        return `Deploys run on push or workflow_dispatch events, not ${run.eventName}. Nothing was written.`;
    const main = run.defaultBranch;
    const kind = run.eventName === 'push' ? 'A push deploy' : 'A manual deploy';
    if (!main || branchOf(run.ref) !== main)
        return `${kind} runs only for the default branch${main ? ` (${main})` : ''}, not ${run.ref}. Merge the change through a reviewed pull request. Nothing was written.`;
    const relation = await context.github.compareCommits(main, run.sha);
    if (relation === 'behind')
        return `Commit ${run.sha.slice(0, 7)} is no longer the head of ${main}: a newer commit landed, and its deploy deploys this change too (where an approval is needed, of the combined plan). An older run is not deployed again, so that it cannot put back a superseded config. Nothing was written.`;
    if (relation !== 'identical')
        return `Commit ${run.sha.slice(0, 7)} is not on ${main} (${relation}); only the head of the default branch is deployed. Nothing was written.`;
    return undefined;
}
/**
 * The pull request merged into this commit: merged into the branch deployed, with this commit
 * as its merge (or squash, or last rebased) commit, or as its merged head. Open pull requests
 * that merely contain the commit never count.
 */
async function mergedPullRequest(context) {
    const { sha, ref } = context.run;
    const branch = branchOf(ref);
    const candidates = await context.github.pullRequestsForCommit(sha);
    return candidates.find((pr) => pr.mergedAt !== null && pr.baseRef === branch && (pr.mergeCommitSha === sha || pr.headSha === sha));
}

// EXTERNAL MODULE: ./src/deploy/differences.ts
var differences = __webpack_require__(98623);
// EXTERNAL MODULE: ./src/action/unfinished.ts
var action_unfinished = __webpack_require__(77061);
;// CONCATENATED MODULE: ./src/action/deploy-record.ts








/**
 * What a deploy run of the action leaves behind: its `result`, the job summary with what to do
 * next (in the action's terms: workflow runs and inputs), and the journal and audit record as
 * an artifact. The words of the outcome are the engine's (deploy/outcome.ts).
 */
/** The engine's outcome as the action's `result` output. */
const resultOf = (result) => result.outcome === 'rollback-failed' ? 'failed' : result.outcome;
const RUNBOOK = 'docs/runbook.md';
/** What to do next, in the action's terms; none after a deploy that ended well. */
function actionAdvice(run, result) {
    switch (result.outcome) {
        case 'refused':
            return result.refusal?.fix;
        case 'rolled-back':
            return `Fix the cause, then open a follow-up pull request that touches the config and have its plan approved (${RUNBOOK}, after exit code 4).`;
        case 'rollback-failed':
            return `Stop further deploys of this environment and remove the cause, then restore the backup again: run the rollback workflow (workflow_dispatch, mode "rollback") with backup-run-id ${run.runId}${result.backup ? ` and backup-artifact ${result.backup}` : ''} (${RUNBOOK}, after exit code 5).`;
        default:
            return undefined;
    }
}
/** Why the step fails, and what to do; undefined when the deploy applied (or had nothing to do). */
function failureOf(run, result) {
    const why = deployFailureText(result);
    if (why === undefined)
        return undefined;
    const advice = actionAdvice(run, result);
    return advice ? `${why} ${advice}` : why;
}
const ICONS = {
    'no-changes': '✅',
    applied: '✅',
    refused: '⛔',
    'rolled-back': '↩️',
    'rollback-failed': '❌',
};
/** The job summary of a deploy that ran: the headline, the cause and advice, the gate, the plan. */
function deploySummary(context, plan, result, { approvedBy, window }, unfinished) {
    const lines = [`### ${ICONS[result.outcome]} ${deployHeadline(result)}`, ''];
    const cause = result.failure?.message ?? result.refusal?.message;
    if (cause)
        lines.push(`**Cause:** ${cause}`, '');
    const advice = actionAdvice(context.run, result);
    if (advice)
        lines.push(`**Next:** ${advice}`, '');
    for (const item of unfinished)
        lines.push(`> ⚠️ ${(0,action_unfinished/* unfinishedAdvice */.sr)(item, 'deploy')}`, '');
    if (approvedBy.length > 0)
        lines.push(`Approved by ${approvedBy.join(', ')}.`);
    if (window.override)
        lines.push(`Emergency override by ${window.override.grantedBy.join(', ')}: ${window.override.reason} (the change window was ${window.status.text}).`);
    lines.push(`Backup artifact: ${result.backup ?? '—'} · ${plural(result.operations, 'operation')}.`);
    if (result.restore && !result.restore.restored)
        lines.push('', ...(0,differences/* restoreDifferencesMarkdown */.m)(result.restore));
    return `${lines.join('\n')}\n\n${(0,render_markdown/* renderMarkdown */.Gc)(plan, { maxLength: 900_000 })}`;
}
/** Uploads the journal and the audit record as the run's second artifact; a failure only warns. */
async function uploadJournal(context, journal, audit) {
    try {
        const files = new Map([
            ['journal.jsonl', await (0,promises_.readFile)(journal.path).catch(() => Buffer.from(''))],
            // What a health check printed is in there: masked like every other output.
            ['audit.json', Buffer.from((0,src_secrets/* maskSecrets */.QU)(`${JSON.stringify(audit, null, 2)}\n`))],
        ]);
        await (0,artifact_store/* uploadFiles */.Zn)(await context.artifacts(), journalArtifactName(context), files, context.settings.backupRetentionDays);
    }
    catch (error) {
        context.io.warn(`The journal and audit record could not be uploaded: ${(0,errors/* describeError */.Uc)(error)}`);
    }
}
/** The names of this run's artifacts: the backup, and its journal twin (see mode-rollback.ts). */
const backupArtifactName = (context) => `datatable-backup-${context.settings.deployment}-${context.run.runId}-${context.run.runAttempt}`;
const journalArtifactName = (context) => backupArtifactName(context).replace(/^datatable-backup-/, 'datatable-journal-');
/** What the audit.json artifact records of a deploy: who, what, under which policy, and how it went. */
function auditRecord(context, cleared, result) {
    const { plan, clearance } = cleared;
    return {
        result: resultOf(result),
        outcome: result.outcome,
        digest: plan.digest,
        environment: plan.environment ?? null,
        approvedBy: clearance.approvedBy,
        pullRequest: clearance.pullRequest ?? null,
        policy: cleared.policy.policy.source,
        policyChanged: cleared.policy.changed,
        window: clearance.window.status.text,
        emergencyOverride: clearance.window.override ?? null,
        actor: context.run.actor,
        triggeredBy: context.run.triggeringActor,
        commit: context.run.sha,
        run: { id: context.run.runId, attempt: context.run.runAttempt },
        backupArtifactId: result.backup ?? null,
        version: result.version ?? null,
        operations: result.operations,
        apiCalls: context.genesys().http.stats().requests,
        totals: plan.totals,
        failure: result.failure ?? null,
        restored: result.restore?.restored ?? null,
    };
}

// EXTERNAL MODULE: ./src/action/lock.ts
var lock = __webpack_require__(53491);
// EXTERNAL MODULE: ./src/action/planning.ts + 17 modules
var planning = __webpack_require__(52832);
// EXTERNAL MODULE: ./src/action/policy-source.ts
var policy_source = __webpack_require__(28218);
;// CONCATENATED MODULE: ./src/action/mode-deploy.ts
















/**
 * On a push to the default branch (or a manual run of it): plan again under the policy of the
 * commit before, clear the gate (the merged pull request approved this exact plan, when needed;
 * the change window), then the deploy pipeline with the backup as an artifact, and the journal
 * and an audit record as a second artifact. The deployed commit gets a status of its own.
 */
async function runDeployMode(context) {
    const origin = await checkOrigin(context);
    if (origin) {
        await context.io.summary(`### ⛔ Deploy refused\n\n${origin}`);
        return { result: 'refused', outputs: { approved: 'false' }, failure: origin };
    }
    const pr = await mergedPullRequest(context);
    const source = await (0,policy_source/* policyForAction */.W)(context, {
        bases: await policyBases(context, pr),
        head: context.run.sha,
        alsoHead: true,
    });
    const planned = await (0,planning/* planForAction */.Vp)(context, source);
    if (!planned)
        return planning.INVALID_CONFIG;
    const { plan } = planned;
    const policy = { policy: planned.policy, changed: source.changed };
    const outputs = (0,planning/* planOutputs */.iS)(plan);
    if (plan.verdict === 'no-changes') {
        await context.io.summary((0,render_markdown/* renderMarkdown */.Gc)(plan));
        return { result: 'no-changes', outputs: { ...outputs, approved: 'true' } };
    }
    if (plan.verdict === 'blocked')
        return {
            result: 'failed',
            outputs,
            failure: 'The plan is blocked: Genesys would refuse part of it. Run the plan on a pull request to see why.',
        };
    const sha = context.run.sha;
    // Read before this run's first status: a re-run of a killed deploy would hide its record.
    const unfinished = await (0,action_unfinished/* unfinishedDeploys */.Ix)(context, [sha, context.run.before]);
    for (const item of unfinished)
        context.io.warn((0,action_unfinished/* unfinishedAdvice */.sr)(item, 'deploy'));
    // A re-run of a commit whose deploy never ended keeps that deploy's record until it is dealt with.
    const earlier = unfinished.find((item) => item.sha === sha);
    const identity = earlier
        ? await (0,approval/* setDeployStatus */.YQ)(context, sha, 'pending', earlier.digest, (0,action_unfinished/* deployingText */.H$)(earlier.backupArtifact))
        : await (0,approval/* setDeployStatus */.YQ)(context, sha, 'pending', plan.digest, 'Checking the gate');
    const clearance = await clearDeploy(context, plan, policy, pr, identity);
    if (typeof clearance === 'string') {
        await endStatus(context, unfinished, 'failure', plan.digest, 'Refused by the gate');
        await context.io.summary(`### ⛔ Deploy refused\n\n${clearance}\n\n${(0,render_markdown/* renderMarkdown */.Gc)(plan)}`);
        return { result: 'refused', outputs: { ...outputs, approved: 'false' }, failure: clearance };
    }
    return deployCleared(context, { plan, policy, clearance, outputs, unfinished, planRead: planned.planRead });
}
/**
 * A deploy the gate cleared: the lock, the pipeline with the backup as an artifact, the journal
 * and audit record as a second artifact, the summary and the deployed commit's status.
 */
async function deployCleared(context, cleared) {
    const { plan, clearance, outputs } = cleared;
    const busy = await (0,lock/* otherDeployInProgress */.W)(context);
    if (busy) {
        await endStatus(context, cleared.unfinished, 'failure', plan.digest, 'Refused: another deploy is running');
        return { result: 'refused', outputs, failure: busy };
    }
    // Written line by line as the deploy goes (fsync'd before each call): a cancelled run's
    // journal holds everything up to the moment it stopped.
    const journal = new deploy_journal/* FileJournal */.GH((0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `${journalArtifactName(context)}.jsonl`));
    let result;
    try {
        result = await runDeploy(await deployOptions(context, cleared, journal));
    }
    finally {
        journal.close();
    }
    if (result.outcome === 'refused') {
        await endStatus(context, cleared.unfinished, 'failure', plan.digest, deployStatusText(result));
        const failure = failureOf(context.run, result);
        await context.io.summary(`### ⛔ Deploy refused\n\n${failure}`);
        return { result: 'refused', outputs, failure };
    }
    await uploadJournal(context, journal, auditRecord(context, cleared, result));
    const applied = result.outcome === 'applied';
    if (applied)
        for (const item of cleared.unfinished)
            await (0,action_unfinished/* settleUnfinished */.R3)(context, item, `Unfinished; superseded by run ${context.run.runId}`);
    await context.io.summary(deploySummary(context, plan, result, clearance, cleared.unfinished));
    await endStatus(context, applied ? [] : cleared.unfinished, applied ? 'success' : 'failure', plan.digest, deployStatusText(result));
    return {
        result: resultOf(result),
        outputs: {
            ...outputs,
            approved: 'true',
            'deploy-version': String(result.version ?? ''),
            'backup-artifact-id': result.backup ?? '',
        },
        failure: failureOf(context.run, result),
    };
}
/** The pipeline's options in the action: the inputs, the artifact store, the runner's log. */
async function deployOptions(context, cleared, journal) {
    const { settings, run } = context;
    const { plan } = cleared;
    return {
        plan,
        tables: context.genesys().tables,
        backups: new artifact_store/* ArtifactBackupStore */.oW(context.artifacts, { retentionDays: settings.backupRetentionDays }),
        backupName: backupArtifactName(context),
        journal,
        logger: context.io,
        clock: clock/* systemClock */.m,
        actor: run.actor,
        health: await healthChecks(context),
        env: process.env,
        webhooks: settings.webhookUrls.length > 0
            ? { urls: settings.webhookUrls, secret: settings.webhookSecret }
            : undefined,
        gitSha: run.sha,
        versionsTable: settings.versionsTable,
        ratePerMinute: settings.connection.rateLimitPerMinute,
        signingKey: settings.signingKey,
        settleMs: settings.settleMs,
        signal: context.signal,
        planRead: cleared.planRead,
        // The durable record of a deploy under way: if this run dies, the next one finds it here.
        onBackedUp: async (location) => {
            await (0,approval/* setDeployStatus */.YQ)(context, run.sha, 'pending', plan.digest, (0,action_unfinished/* deployingText */.H$)(location));
            await context.io.summary(`### ⏳ Deploy started\n\nBackup artifact ${location} holds the tables as they were. If this run ends before its result below, restore it: run the rollback workflow (workflow_dispatch, mode "rollback") with backup-run-id ${run.runId} and backup-artifact ${location}.\n`);
        },
    };
}
/**
 * Sets this run's final deploy status on its commit. When an earlier deploy of the same commit
 * never ended and this run did not deal with it, its record (the backup to restore) is put back.
 */
async function endStatus(context, unfinished, state, digest, text) {
    const sha = context.run.sha;
    await (0,approval/* setDeployStatus */.YQ)(context, sha, state, digest, text);
    for (const item of unfinished)
        if (item.sha === sha)
            await (0,approval/* setDeployStatus */.YQ)(context, sha, 'pending', item.digest, (0,action_unfinished/* deployingText */.H$)(item.backupArtifact));
}
/** The health-check input: a path in the repository, or the YAML itself; bake-seconds overrides. */
function healthChecks(context) {
    const { healthChecks: input, bakeSeconds } = context.settings;
    if (!input)
        return undefined;
    return loadHealthChecks({ input, baseDir: context.run.workspace, option: 'health-checks', inline: true, bakeSeconds }, process.env);
}


/***/ }),

/***/ 65153:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* unused harmony exports DEFAULT_MARKDOWN_LIMIT, planMarker, formatDuration */
/* harmony import */ var _display_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65641);

/** GitHub refuses comment bodies over 65,536 characters; stay well below, for the wrappers. */
const DEFAULT_MARKDOWN_LIMIT = 60_000;
const VERDICTS = {
    'no-changes': '✅ **No changes.** The live tables already match the config.',
    'within-threshold': '✅ **Within thresholds.** This plan can be deployed without an approval.',
    'needs-approval': '⚠️ **Needs approval.** An approval of this exact plan is required before it deploys:',
    blocked: '⛔ **Blocked.** Genesys would refuse part of this plan; fix the config first:',
};
/** The hidden marker that identifies a plan comment and the digest it shows. */
function planMarker(plan) {
    return `<!-- datatable-deploy:plan environment=${plan.environment ?? '-'} digest=${plan.digest} -->`;
}
/**
 * The plan as a PR comment. Its length never exceeds `maxLength`, by construction: the summary
 * always fits (long lists are cut with a count), and each table's detail gets a fair share of
 * what is left, row by row, with a note of how many rows did not fit.
 */
function renderMarkdown(plan, options = {}) {
    const limit = options.maxLength ?? DEFAULT_MARKDOWN_LIMIT;
    const location = options.fullPlanLocation ?? 'the plan file (`datatable-deploy plan --out FILE`)';
    const head = renderHead(plan, options.title);
    const tail = renderTail(plan);
    let budget = limit - head.length - tail.length - 2;
    const changed = plan.tables.filter(hasChanges);
    const details = [];
    changed.forEach((table, index) => {
        const share = Math.floor(budget / (changed.length - index));
        const block = renderTableDetail(table, share, location);
        if (block.length <= budget) {
            details.push(block);
            budget -= block.length;
        }
    });
    const omitted = changed.length - details.length;
    if (omitted > 0) {
        const note = `\n_The detail of ${omitted} more table${omitted === 1 ? '' : 's'} is in ${location}._\n`;
        if (note.length <= budget)
            details.push(note);
    }
    return fitTo(`${head}${details.join('')}${tail}`, limit);
}
function hasChanges(table) {
    return (table.creates.length +
        table.updates.length +
        table.deletes.length +
        table.schemaChanges.length +
        table.blocked.length >
        0);
}
function renderHead(plan, title) {
    const lines = [planMarker(plan)];
    const environment = plan.environment ? ` · ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(plan.environment)}` : '';
    lines.push(`### 📋 datatable-deploy plan${title ? ` · ${escapeText(title)}` : ''}${environment}`, '');
    lines.push(VERDICTS[plan.verdict]);
    const reasons = plan.verdict === 'blocked'
        ? plan.tables.flatMap((table) => table.blocked.map((item) => `${escapeText(table.name)}: ${escapeText(item.message)}${item.hint ? ` _Fix:_ ${escapeText(item.hint)}` : ''}`))
        : plan.verdict === 'needs-approval'
            ? plan.thresholds.map((crossing) => escapeText(crossing.message))
            : [];
    lines.push(...capped(reasons.map((reason) => `- ${reason}`), 20, (more) => `- …and ${more} more`));
    lines.push('');
    for (const table of plan.tables.filter((item) => item.tombstone)) {
        const text = escapeText((0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .tombstoneText */ .vu)(table));
        lines.push(table.id ? `**🗑️ ${text}**` : `_${text}._`, '');
    }
    const { totals } = plan;
    lines.push(`**${totals.creates}** to create · **${totals.updates}** to update · **${totals.deletes}** to delete · ${totals.unchanged} unchanged` +
        ` · ${totals.schemaChanges} schema change${totals.schemaChanges === 1 ? '' : 's'} · about ${totals.calls} API calls (~${formatDuration(totals.seconds)})`, '');
    if (plan.tables.length > 0) {
        lines.push('| table | + created | ~ updated | − deleted | unchanged | schema | API calls |', '| --- | ---: | ---: | ---: | ---: | --- | ---: |');
        const rows = plan.tables.map((table) => {
            const schema = table.blocked.length > 0
                ? '⛔ blocked'
                : table.schemaChanges
                    .map((change) => change.kind === 'create-table'
                    ? 'new table'
                    : change.kind === 'delete-table'
                        ? 'DELETE TABLE'
                        : `+ ${change.column}`)
                    .join(', ') || (table.tombstone ? 'already gone' : '—');
            const deleted = table.deletes.length > 0 ? `**${table.deletes.length}**` : '0';
            return `| ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(table.name)} | ${table.creates.length} | ${table.updates.length} | ${deleted} | ${table.unchanged} | ${escapeText(shorten(schema, 80))} | ${table.prediction.calls} |`;
        });
        lines.push(...capped(rows, 60, (more) => `| …and ${more} more tables | | | | | | |`));
    }
    lines.push('');
    return `${lines.join('\n')}\n`;
}
function renderTail(plan) {
    const host = plan.apiHost ? ` against \`${plan.apiHost}\`` : '';
    return `\n<sub>Plan \`${plan.digest.slice(0, 19)}…\` computed${host} at ${plan.createdAt}. An approval applies to this plan only; any change to the config or the live tables makes a new one.</sub>\n`;
}
/** One table's `<details>` block, at most `budget` characters, rows cut with a count. */
function renderTableDetail(table, budget, location) {
    const counts = `+${table.creates.length} ~${table.updates.length} −${table.deletes.length}`;
    const open = `<details${table.deletes.length > 0 || table.blocked.length > 0 || table.tombstone ? ' open' : ''}><summary><b>${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(table.name)}</b> · ${counts} · ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(table.file)}</summary>\n\n`;
    const close = '\n</details>\n';
    // Lines are produced lazily: a 100,000-row table shows a few hundred of them.
    const sections = [];
    if (table.schemaChanges.length > 0) {
        sections.push({
            title: '**Schema**',
            header: '| change | column | type |\n| --- | --- | --- |',
            count: table.schemaChanges.length,
            lines: () => table.schemaChanges.map((change) => change.kind === 'create-table'
                ? `| create table | ${change.columns} columns | |`
                : change.kind === 'delete-table'
                    ? `| **DELETE TABLE** | ${change.rows} rows | |`
                    : `| add column | ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(change.column)} | ${change.type} |`),
        });
    }
    if (table.deletes.length > 0) {
        sections.push({
            title: `**🗑️ Deleted (${table.deletes.length})**`,
            header: '| key | row as it is now |\n| --- | --- |',
            count: table.deletes.length,
            lines: () => mapLazily(table.deletes, (item) => `| ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(item.key)} | ${rowSummary(item.row)} |`),
        });
    }
    if (table.updates.length > 0) {
        sections.push({
            title: `**Updated (${table.updates.length})**`,
            header: '| key | column | before | after |\n| --- | --- | --- | --- |',
            count: table.updates.reduce((sum, update) => sum + update.cells.length, 0),
            lines: function* () {
                for (const update of table.updates) {
                    for (const [index, cell] of update.cells.entries()) {
                        yield `| ${index === 0 ? (0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(update.key) : ''} | ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(cell.column)} | ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownValue */ .dI)(cell.before)} | ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownValue */ .dI)(cell.after)} |`;
                    }
                }
            },
        });
    }
    if (table.creates.length > 0) {
        sections.push({
            title: `**Created (${table.creates.length})**`,
            header: '| key | cells |\n| --- | --- |',
            count: table.creates.length,
            lines: () => mapLazily(table.creates, (item) => `| ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(item.key)} | ${rowSummary(item.row)} |`),
        });
    }
    const prediction = `\n_About ${table.prediction.calls} API calls (~${formatDuration(table.prediction.seconds)}) with ${table.prediction.strategy === 'import' ? 'a CSV import job' : 'row calls'}._\n`;
    // Reserve room for the wrapper, the prediction and a "not shown" note in each section.
    const reserve = open.length + close.length + prediction.length + sections.length * 120;
    let room = budget - reserve;
    const parts = [];
    for (const section of sections) {
        const intro = `${section.title}\n\n${section.header}\n`;
        if (room < intro.length + 50) {
            parts.push(`${section.title}: ${section.count} lines not shown; see ${location}.\n\n`);
            continue;
        }
        room -= intro.length;
        let shown = 0;
        const lines = [];
        for (const line of section.lines()) {
            if (line.length + 1 > room)
                break;
            lines.push(line);
            room -= line.length + 1;
            shown += 1;
        }
        const rest = section.count - shown;
        parts.push(`${intro}${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${rest > 0 ? `\n_…and ${rest} more lines; see ${location}._\n` : ''}\n`);
    }
    const block = `${open}${parts.join('')}${prediction}${close}`;
    return block.length <= budget ? block : '';
}
function rowSummary(row) {
    const cells = Object.entries(row).filter(([column]) => column !== 'key');
    if (cells.length === 0)
        return '<i>(defaults)</i>';
    const text = cells
        .map(([column, value]) => `${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownCode */ .D9)(column)}: ${(0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .markdownValue */ .dI)(value, 60)}`)
        .join(', ');
    return text.length > 600 ? `${text.slice(0, text.lastIndexOf(', ', 600))}, …` : text;
}
function* mapLazily(items, render) {
    for (const item of items)
        yield render(item);
}
function capped(lines, max, more) {
    return lines.length <= max ? lines : [...lines.slice(0, max), more(lines.length - max)];
}
function shorten(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
/** Prose from the config (table names, messages): markup, mentions and references neutralised. */
function escapeText(text) {
    return (0,_display_js__WEBPACK_IMPORTED_MODULE_0__/* .htmlText */ .js)(text).replace(/([\\`*_[\]|~])/g, '\\$1');
}
function formatDuration(seconds) {
    if (seconds < 60)
        return `${Math.max(1, Math.round(seconds))} s`;
    const minutes = Math.floor(seconds / 60);
    return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
/** A last guard: should the estimate above ever be off, cut at a line and say so. */
function fitTo(text, limit) {
    if (text.length <= limit)
        return text;
    const note = '\n\n_The plan was cut to fit in a comment; the full plan is in the job summary._\n';
    const cut = text.lastIndexOf('\n', limit - note.length);
    return `${text.slice(0, cut)}${note}`;
}


/***/ })

};
