export const id = 874;
export const ids = [874];
export const modules = {

/***/ 37874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPlanMode: () => (/* binding */ runPlanMode)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/plan/render-markdown.ts
var render_markdown = __webpack_require__(65153);
// EXTERNAL MODULE: ./src/policy/window-gate.ts
var window_gate = __webpack_require__(39642);
// EXTERNAL MODULE: ./src/action/approval.ts + 1 modules
var approval = __webpack_require__(34445);
// EXTERNAL MODULE: ./src/action/context.ts
var action_context = __webpack_require__(40645);
// EXTERNAL MODULE: ./src/policy/policy.ts + 1 modules
var policy_policy = __webpack_require__(75107);
;// CONCATENATED MODULE: ./src/action/plan-comment.ts


const users = (list) => list.map((user) => `\`${user}\``).join(', ');
/**
 * The gate part of the plan comment: which digest an approval binds to, the policy it is judged
 * by, and where the approvals stand.
 */
function gateSection(plan, { policy, changed }, gate, where) {
    const lines = [];
    if (changed)
        lines.push(`⚠️ **This change edits the policy file \`${policy_policy/* POLICY_PATH */.l$}\`.** It is judged by the policy of the base branch, and it needs an approval whatever the plan.`);
    if (gate) {
        const who = policy.approvals.approvers.length > 0
            ? `one of ${users(policy.approvals.approvers)}`
            : 'reviewers with write, maintain or admin permission (not the author)';
        lines.push(`**An approval binds to plan \`${plan.digest}\`**, as announced in the \`${(0,action_context/* statusContext */.s)(where.deployment)}\` status of commit ${where.headSha.slice(0, 7)} (that status, not this comment, is the record). It counts only while this plan stays the current one: a new commit, a live edit of the tables or another deploy gives a new plan, and approvals of this one then no longer count.`);
        lines.push(`Policy: ${policy.source}; ${policy.approvals.required} approval(s) from ${who}.`);
        lines.push(gate.approved
            ? `**Approval:** ✅ approved by ${users(gate.approvedBy)}.`
            : `**Approval:** ⏳ ${gate.approvedBy.length} of ${gate.required} approval(s) of this plan.`);
        if (gate.changesRequestedBy.length > 0)
            lines.push(`- 🛑 Changes requested by ${users(gate.changesRequestedBy)}: the gate stays shut until they approve or their review is dismissed.`);
        for (const item of gate.ignored)
            lines.push(`- \`${item.user}\`'s approval does not count: ${item.reason}.`);
    }
    return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}
/** Whether a deploy would fall in a change window now. */
function windowSection(status, context) {
    const environment = context.settings.environment ? ` (${context.settings.environment})` : '';
    return status.open
        ? `**Change window${environment}:** ${status.text}.\n`
        : `**Change window${environment}:** 🚫 ${status.text}. A deploy that starts now is refused unless an emergency approver overrides it.\n`;
}

// EXTERNAL MODULE: ./src/action/planning.ts + 16 modules
var planning = __webpack_require__(68574);
// EXTERNAL MODULE: ./src/action/policy-source.ts
var policy_source = __webpack_require__(28218);
;// CONCATENATED MODULE: ./src/action/mode-plan.ts








/**
 * On a pull request: plan under the base branch's policy, announce the plan's digest as the
 * deployment's commit status on the head (pending while an approval is missing, success once
 * the gate passes: branch protection can require it), and post or update the sticky comment.
 * Elsewhere: the job summary and outputs only.
 */
async function runPlanMode(context) {
    const pr = context.run.pullRequest;
    // The base branch as it is now, whose approvers count; the event's base commit (where the
    // pull request was opened or last updated) may only make it stricter.
    const bases = pr ? [pr.baseRef || context.run.defaultBranch, pr.baseSha].filter(Boolean) : [];
    if (pr && bases.length === 0)
        throw new errors/* ConfigurationError */.j1('The event names no base branch for the pull request, so the policy cannot be read as it is on the base.', 'Run the plan mode on pull_request or pull_request_review events.');
    const source = await (0,policy_source/* policyForAction */.W)(context, {
        bases: bases,
        head: pr ? pr.headSha : context.run.sha,
        alsoHead: true,
    });
    const planned = await (0,planning/* planForAction */.Vp)(context, source);
    if (!planned)
        return planning.INVALID_CONFIG;
    const { plan } = planned;
    const policy = { policy: planned.policy, changed: source.changed };
    const outputs = (0,planning/* planOutputs */.iS)(plan);
    const result = plan.verdict === 'no-changes' ? 'no-changes' : 'planned';
    const needsApproval = plan.verdict === 'needs-approval' || policy.changed;
    const window = windowSection((0,window_gate/* policyWindowStatus */.D)(policy.policy, new Date()), context);
    await context.io.summary(`${(0,render_markdown/* renderMarkdown */.Gc)(plan, { maxLength: 900_000, fullPlanLocation: 'the plan JSON' })}\n${window}`);
    if (!pr)
        return { result, outputs: { ...outputs, approved: String(!needsApproval) } };
    if (pr.fromFork) {
        context.io.warn('This pull request comes from a fork: its token is read-only, so no comment or status is written. The plan is in the job summary.');
        return { result, outputs: { ...outputs, approved: 'false' } };
    }
    const { gate, identity } = await announceAndJudge(context, plan, policy, pr, needsApproval);
    const marker = (0,action_context/* commentMarker */.Q)(context.settings.deployment);
    const body = `${marker}\n${(0,render_markdown/* renderMarkdown */.Gc)(plan, { maxLength: 58_000 })}\n${gateSection(plan, policy, gate, { deployment: context.settings.deployment, headSha: pr.headSha })}\n${window}`;
    const comment = await context.github.upsertComment(pr.number, marker, identity, body);
    context.io.info(`${comment.created ? 'Posted' : 'Updated'} the plan comment on #${pr.number}.`);
    const passed = !needsApproval || gate?.approved === true;
    return {
        result,
        outputs: { ...outputs, approved: String(passed && plan.verdict !== 'blocked') },
        ...(plan.verdict === 'blocked' ? { failure: 'The plan is blocked; see the comment.' } : {}),
    };
}
/**
 * Announces the plan on the head commit first, then judges the reviews: an approval can only
 * bind to a digest that was announced before it, and this announcement ends every approval of
 * another digest. When the gate passes, a second status says so.
 */
async function announceAndJudge(context, plan, policy, pr, needsApproval) {
    const required = policy.policy.approvals.required;
    if (plan.verdict === 'blocked' || !needsApproval) {
        const blocked = plan.verdict === 'blocked';
        const identity = await (0,approval/* announcePlan */.XZ)(context, pr.headSha, blocked ? 'failure' : 'success', plan.digest, blocked ? 'Blocked: Genesys would refuse part of this plan' : 'No approval needed');
        return { gate: undefined, identity };
    }
    const identity = await (0,approval/* announcePlan */.XZ)(context, pr.headSha, 'pending', plan.digest, `Waiting for ${required} approval(s) of this plan`);
    const gate = await (0,approval/* judgeApproval */.bA)(context, { digest: plan.digest, pr, policy: policy.policy, identity });
    if (gate.approved)
        await (0,approval/* announcePlan */.XZ)(context, pr.headSha, 'success', plan.digest, `Approved by ${gate.approvedBy.join(', ')}`);
    return { gate, identity };
}


/***/ }),

/***/ 39642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ policyWindowStatus),
/* harmony export */   _: () => (/* binding */ judgeWindow)
/* harmony export */ });
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75107);
/* harmony import */ var _windows_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3423);


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
