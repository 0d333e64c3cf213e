export const id = 510;
export const ids = [510];
export const modules = {

/***/ 76089:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XZ: () => (/* binding */ announcePlan),
  ji: () => (/* binding */ deployStatusContext),
  Gd: () => (/* binding */ gateRefusal),
  bA: () => (/* binding */ judgeApproval),
  YQ: () => (/* binding */ setDeployStatus)
});

// UNUSED EXPORTS: announcementsOn, statusDescription

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(64533);
// EXTERNAL MODULE: ./src/action/context.ts
var action_context = __webpack_require__(11776);
;// CONCATENATED MODULE: ./src/action/gate.ts
const MAY_APPROVE = new Set(['admin', 'maintain', 'write']);
/**
 * The approval rule. Per reviewer only the latest review that is not a comment counts (as on
 * GitHub: a COMMENTED review after an APPROVED one does not withdraw it). An approval counts
 * when it is of the current head commit, bound to this plan's digest (see {@link boundDigest}),
 * from an eligible reviewer who is not the author. A standing CHANGES_REQUESTED from any eligible
 * reviewer shuts the gate until that reviewer approves or the review is dismissed.
 */
function evaluateGate(input) {
    const latest = latestReviews(input.reviews);
    const author = input.author.toLowerCase();
    const eligible = (user) => user !== author &&
        (input.approvers.length > 0
            ? input.approvers.includes(user)
            : MAY_APPROVE.has(input.permissions.get(user) ?? 'none')) &&
        (input.narrowedTo.length === 0 || input.narrowedTo.includes(user));
    const decision = {
        approved: false,
        required: input.required,
        approvedBy: [],
        boundApprovals: [],
        ignored: [],
        changesRequestedBy: [],
    };
    for (const [user, review] of latest) {
        if (review.state === 'CHANGES_REQUESTED' && eligible(user))
            decision.changesRequestedBy.push(review.user);
        if (review.state === 'DISMISSED')
            decision.ignored.push({ user: review.user, reason: 'the review was dismissed' });
        if (review.state !== 'APPROVED')
            continue;
        const unbound = whyNotBound(review, input);
        if (unbound) {
            decision.ignored.push({ user: review.user, reason: unbound });
            continue;
        }
        decision.boundApprovals.push(review.user);
        if (user === author)
            decision.ignored.push({ user: review.user, reason: 'authors cannot approve their own change' });
        else if (!eligible(user))
            decision.ignored.push({ user: review.user, reason: whyNotEligible(user, input) });
        else
            decision.approvedBy.push(review.user);
    }
    decision.approved =
        decision.changesRequestedBy.length === 0 && decision.approvedBy.length >= Math.max(1, input.required);
    return decision;
}
/** Each reviewer's latest review that is not a comment or pending, by lower-case login. */
function latestReviews(reviews) {
    const latest = new Map();
    for (const review of reviews) {
        const state = review.state.toUpperCase();
        if (state === 'COMMENTED' || state === 'PENDING')
            continue;
        latest.set(review.user.toLowerCase(), { ...review, state });
    }
    return latest;
}
/** Why an approval is not bound to the plan being judged, or undefined when it is. */
function whyNotBound(review, input) {
    if (review.commitId !== input.headSha)
        return `approved an older commit (${review.commitId.slice(0, 7)})`;
    const bound = boundDigest(input.announcements, review.submittedAt);
    if (bound.digest === undefined)
        return 'approved before any plan was announced on this commit';
    if (bound.changedAfter)
        return `approved plan ${gate_short(bound.digest)}, and a different plan was announced after the approval`;
    if (bound.digest !== input.digest)
        return `approved plan ${gate_short(bound.digest)}, not this plan`;
    return undefined;
}
/**
 * The digest an approval submitted at `at` binds to: the latest one announced at or before it.
 * `changedAfter` is true when another digest was announced after it. GitHub's times have whole
 * seconds, so an announcement in the same second may have come before or after: if that leaves
 * two possible digests, the approval binds to neither.
 */
