export const id = 432;
export const ids = [432];
export const modules = {

/***/ 34445:
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
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/action/context.ts
var action_context = __webpack_require__(40645);
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

/***/ 40645:
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

/***/ 36500:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRollbackMode: () => (/* binding */ runRollbackMode)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deploy_differences_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98623);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99373);
/* harmony import */ var _deploy_backup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8173);
/* harmony import */ var _deploy_journal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(25332);
/* harmony import */ var _deploy_restore_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3262);
/* harmony import */ var _deploy_restore_news_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94685);
/* harmony import */ var _genesys_regions_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(57119);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(83916);
/* harmony import */ var _plan_plan_configs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(67442);
/* harmony import */ var _plan_plan_file_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(70435);
/* harmony import */ var _artifact_store_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1866);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(53491);
/* harmony import */ var _unfinished_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(77061);
/* harmony import */ var _policy_source_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(28218);
/* harmony import */ var _policy_window_gate_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(39642);
















/**
 * Manual rollback (workflow_dispatch): download the backup artifact of the named run (or the
 * named artifact), verify its checksums, show the restore plan, restore and prove it.
 */
async function runRollbackMode(context) {
    const { settings, run } = context;
    const source = await (0,_policy_source_js__WEBPACK_IMPORTED_MODULE_14__/* .policyForAction */ .W)(context, { bases: [], head: run.defaultBranch ?? run.sha });
    const busy = await (0,_lock_js__WEBPACK_IMPORTED_MODULE_12__/* .otherDeployInProgress */ .W)(context);
    if (busy)
        return { result: 'refused', outputs: {}, failure: busy };
    const client = context.genesys();
    const { backup: loaded, location, store, journal } = await loadBackup(context, (0,_plan_plan_configs_js__WEBPACK_IMPORTED_MODULE_9__/* .apiHostOf */ .gz)(client));
    const refusal = restoreWindowRefusal(context, source.of(settings.environment ?? loaded.manifest.environment));
    if (refusal) {
        await context.io.summary(`### ⛔ Restore refused\n\n${refusal}`);
        return { result: 'refused', outputs: {}, failure: refusal };
    }
    const createdTables = await createdTablesFromJournal(context, store, journal);
    const rate = settings.connection.rateLimitPerMinute;
    const backup = await (0,_deploy_restore_news_js__WEBPACK_IMPORTED_MODULE_6__/* .prepareManualRestore */ .Kk)(loaded, settings.versionsTable, client.tables, (note) => context.io.info(note));
    const preview = await (0,_deploy_restore_js__WEBPACK_IMPORTED_MODULE_5__/* .previewRestore */ .vC)(backup, client.tables, rate, { createdTables });
    const restoreContext = {
        tables: client.tables,
        journal: new _deploy_journal_js__WEBPACK_IMPORTED_MODULE_4__/* .MemoryJournal */ .PB(),
        logger: context.io,
        clock: _clock_js__WEBPACK_IMPORTED_MODULE_2__/* .systemClock */ .m,
    };
    const report = await (0,_deploy_restore_js__WEBPACK_IMPORTED_MODULE_5__/* .restoreBackup */ .dH)(backup, restoreContext, rate, {
        createdTables,
        settleMs: context.settings.settleMs,
    });
    const news = report.restored
        ? await tellActionRestored(context, { backup, preview, context: restoreContext })
        : {};
    if (news.problem) {
        report.restored = false;
        report.remaining.push({ table: settings.versionsTable ?? '', message: news.problem });
    }
    await context.io.summary(restoreSummary(location, backup, preview, report) + newsSummary(news));
    if (report.restored)
        await settleRestoredDeploy(context, backup, location);
    return report.restored
        ? { result: 'applied', outputs: { 'backup-artifact-id': location } }
        : {
            result: 'failed',
            outputs: { 'backup-artifact-id': location },
            failure: 'The restore did not finish; see the job summary.',
        };
}
/**
 * The backup artifact named by the inputs (from this run or another), checked whole: checksums,
 * signature when a key is set, and its binding to this org, environment and deployment.
 */
