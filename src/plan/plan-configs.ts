import { tableLabel, type TableConfig } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import type { GenesysClient } from '../genesys/client.js';
import type { Logger } from '../logger.js';
import { buildPlan } from './build.js';
import { readSnapshot } from './snapshot.js';
import type { ThresholdSettings } from './thresholds.js';
import type { ApplyStrategy, Plan } from './types.js';

export interface PlanConfigsOptions {
  /** Only files bound to this environment (and files bound to none) are planned. */
  environment?: string | undefined;
  thresholds?: ThresholdSettings;
  strategy?: ApplyStrategy | 'auto';
  /** Where progress goes: skipped files, tables read, tables that do not exist yet. */
  logger: Logger;
}

/**
 * Plans valid configs against the live tables: picks the files for the environment, reads
 * their tables within the client's rate budget and builds the plan. The one way the CLI and
 * the action plan.
 */
export async function planConfigs(
  configs: readonly TableConfig[],
  client: GenesysClient,
  options: PlanConfigsOptions,
): Promise<Plan> {
  const { environment, logger } = options;
  const selected = configs.filter((config) => {
    const included =
      environment === undefined || config.environment === undefined || config.environment === environment;
    if (!included) logger.info(`skipping ${config.file}: bound to environment "${config.environment}"`);
    return included;
  });
  if (selected.length === 0) {
    throw new ConfigurationError(
      `No config file is bound to environment "${environment}".`,
      'Check the environment setting, and the "environment:" of the files.',
    );
  }
  logger.info(
    `Reading ${selected.length} table${selected.length === 1 ? '' : 's'} from ${client.endpoints.apiBase}…`,
  );
  const snapshot = await readSnapshot(client.tables, selected, {
    onTable: (name, rows) => logger.info(`  ${name}: ${rows} rows`),
  });
  selected.forEach((config, index) => {
    if (!snapshot[index]) logger.info(`  ${tableLabel(config)}: does not exist yet`);
  });
  return buildPlan(selected, snapshot, {
    environment,
    apiHost: new URL(client.endpoints.apiBase).host,
    thresholds: options.thresholds,
    ratePerMinute: client.budget.stats().currentRatePerMinute,
    strategy: options.strategy,
  });
}