function boundDigest(announcements, at) {
    const time = second(at);
    if (!Number.isFinite(time))
        return { digest: undefined, changedAfter: false };
    const timed = announcements
        .map((item) => ({ ...item, second: second(item.at) }))
        .filter((item) => Number.isFinite(item.second))
        .sort((a, b) => a.second - b.second);
    const before = timed.filter((item) => item.second < time).at(-1);
    const same = timed.filter((item) => item.second === time);
    const after = timed.filter((item) => item.second > time);
    const digest = same.at(-1)?.digest ?? before?.digest;
    if (digest === undefined)
        return { digest, changedAfter: false };
    const possible = new Set([...(before ? [before.digest] : []), ...same.map((item) => item.digest)]);
    return { digest, changedAfter: possible.size > 1 || after.some((item) => item.digest !== digest) };
}
/** The whole second of an ISO time: GitHub's resolution, whatever precision a time is given in. */
const second = (iso) => Math.floor(Date.parse(iso) / 1000);
function whyNotEligible(user, input) {
    if (input.narrowedTo.length > 0 && !input.narrowedTo.includes(user))
        return 'is not in the approvers input of this workflow';
    if (input.approvers.length > 0)
        return "is not among the policy's approvers";
    return `has ${input.permissions.get(user) ?? 'none'} permission; write, maintain or admin is needed`;
}
const gate_short = (digest) => `${digest.slice(0, 19)}…`;

;// CONCATENATED MODULE: ./src/action/approval.ts



const ANNOUNCED_DIGEST = /^plan (sha256:[0-9a-f]{64})(?:\s|$)/;
const STATUS_DESCRIPTION_LIMIT = 140;
/** A status description that starts with the plan's digest; only the text after it is cut to fit. */
function statusDescription(digest, text) {
    const head = `plan ${digest} · `;
    return `${head}${text}`.slice(0, Math.max(head.length, STATUS_DESCRIPTION_LIMIT));
}
/**
 * Sets the deployment's commit status, announcing the plan digest on that commit. Returns the
 * identity GitHub recorded as its creator: the only identity whose announcements count.
 */
async function announcePlan(context, sha, state, digest, text, kind = 'plan') {
    const { run, settings } = context;
    const status = await context.github.createStatus(sha, state, kind === 'plan' ? (0,action_context/* statusContext */.s)(settings.deployment) : deployStatusContext(settings.deployment), statusDescription(digest, text), `${run.serverUrl}/${run.repo.owner}/${run.repo.repo}/actions/runs/${run.runId}`);
    return status.creator;
}
/** The status a deploy sets on the commit it deploys; apart from the plans' so it announces nothing. */
const deployStatusContext = (deployment) => `${(0,action_context/* statusContext */.s)(deployment)}/deploy`;
/**
 * Like {@link announcePlan}, for the deploy's own status on the deployed commit. Returns the
 * token's identity, or undefined (with a warning) when the status cannot be set: then no
 * announcement can be trusted, and a deploy that needs an approval is refused. (Guessing the
 * workflow token's identity would trust exactly what any writer's branch workflow can write.)
 */
async function setDeployStatus(context, sha, state, digest, text) {
    try {
        return await announcePlan(context, sha, state, digest, text, 'deploy');
    }
    catch (error) {
        context.io.warn(`Could not set the commit status (grant "statuses: write"): ${(0,errors/* describeError */.Uc)(error)}.`);
        return undefined;
    }
}
/** The plans `identity` announced on a commit for this deployment, oldest first. */
async function announcementsOn(context, sha, identity) {
    const wanted = (0,action_context/* statusContext */.s)(context.settings.deployment);
    const statuses = await context.github.listStatuses(sha);
    return statuses
        .filter((status) => status.context === wanted && status.creator === identity)
        .flatMap((status) => {
        const digest = ANNOUNCED_DIGEST.exec(status.description)?.[1];
        return digest ? [{ digest, at: status.createdAt }] : [];
    })
        .reverse();
}
/** Judges a pull request's reviews against a plan digest, under the policy. */
async function judgeApproval(context, input) {
    const { pr, policy } = input;
    const [reviews, announcements] = await Promise.all([
        context.github.listReviews(pr.number),
        announcementsOn(context, pr.headSha, input.identity),
    ]);
    const users = [...new Set(reviews.map((review) => review.user.toLowerCase()))];
    const permissions = new Map(await Promise.all(users.map(async (user) => [user, await context.github.permissionOf(user)])));
    return evaluateGate({
        digest: input.digest,
        announcements,
        reviews,
        permissions,
        author: pr.author,
        headSha: pr.headSha,
        approvers: policy.approvals.approvers,
        narrowedTo: policy.approvals.narrowedTo,
        required: policy.approvals.required,
    });
}
/** Why the gate is shut, with the reviewers' reasons and what to do. */
function gateRefusal(gate, pr) {
    const reasons = gate.ignored.map((item) => `${item.user}: ${item.reason}`);
    if (gate.changesRequestedBy.length > 0)
        return `Pull request #${pr.number} has changes requested by ${gate.changesRequestedBy.join(', ')}; they must approve, or their review be dismissed.`;
    const stale = gate.ignored.some((item) => /not this plan|a different plan was announced/.test(item.reason));
    const advice = stale
        ? ' The plan changed since it was approved (a live edit, another deploy or merge, or a policy change). A merged pull request takes no new reviews: open a follow-up pull request that touches the config files, have its plan approved, and merge it.'
        : '';
    return `Pull request #${pr.number} has ${gate.approvedBy.length} of the ${gate.required} approval(s) of this exact plan it needs${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}.${advice}`;
}