async function loadBackup(context, apiHost) {
    const { settings, run } = context;
    const findBy = settings.backupRunId !== undefined
        ? {
            token: run.token,
            workflowRunId: settings.backupRunId,
            repositoryOwner: run.repo.owner,
            repositoryName: run.repo.repo,
        }
        : undefined;
    const store = new _artifact_store_js__WEBPACK_IMPORTED_MODULE_11__/* .ArtifactBackupStore */ .oW(context.artifacts, { source: findBy ? { findBy } : {} });
    const artifacts = await findArtifacts(context, findBy);
    const location = String(artifacts.backup);
    const backup = (0,_deploy_backup_js__WEBPACK_IMPORTED_MODULE_3__/* .parseBackup */ .OD)(await store.load(location), `artifact ${location}`, {
        signingKey: settings.signingKey,
        warn: (message) => context.io.warn(message),
    });
    (0,_deploy_backup_js__WEBPACK_IMPORTED_MODULE_3__/* .checkBackupBinding */ .mZ)(backup, { apiHost, environment: settings.environment, deployment: settings.deployment });
    context.io.info(`Backup of ${backup.manifest.createdAt} (plan ${backup.manifest.planDigest}, ${(0,_plan_plan_file_js__WEBPACK_IMPORTED_MODULE_10__/* .describeBinding */ .zB)(backup.manifest)}): ${settings.signingKey ? 'signature and checksums' : 'checksums'} verified.`);
    return { backup, location, store, journal: artifacts.journal };
}
/**
 * After a proven restore: the versions table (input versions-table) made true again and the
 * invalidation webhooks (the same inputs as a deploy's) told, see restore-news.ts.
 */
function tellActionRestored(context, restore) {
    const { settings } = context;
    const { backup } = restore;
    return (0,_deploy_restore_news_js__WEBPACK_IMPORTED_MODULE_6__/* .tellRestored */ .C)({
        restored: (0,_deploy_restore_news_js__WEBPACK_IMPORTED_MODULE_6__/* .restoredRefs */ .LH)(backup, restore.preview),
        versionsTable: settings.versionsTable,
        // Nothing to restore: the versions table is only mended where it does not describe the tables.
        onlyUntrue: !(0,_deploy_restore_news_js__WEBPACK_IMPORTED_MODULE_6__/* .restoreChanges */ .Yi)(restore.preview),
        deployId: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)(),
        webhooks: settings.webhookUrls.length
            ? { urls: settings.webhookUrls, secret: settings.webhookSecret ?? '' }
            : undefined,
        event: {
            digest: backup.manifest.planDigest,
            environment: backup.manifest.environment ?? null,
            actor: context.run.triggeringActor,
        },
        context: { ...restore.context, phase: 'restore' },
        announce: {},
    });
}
/** The summary's lines on the versions table and the webhooks (none without a versions table). */
function newsSummary(news) {
    const lines = Object.entries(news.versions ?? {}).map(([table, version]) => `- \`${table}\`: version ${version} in the versions table`);
    for (const webhook of news.webhooks ?? [])
        lines.push(`- webhook ${(0,_genesys_regions_js__WEBPACK_IMPORTED_MODULE_7__/* .redactUrl */ .BO)(webhook.url)}: ${webhook.ok ? 'delivered' : `⚠️ failed (${webhook.error}); the restore stands`}`);
    return lines.length > 0 ? `\n\n${lines.join('\n')}` : '';
}
function restoreSummary(location, backup, preview, report) {
    return [
        '### ↩️ Restore',
        '',
        `Backup artifact ${location} from ${backup.manifest.createdAt} (${(0,_plan_plan_file_js__WEBPACK_IMPORTED_MODULE_10__/* .describeBinding */ .zB)(backup.manifest)}).`,
        '',
        '| table | rows put back | reverted | removed |',
        '| --- | ---: | ---: | ---: |',
        ...preview.plans.map((plan) => `| \`${plan.name}\` | ${plan.creates.length} | ${plan.updates.length} | ${plan.deletes.length} |`),
        ...preview.deletions.map((table) => `- \`${table.name}\`: created by the deploy; the table is deleted.`),
        ...preview.leftInPlace.map((item) => `- ${item}`),
        '',
        report.restored ? '✅ The live tables equal the backup again.' : '❌ The restore did not finish.',
        ...(report.restored ? [] : ['', ...(0,_deploy_differences_js__WEBPACK_IMPORTED_MODULE_1__/* .restoreDifferencesMarkdown */ .m)(report)]),
    ].join('\n');
}
/**
 * The deploy this backup was made for, if its run never finished, is dealt with now: its
 * commit's deploy status stops saying "Deploying" so that later runs stop reporting it.
 */
