import type { Plan } from '../plan/types.js';
import type { ApplyContext } from './apply.js';
import type { CreatedTables } from './journal.js';
import type { DeployOptions } from './pipeline.js';
import { tellRestored, type RestoreNews } from './restore-news.js';
import { announce, type InvalidationEvent, type WebhookResult } from './webhook.js';

/** What the pipeline tells subscribers: after a healthy deploy, and after its proven rollback. */

/** After a healthy deploy: the signed event, to each configured URL (undefined: none configured). */
export async function tellDeployed(
  options: DeployOptions,
  deploy: { plan: Plan; version: number; deployId: string },
): Promise<WebhookResult[] | undefined> {
  if (!options.webhooks || options.webhooks.urls.length === 0) return undefined;
  const { plan, version } = deploy;
  options.logger.info('▶ invalidation webhooks');
  const event: InvalidationEvent = {
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
  return announce(options.webhooks, event, how, 'the deploy itself succeeded');
}

/**
 * After a failed deploy's proven rollback: the versions table marks the restored rows above the
 * failed deploy's version, and readers are told (see restore-news.ts).
 */
export function tellRolledBack(
  options: DeployOptions,
  deploy: {
    plan: Plan;
    version: number;
    deployId: string;
    context: Omit<ApplyContext, 'phase'>;
    /** The tables this deploy created (the restore deleted them): found by the id it recorded. */
    created: CreatedTables;
  },
): Promise<RestoreNews> {
  const { plan } = deploy;
  return tellRestored({
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