/***/ }),

/***/ 11776:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ commentMarker),
/* harmony export */   s: () => (/* binding */ statusContext)
/* harmony export */ });
/** The commit status context of a deployment; branch protection can require it. */
const statusContext = (deployment) => `datatable-deploy/${deployment}`;
/** The hidden marker of the sticky plan comment, one per deployment. */
const commentMarker = (deployment) => `<!-- datatable-deploy:comment deployment=${deployment} -->`;


/***/ }),

/***/ 85579:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ policyForAction)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64533);
/* harmony import */ var _policy_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32310);


/**
 * The policy as it is on the base, read through the API, never from the checkout, so that a
 * change under review cannot judge itself. `bases`: the commits the change is judged against,
 * the first being the one whose approvers count (the pull request's base; for a deploy, where
 * the branch pointed before, and the merged pull request's base). With `alsoHead`, the head's
 * limits and windows apply too when they are stricter (a deploy honours a freeze the change
 * adds). Inputs only tighten it.
 */
async function policyForAction(context, commits) {
    const bases = [...new Set(commits.bases)];
    const [head, ...atBases] = await Promise.all([commits.head, ...bases].map((ref) => policyAt(context, ref)));
    const judged = atBases.length > 0 ? atBases : [head];
    if (!judged[0].file)
        context.io.info(`No ${judged[0].source}: the built-in defaults apply.`);
    const changed = atBases.some((base) => !sameBytes(base.bytes, head.bytes));
    if (changed)
        context.io.info(`The policy file ${_policy_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$} changes in this change: it needs an approval.`);
    const { settings } = context;
    const others = [...judged.slice(1), ...(commits.alsoHead && atBases.length > 0 ? [head] : [])];
    return {
        changed,
        of: (environment) => {
            const resolve = (at) => (0,_policy_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .policyFor */ .KV)(at.file, environment, at.file ? at.source : 'built-in defaults');
            return (0,_policy_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .tighten */ .kL)((0,_policy_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .strictest */ .OI)(resolve(judged[0]), others.map(resolve)), {
                thresholds: settings.thresholdLimits,
                requiredApprovals: settings.requiredApprovals,
                approvers: settings.approvers,
            });
        },
    };
}
async function policyAt(context, ref) {
    const source = `${_policy_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$} at ${/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 7) : ref}`;
    const bytes = await context.github.fileAt(_policy_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .POLICY_PATH */ .l$, ref);
    if (bytes === undefined)
        return { file: undefined, bytes, source };
    if (bytes === 'too-large')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${source} is larger than the 1 MB the contents API serves inline.`, 'A policy file is a few kilobytes: shorten it.');
    return { file: (0,_policy_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePolicy */ .ON)(source, bytes), bytes, source };
}
const sameBytes = (a, b) => a === undefined || b === undefined ? a === b : a.equals(b);


/***/ }),

/***/ 25234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S1: () => (/* binding */ serializePlan),
/* harmony export */   uD: () => (/* binding */ bindingMismatches),
/* harmony export */   zB: () => (/* binding */ describeBinding)
/* harmony export */ });
/* unused harmony exports readPlan, checkPlanBinding */
/* harmony import */ var _config_ajv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89464);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64533);
/* harmony import */ var _build_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70820);
/* harmony import */ var _signing_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31845);





/**
 * The plan's JSON form: the contract for scripts, and what `apply --plan` reads back. With a
 * signing key the file carries `signature`, over everything else in it.
 */
function serializePlan(plan, signingKey) {
    const { signature: _old, ...unsigned } = plan;
    const signed = signingKey === undefined
        ? unsigned
        : { ...unsigned, signature: (0,_signing_js__WEBPACK_IMPORTED_MODULE_3__/* .signatureOf */ .yK)('plan', unsigned, signingKey) };
    return `${JSON.stringify(signed, null, 1)}\n`;
}
const cell = { type: ['string', 'number', 'boolean', 'null'] };
const row = {
    type: 'object',
    required: ['key'],
    properties: { key: { type: 'string' } },
    additionalProperties: { type: ['string', 'number', 'boolean'] },
};
/** Enough of the plan's shape to refuse a file that is not a plan, or is damaged. */
const PLAN_SHAPE = {
    type: 'object',
    required: [
        'formatVersion',
        'digest',
        'createdAt',
        'producer',
        'apiHost',
        'deployment',
        'verdict',
        'thresholds',
        'totals',
        'tables',
    ],
    properties: {
        formatVersion: { type: 'integer' },
        digest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
        signature: { type: 'string' },
        createdAt: { type: 'string' },
        producer: {
            type: 'object',
            required: ['name', 'version'],
            properties: { name: { const: 'datatable-deploy' }, version: { type: 'string' } },
        },
        apiHost: { type: 'string', minLength: 1 },
        environment: { type: 'string', minLength: 1 },
        deployment: { type: 'string', minLength: 1 },
        verdict: { enum: ['no-changes', 'within-threshold', 'needs-approval', 'blocked'] },
        thresholds: { type: 'array' },
        totals: { type: 'object' },
        tables: {
            type: 'array',
            items: {
                type: 'object',
                required: [
                    'name',
                    'file',
                    'schema',
                    'managed',
                    'prune',
                    'schemaChanges',
                    'blocked',
                    'creates',
                    'updates',
                    'deletes',
                    'unchanged',
                    'liveRowCount',
                    'rowLimit',
                    'liveFingerprint',
                    'prediction',
                ],
                properties: {
                    name: { type: 'string', minLength: 1 },
                    id: { type: 'string', minLength: 1 },
                    creates: {
                        type: 'array',
                        items: { type: 'object', required: ['key', 'row'], properties: { row } },
                    },
                    updates: {
                        type: 'array',
                        items: {
                            type: 'object',
                            required: ['key', 'cells', 'before', 'after'],
                            properties: {
                                cells: {
                                    type: 'array',
                                    items: {
                                        type: 'object',
                                        required: ['column', 'before', 'after'],
                                        properties: { before: cell, after: cell },
                                    },
                                },
                                before: row,
                                after: row,
                            },
                        },
                    },
                    deletes: {
                        type: 'array',
                        items: { type: 'object', required: ['key', 'row'], properties: { row } },
                    },
                    liveFingerprint: { type: ['string', 'null'] },
                },
            },
        },
    },
};
let validateShape;
/**
 * Reads a plan file back: refuses anything that is not a plan of this format version, a plan
 * that does not name its org, a plan whose content no longer matches its digest (edited or
 * damaged) and, with a signing key, one that is unsigned or not signed with that key.
 */
function readPlan(text, source, options = {}) {
    const refuse = (why, hint = 'Write a new one with "datatable-deploy plan --out FILE".') => {
        throw new ConfigurationError(`${source} is not a usable plan: ${why}.`, hint);
    };
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        return refuse(`it is not JSON (${error.message})`);
    }
    const version = value?.formatVersion;
    if (version !== PLAN_FORMAT_VERSION) {
        return refuse(`its formatVersion is ${JSON.stringify(version)}, and this tool reads ${PLAN_FORMAT_VERSION}`, `Plan again with this version of datatable-deploy ("datatable-deploy plan --out FILE").`);
    }
    // With a key, authenticate the file before reading anything else in it.
    const { signature, ...unsigned } = value;
    const verdict = verifySignature('plan', unsigned, signature, options.signingKey);
    if (!verdict.ok)
        return refuse(verdict.why, verdict.hint);
    // Named apart from the shape errors: a plan that does not say which org it is for could be
    // applied to any org, so this is the refusal to recognise.
    if (typeof value.apiHost !== 'string')
        return refuse('it does not name the org it was planned against (apiHost)');
    validateShape ??= createAjv().compile(PLAN_SHAPE);
    if (!validateShape(value)) {
        const [first] = validateShape.errors ?? [];
        return refuse(`${first?.instancePath || 'the plan'} ${first?.message ?? 'has the wrong shape'}`);
    }
    const plan = value;
    const digest = planDigest(plan);
    if (digest !== plan.digest)
        return refuse(`its content does not match its digest (recorded ${plan.digest}, computed ${digest}); it was changed after planning`);
    if (verdict.unchecked)
        options.warn?.(UNCHECKED_SIGNATURE_WARNING);
    // Tables are applied by id; only a table the plan creates (or a blocked one, or a tombstone of
    // a table already gone) may lack one.
    const creates = (table) => table.schemaChanges.some((change) => change.kind === 'create-table');
    const unidentified = plan.tables.find((table) => table.id === undefined
        ? !creates(table) &&
            table.blocked.length === 0 &&
            !(table.tombstone && table.schemaChanges.length === 0)
        : creates(table));
    if (unidentified)
        return refuse(`table ${unidentified.name} ${unidentified.id === undefined ? 'has no id, and the plan does not create it' : 'has an id, and the plan creates it'}`);
    return freezePlan(plan);
}
/** What differs between a recorded binding and the expected one; empty when it matches. */
function bindingMismatches(recorded, expected) {
    const problems = [];
    if (recorded.apiHost !== expected.apiHost)
        problems.push(`it was made against the org at ${recorded.apiHost}, not ${expected.apiHost}`);
    if (expected.environment !== undefined && recorded.environment !== expected.environment)
        problems.push(`it is for ${recorded.environment === undefined ? 'no environment' : `environment "${recorded.environment}"`}, not "${expected.environment}"`);
    if (expected.deployment !== undefined && recorded.deployment !== expected.deployment)
        problems.push(`it is for deployment "${recorded.deployment}", not "${expected.deployment}"`);
    return problems;
}
/**
 * Refuses a plan bound to another org, environment or deployment than the one about to be
 * written to, with a {@link ConfigurationError}.
 */
function checkPlanBinding(plan, expected, source = 'the plan') {
    const problems = bindingMismatches(plan, expected);
    if (problems.length === 0)
        return;
    throw new ConfigurationError(`Refusing to apply ${source}: ${problems.join('; ')}. Nothing was written.`, 'Apply a plan made for this org, environment and deployment: run "datatable-deploy plan --out FILE" with the same --environment and --deployment (and connection settings) as the apply.');
}
/** One line naming a binding, shown before anything asks for confirmation. */
function describeBinding(binding) {
    return `org ${binding.apiHost}, environment ${binding.environment ?? '(none)'}, deployment ${binding.deployment}`;
}


/***/ }),

/***/ 15487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ policyWindowStatus),
/* harmony export */   _: () => (/* binding */ judgeWindow)
/* harmony export */ });
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(32310);
/* harmony import */ var _windows_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53007);


/** Whether a deploy may start now under every schedule of a policy: the first that is closed, else the first. */
function policyWindowStatus(policy, now) {
    const statuses = (policy.schedules.length > 0 ? policy.schedules : [{ windows: [], freezes: [] }]).map((schedule) => (0,_windows_js__WEBPACK_IMPORTED_MODULE_1__/* .windowStatus */ .T8)(schedule, now));
    return statuses.find((status) => !status.open) ?? statuses[0];
}
/**
 * May a deploy or rollback start now? Inside a window (and no freeze): yes. Outside: only with
 * an emergency override: a reason, and one of the policy's emergency approvers among
 * `grantors` (who asked, or who approved this exact plan). A rollback that a failing deploy
 * starts is never judged here: it always runs.
 */
function judgeWindow(policy, now, request) {
    const status = policyWindowStatus(policy, now);
    if (status.open)
        return { allowed: true, status };
    const where = policy.environment ? `environment "${policy.environment}"` : 'deploys';
    const approvers = policy.emergencyApprovers;
    const grantedBy = (0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .logins */ .NB)(request.grantors).filter((login) => approvers.includes(login));
    const reason = request.reason?.trim();
    if (reason && grantedBy.length > 0)
        return { allowed: true, status, override: { reason, grantedBy } };
    const howToOverride = approvers.length === 0
        ? `The policy (${policy.source}) names no emergency approvers for ${where}, so no override is possible.`
        : reason
            ? `The emergency override was asked, but none of the emergency approvers (${approvers.join(', ')}) asked for it or approved this exact plan (those who did: ${(0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .logins */ .NB)(request.grantors).join(', ') || 'nobody'}).`
            : `In an emergency, one of ${approvers.join(', ')} may override it with an emergency reason.`;
    return {
        allowed: false,
        status,
        refusal: `The change window of ${where} is ${status.text}. Nothing was written. ${howToOverride}`,
    };
}


/***/ })

};
