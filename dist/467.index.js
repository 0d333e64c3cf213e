export const id = 467;
export const ids = [467];
export const modules = {

/***/ 65467:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRollbackMode: () => (/* binding */ runRollbackMode)
});

// EXTERNAL MODULE: ./src/deploy/differences.ts
var differences = __webpack_require__(15606);
// EXTERNAL MODULE: ./src/clock.ts
var clock = __webpack_require__(70386);
// EXTERNAL MODULE: ./src/deploy/journal.ts
var deploy_journal = __webpack_require__(82221);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/deploy/backup.ts + 1 modules
var deploy_backup = __webpack_require__(57202);
// EXTERNAL MODULE: ./src/deploy/guard.ts
var guard = __webpack_require__(71987);
// EXTERNAL MODULE: ./src/deploy/restore.ts
var restore = __webpack_require__(8396);
// EXTERNAL MODULE: ./src/deploy/restore-news.ts
var restore_news = __webpack_require__(41910);
;// CONCATENATED MODULE: ./src/deploy/restore-preview.ts






/**
 * A restore started by hand, as both faces run it (the CLI's `rollback`, the action's mode
 * `rollback`): the backup opened and bound, the preview of what the restore would change, the
 * restore from the preview's read, and what follows a proven one. Face-neutral words; each face
 * prints them its own way and asks (or not) in between.
 */
/**
 * The backup checked whole (checksums, the signature when a key is set, every table file) and
 * bound to this org, environment and deployment; throws a BackupError otherwise.
 */
function openBackup(files, location, options) {
    const backup = (0,deploy_backup/* parseBackup */.OD)(files, location, { signingKey: options.signingKey, warn: options.warn });
    (0,deploy_backup/* checkBackupBinding */.mZ)(backup, options.expected);
    return backup;
}
/** "Backup of <time>, plan <digest>: checksums verified." */
const backupVerifiedText = (backup, signed) => `Backup of ${backup.manifest.createdAt}, plan ${backup.manifest.planDigest}: ${signed ? 'signature and checksums' : 'checksums'} verified.`;
async function previewManualRestore(loaded, options) {
    const { tables, createdTables, rate } = options;
    const backup = await (0,restore_news/* prepareManualRestore */.K)(loaded, options.versionsTable, tables, options.note);
    const previewedAt = options.clock.now();
    const preview = await (0,restore/* previewRestore */.vC)(backup, tables, rate, { createdTables });
    return { backup, preview, previewedAt, createdTables, rate, changes: restoreChanges(preview) };
}
/** Whether a restore would write anything: rows, a table to delete, or a backed-up table now gone. */
const restoreChanges = (preview) => preview.deletions.length > 0 ||
    preview.live.some((table) => table === null) ||
    preview.plans.some((plan) => plan.creates.length + plan.updates.length + plan.deletes.length > 0);
const previewTables = (preview) => preview.plans.map((plan) => ({
    name: plan.name,
    putBack: plan.creates.length,
    revert: plan.updates.length,
    remove: plan.deletes.length,
}));
const describeTablePreview = (table) => `${table.name}: ${plural(table.putBack, 'row')} to put back, ${table.revert} to revert, ${table.remove} to remove`;
/**
 * The preview's sentences besides the rows: tables created again, tables deleted, tables left in
 * place and why.
 */
const previewNotes = (preview) => [
    ...preview.plans
        .filter((_, index) => preview.live[index] === null)
        .map((plan) => `${plan.name}: the table no longer exists; it is created again from the backup (schema, division, description)`),
    ...preview.deletions.map((table) => `${table.name}: created by the deploy (id ${table.id}); the table is deleted`),
    ...preview.leftInPlace,
];
/** What a restore did to one table. */
const describeTableRestore = (table) => table.deletedTable
    ? `${table.name}: deleted the table the deploy had created`
    : `${table.name}: ${table.recreatedTable ? 'created the table again, ' : ''}${plural(table.creates, 'row')} put back, ${table.updates} reverted, ${table.deletes} removed`;
/**
 * Restores and proves it. The preview's read is what the restore writes from (the tables are not
 * read again) unless it is older than a plan's read may be (a question left waiting).
 */
