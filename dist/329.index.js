export const id = 329;
export const ids = [329];
export const modules = {

/***/ 79329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPlanMode: () => (/* binding */ runPlanMode)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(64533);
// EXTERNAL MODULE: ./src/plan/plan-file.ts
var plan_file = __webpack_require__(25234);
// EXTERNAL MODULE: ./src/plan/render-markdown.ts
var render_markdown = __webpack_require__(57192);
// EXTERNAL MODULE: ./src/policy/window-gate.ts
var window_gate = __webpack_require__(15487);
// EXTERNAL MODULE: ./src/action/approval.ts + 1 modules
var approval = __webpack_require__(76089);
// EXTERNAL MODULE: ./src/action/context.ts
var action_context = __webpack_require__(11776);
// EXTERNAL MODULE: ./src/policy/policy.ts + 1 modules
var policy_policy = __webpack_require__(32310);
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

// EXTERNAL MODULE: ./src/action/planning.ts + 17 modules
var planning = __webpack_require__(85748);
// EXTERNAL MODULE: ./src/action/policy-source.ts
var policy_source = __webpack_require__(85579);
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
    const outputs = { ...(0,planning/* planOutputs */.iS)(plan), 'plan-file': await writePlanFile(context, plan) };
    const result = plan.verdict === 'no-changes' ? 'no-changes' : 'planned';
    const needsApproval = plan.verdict === 'needs-approval' || policy.changed;
    const window = windowSection((0,window_gate/* policyWindowStatus */.D)(policy.policy, new Date()), context);
    await context.io.summary(`${(0,render_markdown/* renderMarkdown */.Gc)(plan, { maxLength: 900_000, fullPlanLocation: "the plan file (the step's plan-file output)" })}\n${window}`);
    if (!pr)
        return { result, outputs: { ...outputs, approved: String(!needsApproval) } };
    if (pr.fromFork) {
        context.io.warn('This pull request comes from a fork: its token is read-only, so no comment or status is written. The plan is in the job summary.');
        return { result, outputs: { ...outputs, approved: 'false' } };
    }
    const { gate, identity } = await announceAndJudge(context, plan, policy, pr, needsApproval);
    const marker = (0,action_context/* commentMarker */.Q)(context.settings.deployment);
    const body = `${marker}\n${(0,render_markdown/* renderMarkdown */.Gc)(plan, { maxLength: 58_000, fullPlanLocation: 'the job summary' })}\n${gateSection(plan, policy, gate, { deployment: context.settings.deployment, headSha: pr.headSha })}\n${window}`;
    const comment = await context.github.upsertComment(pr.number, marker, identity, body);
    const commentUrl = `${context.run.serverUrl}/${context.run.repo.owner}/${context.run.repo.repo}/pull/${pr.number}#issuecomment-${comment.id}`;
    context.io.info(`${comment.created ? 'Posted' : 'Updated'} the plan comment on #${pr.number}: ${commentUrl}`);
    const passed = !needsApproval || gate?.approved === true;
    return {
        result,
        outputs: {
            ...outputs,
            approved: String(passed && plan.verdict !== 'blocked'),
            'comment-id': String(comment.id),
            'comment-url': commentUrl,
        },
        ...(plan.verdict === 'blocked' ? { failure: 'The plan is blocked; see the comment.' } : {}),
    };
}
/**
 * Writes the plan as JSON (signed when a signing key is set) to the runner's temporary
 * directory, for `datatable-deploy apply --plan` or an upload step. It holds the cell values
 * the plan writes, so it stays on the runner unless the workflow uploads it.
 */
async function writePlanFile(context, plan) {
    const path = (0,external_node_path_.join)(process.env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), `datatable-deploy-plan-${context.settings.deployment}-${context.run.runId}.json`);
    await (0,promises_.writeFile)(path, (0,plan_file/* serializePlan */.S1)(plan, context.settings.signingKey), { mode: 0o600 });
    return path;
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
