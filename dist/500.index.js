export const id = 500;
export const ids = [500];
export const modules = {

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
/* harmony import */ var _deploy_restore_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(12801);
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
        preview,
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


/***/ })

};
