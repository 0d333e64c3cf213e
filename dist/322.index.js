export const id = 322;
export const ids = [322];
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

/***/ 57322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDriftMode: () => (/* binding */ runDriftMode)
/* harmony export */ });
/* harmony import */ var _plan_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57192);
/* harmony import */ var _planning_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85748);
/* harmony import */ var _policy_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(85579);
/* harmony import */ var _unfinished_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20962);




const DRIFT_MARKER = (deployment) => `<!-- datatable-deploy:drift deployment=${deployment} -->`;
/**
 * Scheduled drift check: plan the default branch against the live tables. Any change means the
 * live tables drifted from git: report it, optionally in one issue kept up to date, and fail
 * the job (or only warn).
 */
async function runDriftMode(context) {
    const planned = await (0,_planning_js__WEBPACK_IMPORTED_MODULE_1__/* .planForAction */ .Vp)(context, await (0,_policy_source_js__WEBPACK_IMPORTED_MODULE_2__/* .policyForAction */ .W)(context, { bases: [], head: context.run.sha }));
    if (!planned)
        return _planning_js__WEBPACK_IMPORTED_MODULE_1__.INVALID_CONFIG;
    const { plan } = planned;
    const unfinished = await (0,_unfinished_js__WEBPACK_IMPORTED_MODULE_3__/* .unfinishedDeploys */ .Ix)(context, [context.run.sha]);
    for (const item of unfinished) {
        context.io.warn((0,_unfinished_js__WEBPACK_IMPORTED_MODULE_3__/* .unfinishedAdvice */ .sr)(item, 'drift'));
        await context.io.summary(`> ⚠️ ${(0,_unfinished_js__WEBPACK_IMPORTED_MODULE_3__/* .unfinishedAdvice */ .sr)(item, 'drift')}\n`);
    }
    const outputs = (0,_planning_js__WEBPACK_IMPORTED_MODULE_1__/* .planOutputs */ .iS)(plan);
    if (plan.verdict === 'no-changes') {
        await context.io.summary('### ✅ No drift\n\nThe live tables match the default branch.');
        return { result: 'no-changes', outputs };
    }
    const report = (0,_plan_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarkdown */ .Gc)(plan, { maxLength: 60_000, title: 'drift' });
    await context.io.summary(`### ⚠️ Drift\n\nThe live tables differ from the default branch: a deploy would make these changes.\n\n${(0,_plan_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .renderMarkdown */ .Gc)(plan, { maxLength: 900_000 })}`);
    if (context.settings.driftIssue) {
        const title = `Data tables drifted from git${plan.environment ? ` (${plan.environment})` : ''}`;
        const body = `${DRIFT_MARKER(context.settings.deployment)}\nThe scheduled drift check found live changes that are not in git. Deploying the default branch would undo them; to keep them, put them in the config files.\n\n${report}`;
        const number = await context.github.upsertIssue(DRIFT_MARKER(context.settings.deployment), title, body);
        context.io.info(`Drift reported in issue #${number}.`);
    }
    const message = `The live tables drifted from the default branch (${plan.totals.creates + plan.totals.updates + plan.totals.deletes} rows).`;
    if (!context.settings.driftFail) {
        context.io.warn(message);
        return { result: 'planned', outputs };
    }
    return { result: 'planned', outputs, failure: message };
}


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

/***/ 20962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H$: () => (/* binding */ deployingText),
/* harmony export */   Ix: () => (/* binding */ unfinishedDeploys),
/* harmony export */   R3: () => (/* binding */ settleUnfinished),
/* harmony export */   sr: () => (/* binding */ unfinishedAdvice)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64533);
/* harmony import */ var _approval_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76089);


/** The status text of a deploy that has written, or may have: it names the backup. */
const deployingText = (backupArtifact) => `Deploying; backup artifact ${backupArtifact}`;
const DEPLOYING = /^plan (sha256:[0-9a-f]{64}) · Deploying; backup artifact (\d+)/;
/**
 * The unfinished deploys among these commits: the newest deploy status of this deployment on
 * the commit (by `identity` when known) still says "Deploying". Failures to read only warn.
 */
async function unfinishedDeploys(context, shas, identity) {
    const wanted = (0,_approval_js__WEBPACK_IMPORTED_MODULE_1__/* .deployStatusContext */ .ji)(context.settings.deployment);
    const found = [];
    for (const sha of new Set(shas.filter((value) => Boolean(value)))) {
        try {
            const statuses = await context.github.listStatuses(sha);
            const latest = statuses.find((status) => status.context === wanted && (identity === undefined || status.creator === identity));
            const match = latest?.state === 'pending' ? DEPLOYING.exec(latest.description) : null;
            if (match)
                found.push({ sha, digest: match[1], backupArtifact: match[2] });
        }
        catch (error) {
            context.io.warn(`Could not read the deploy status of ${sha.slice(0, 7)}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(error)}`);
        }
    }
    return found;
}
/** What a run tells the user about an unfinished deploy: what happened, and what to do. */
function unfinishedAdvice(unfinished, thisRun) {
    const what = `The deploy of commit ${unfinished.sha.slice(0, 7)} did not finish: its run ended after the backup (artifact ${unfinished.backupArtifact}) and before its end, so the live tables may hold part of it.`;
    const next = thisRun === 'deploy'
        ? "This deploy plans against the tables as they are now, and takes them to this commit's config."
        : 'A deploy of the default branch takes the tables to its config.';
    return `${what} ${next} To put the tables back as they were before that deploy instead, run the workflow with mode "rollback" and backup-artifact ${unfinished.backupArtifact} (and backup-run-id of that run).`;
}
/** Marks an unfinished deploy as dealt with, so that later runs stop reporting it. */
async function settleUnfinished(context, unfinished, how) {
    await (0,_approval_js__WEBPACK_IMPORTED_MODULE_1__/* .setDeployStatus */ .YQ)(context, unfinished.sha, 'failure', unfinished.digest, how);
}


/***/ }),

/***/ 57192:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gc: () => (/* binding */ renderMarkdown)
/* harmony export */ });
/* unused harmony exports DEFAULT_MARKDOWN_LIMIT, planMarker, formatDuration */
/* harmony import */ var _display_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5116);

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