async function settleRestoredDeploy(context, backup, location) {
    const { gitSha } = backup.manifest;
    if (!gitSha)
        return;
    const [unfinished] = await (0,_unfinished_js__WEBPACK_IMPORTED_MODULE_13__/* .unfinishedDeploys */ .Ix)(context, [gitSha]);
    if (unfinished && unfinished.backupArtifact === location)
        await (0,_unfinished_js__WEBPACK_IMPORTED_MODULE_13__/* .settleUnfinished */ .R3)(context, unfinished, `Unfinished; its backup was restored by run ${context.run.runId}`);
}
/**
 * A manual restore is a change like any other: it keeps to the windows of the policy on the
 * default branch for the backup's environment, whichever branch the run was started from. (The
 * rollback a failing deploy starts is never held back.) Why not now, else undefined.
 */
function restoreWindowRefusal(context, policy) {
    const window = (0,_policy_window_gate_js__WEBPACK_IMPORTED_MODULE_15__/* .judgeWindow */ ._)(policy, new Date(), {
        reason: context.settings.emergencyReason,
        grantors: [context.run.triggeringActor],
    });
    if (window.override)
        context.io.warn(`Emergency override of the change window by ${window.override.grantedBy.join(', ')}: ${window.override.reason}`);
    return window.allowed ? undefined : window.refusal;
}
/**
 * The backup artifact to restore, and the journal artifact of the same deploy (its
 * `datatable-journal-…` twin) when there is one: the only evidence of tables the deploy created.
 */
async function findArtifacts(context, findBy) {
    const named = context.settings.backupArtifact;
    if (named && /^\d+$/.test(named))
        return { backup: Number(named) };
    const client = await context.artifacts();
    const { artifacts } = await client.listArtifacts({ latest: true, ...(findBy ? { findBy } : {}) });
    // Exactly this deployment's: a prefix match would take shard "prod-eu" for "prod".
    const ours = new RegExp(`^datatable-backup-${escapeRegExp(context.settings.deployment)}-\\d+-\\d+$`);
    const candidates = artifacts
        .filter((artifact) => (named ? artifact.name === named : ours.test(artifact.name)))
        .sort((a, b) => b.id - a.id);
    if (candidates.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .BackupError */ .hj(`No backup artifact ${named ? `named ${named}` : `for deployment "${context.settings.deployment}"`} in run ${context.settings.backupRunId ?? 'this run'}.`, 'Give the run id of a deploy run (its summary names the backup artifact), and make sure the workflow has "actions: read".');
    }
    const backup = candidates[0];
    const journalName = backup.name.replace(/^datatable-backup-/, 'datatable-journal-');
    return { backup: backup.id, journal: artifacts.find((artifact) => artifact.name === journalName)?.id };
}
/** Tables the deploy's journal shows it created (name → id); none without a journal. */
async function createdTablesFromJournal(context, store, journalId) {
    const none = new Map();
    if (journalId === undefined)
        return none;
    try {
        const files = await store.load(String(journalId));
        const text = files.get(_deploy_journal_js__WEBPACK_IMPORTED_MODULE_4__/* .JOURNAL_FILE */ .RD)?.toString('utf8');
        return text ? (0,_deploy_journal_js__WEBPACK_IMPORTED_MODULE_4__/* .createdTablesOf */ .Pm)((0,_deploy_journal_js__WEBPACK_IMPORTED_MODULE_4__/* .parseJournal */ .z8)(text)) : none;
    }
    catch (error) {
        context.io.warn(`The deploy's journal could not be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .describeError */ .Uc)(error)}); tables it created are left in place.`);
        return none;
    }
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


/***/ }),

/***/ 28218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ policyForAction)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _policy_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75107);


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


/***/ })

};
