export const id = 509;
export const ids = [509];
export const modules = {

/***/ 35509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runDriftMode: () => (/* binding */ runDriftMode)
/* harmony export */ });
/* harmony import */ var _plan_render_markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65153);
/* harmony import */ var _planning_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(68574);
/* harmony import */ var _policy_source_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28218);
/* harmony import */ var _unfinished_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77061);




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

/***/ 77061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H$: () => (/* binding */ deployingText),
/* harmony export */   Ix: () => (/* binding */ unfinishedDeploys),
/* harmony export */   R3: () => (/* binding */ settleUnfinished),
/* harmony export */   sr: () => (/* binding */ unfinishedAdvice)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _approval_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34445);


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


/***/ })

};