function restoreManually(manual, context, settleMs) {
    const fresh = context.clock.now() - manual.previewedAt <= guard/* PLAN_READ_MAX_AGE_MS */.n;
    return (0,restore/* restoreBackup */.dH)(manual.backup, context, manual.rate, {
        createdTables: manual.createdTables,
        settleMs,
        preview: fresh ? manual.preview : undefined,
    });
}
/** The tables a manual restore put back or deleted, for {@link tellRestored}. */
const restoredRefs = (manual) => [
    ...manual.backup.tables.map((table) => ({ name: table.name, id: table.id })),
    ...manual.preview.deletions.map((table) => ({ name: table.name, id: table.id })),
];
/**
 * After a proven manual restore (or none needed): the versions table made true and readers told,
 * see restore-news.ts. When nothing needed restoring, only versions rows that do not describe
 * their tables are rewritten.
 */
function tellManuallyRestored(manual, news) {
    const { manifest } = manual.backup;
    return (0,restore_news/* tellRestored */.C)({
        restored: restoredRefs(manual),
        versionsTable: news.versionsTable,
        onlyUntrue: !manual.changes,
        deployId: (0,external_node_crypto_.randomUUID)(),
        webhooks: news.webhooks,
        event: { digest: manifest.planDigest, environment: manifest.environment ?? null, actor: news.actor },
        context: { ...news.context, phase: 'restore' },
        announce: {},
    });
}

// EXTERNAL MODULE: ./src/genesys/regions.ts
var regions = __webpack_require__(8348);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(64533);
// EXTERNAL MODULE: ./src/plan/plan-configs.ts
var plan_configs = __webpack_require__(59957);
// EXTERNAL MODULE: ./src/plan/plan-file.ts
var plan_file = __webpack_require__(25234);
// EXTERNAL MODULE: ./src/action/artifact-store.ts
var artifact_store = __webpack_require__(80397);
// EXTERNAL MODULE: ./src/action/lock.ts
var lock = __webpack_require__(9232);
// EXTERNAL MODULE: ./src/action/unfinished.ts
var action_unfinished = __webpack_require__(20962);
// EXTERNAL MODULE: ./src/action/policy-source.ts
var policy_source = __webpack_require__(85579);
// EXTERNAL MODULE: ./src/policy/window-gate.ts
var window_gate = __webpack_require__(15487);
;// CONCATENATED MODULE: ./src/action/mode-rollback.ts













/**
 * Manual rollback (workflow_dispatch): download the backup artifact of the named run (or the
 * named artifact), verify its checksums, show the restore plan, restore and prove it.
 */
async function runRollbackMode(context) {
    const { settings, run } = context;
    const source = await (0,policy_source/* policyForAction */.W)(context, { bases: [], head: run.defaultBranch ?? run.sha });
    const busy = await (0,lock/* otherDeployInProgress */.W)(context);
    if (busy)
        return { result: 'refused', outputs: {}, failure: busy };
    const client = context.genesys();
    const { backup: loaded, location, store, journal } = await loadBackup(context, (0,plan_configs/* apiHostOf */.gz)(client));
    const refusal = restoreWindowRefusal(context, source.of(settings.environment ?? loaded.manifest.environment));
    if (refusal) {
        await context.io.summary(`### ⛔ Restore refused\n\n${refusal}`);
        return { result: 'refused', outputs: {}, failure: refusal };
    }
    const manual = await previewManualRestore(loaded, {
        tables: client.tables,
        versionsTable: settings.versionsTable,
        createdTables: await createdTablesFromJournal(context, store, journal),
        rate: settings.connection.rateLimitPerMinute,
        clock: clock/* systemClock */.m,
        note: (note) => context.io.info(note),
    });
    const restoreContext = {
        tables: client.tables,
        journal: new deploy_journal/* MemoryJournal */.PB(),
        logger: context.io,
        clock: clock/* systemClock */.m,
    };
    const report = await restoreManually(manual, restoreContext, settings.settleMs);
    const news = report.restored
        ? await tellManuallyRestored(manual, {
            versionsTable: settings.versionsTable,
            webhooks: settings.webhookUrls.length
                ? { urls: settings.webhookUrls, secret: settings.webhookSecret ?? '' }
                : undefined,
            actor: run.triggeringActor,
            context: restoreContext,
        })
        : {};
    if (news.problem) {
        report.restored = false;
        report.remaining.push({ table: settings.versionsTable ?? '', message: news.problem });
    }
    await context.io.summary(restoreSummary(location, manual, report) + newsSummary(news));
    if (report.restored)
        await settleRestoredDeploy(context, manual.backup, location);
    const outputs = { 'backup-artifact-id': location };
    return report.restored
        ? { result: 'applied', outputs }
        : { result: 'failed', outputs, failure: 'The restore did not finish; see the job summary.' };
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
    const store = new artifact_store/* ArtifactBackupStore */.oW(context.artifacts, { source: findBy ? { findBy } : {} });
    const artifacts = await findArtifacts(context, findBy);
    const location = String(artifacts.backup);
    const backup = openBackup(await store.load(location), `artifact ${location}`, {
        signingKey: settings.signingKey,
        warn: (message) => context.io.warn(message),
        expected: { apiHost, environment: settings.environment, deployment: settings.deployment },
    });
    context.io.info(`${backupVerifiedText(backup, Boolean(settings.signingKey))} Target: ${(0,plan_file/* describeBinding */.zB)(backup.manifest)}.`);
    return { backup, location, store, journal: artifacts.journal };
}
/** The summary's lines on the versions table and the webhooks (none without a versions table). */
function newsSummary(news) {
    const lines = Object.entries(news.versions ?? {}).map(([table, version]) => `- \`${table}\`: version ${version} in the versions table`);
    for (const webhook of news.webhooks ?? [])
        lines.push(`- webhook ${(0,regions/* redactUrl */.BO)(webhook.url)}: ${webhook.ok ? 'delivered' : `⚠️ failed (${webhook.error}); the restore stands`}`);
    return lines.length > 0 ? `\n\n${lines.join('\n')}` : '';
}
function restoreSummary(location, manual, report) {
    const { backup, preview } = manual;
    return [
        '### ↩️ Restore',
        '',
        `Backup artifact ${location} from ${backup.manifest.createdAt} (${(0,plan_file/* describeBinding */.zB)(backup.manifest)}).`,
        '',
        '| table | rows put back | reverted | removed |',
        '| --- | ---: | ---: | ---: |',
        ...previewTables(preview).map((table) => `| \`${table.name}\` | ${table.putBack} | ${table.revert} | ${table.remove} |`),
        ...previewNotes(preview).map((note) => `- ${note}`),
        '',
        report.restored ? '✅ The live tables equal the backup again.' : '❌ The restore did not finish.',
        ...(report.restored ? [] : ['', ...(0,differences/* restoreDifferencesMarkdown */.m)(report)]),
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
    const [unfinished] = await (0,action_unfinished/* unfinishedDeploys */.Ix)(context, [gitSha]);
    if (unfinished && unfinished.backupArtifact === location)
        await (0,action_unfinished/* settleUnfinished */.R3)(context, unfinished, `Unfinished; its backup was restored by run ${context.run.runId}`);
}
/**
 * A manual restore is a change like any other: it keeps to the windows of the policy on the
 * default branch for the backup's environment, whichever branch the run was started from. (The
 * rollback a failing deploy starts is never held back.) Why not now, else undefined.
 */
function restoreWindowRefusal(context, policy) {
    const window = (0,window_gate/* judgeWindow */._)(policy, new Date(), {
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
        throw new errors/* BackupError */.hj(`No backup artifact ${named ? `named ${named}` : `for deployment "${context.settings.deployment}"`} in run ${context.settings.backupRunId ?? 'this run'}.`, 'Give the run id of a deploy run (its summary names the backup artifact), and make sure the workflow has "actions: read".');
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
        const text = files.get(deploy_journal/* JOURNAL_FILE */.RD)?.toString('utf8');
        return text ? (0,deploy_journal/* createdTablesOf */.Pm)((0,deploy_journal/* parseJournal */.z8)(text)) : none;
    }
    catch (error) {
        context.io.warn(`The deploy's journal could not be read (${(0,errors/* describeError */.Uc)(error)}); tables it created are left in place.`);
        return none;
    }
}
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');


/***/ })

};
