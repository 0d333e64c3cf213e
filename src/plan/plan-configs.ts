import { tableLabel, type TableConfig } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import type { GenesysClient } from '../genesys/client.js';
import type { Logger } from '../logger.js';
import { buildPlan } from './build.js';
import { readSnapshot, type LiveSnapshot } from './snapshot.js';
import type { ThresholdSettings } from './thresholds.js';
import type { ApplyStrategy, Plan } from './types.js';

export interface PlanConfigsOptions {
  /**
   * Only files bound to this environment (and files bound to none) are planned. Required when
   * the files bind to more than one environment; when they bind to one, that one is recorded.
   */
  environment?: string | undefined;
  /** The deployment's name, recorded in the plan (default: the environment, else "default"). */
  deployment?: string | undefined;
  thresholds?: ThresholdSettings;
  strategy?: ApplyStrategy | 'auto';
  /** Where progress goes: skipped files, tables read, tables that do not exist yet. */
  logger: Logger;
  /** Given the live tables as read for the plan (a deploy in the same run reuses them). */
  onRead?: ((snapshot: LiveSnapshot) => void) | undefined;
}

/**
 * Plans valid configs against the live tables: picks the files for the environment, reads
 * their tables within the client's rate budget and builds the plan, bound to the client's org
 * (API host), the environment and the deployment. The one way the CLI and the action plan.
 * Throws a {@link ConfigurationError} when no environment is given and the files bind to more
 * than one.
 */
export async function planConfigs(
  configs: readonly TableConfig[],
  client: GenesysClient,
  options: PlanConfigsOptions,
): Promise<Plan> {
  const { logger } = options;
  const environment = environmentOf(configs, options.environment);
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
  refuseSameLiveTable(selected, snapshot);
  options.onRead?.(snapshot);
  return buildPlan(selected, snapshot, {
    apiHost: apiHostOf(client),
    environment,
    deployment: options.deployment,
    thresholds: options.thresholds,
    ratePerMinute: client.budget.stats().currentRatePerMinute,
    strategy: options.strategy,
  });
}

/**
 * Two files that name one live table in two ways (by name and by `table_id`) would plan it
 * twice, back it up twice and write it from both: refused before anything is written.
 */
function refuseSameLiveTable(configs: readonly TableConfig[], snapshot: LiveSnapshot): void {
  const fileById = new Map<string, string>();
  snapshot.forEach((live, index) => {
    if (!live) return;
    const file = configs[index]!.file;
    const other = fileById.get(live.id);
    if (other !== undefined)
      throw new ConfigurationError(
        `${other} and ${file} both describe the live table ${live.name} (id ${live.id}): one names it, the other gives its table_id.`,
        'Keep one file per table: delete one of the two files, or merge them.',
      );
    fileById.set(live.id, file);
  });
}

/** The host plans and backups record, and are checked against: `api.mypurecloud.com`, `127.0.0.1:8080`. */
export function apiHostOf(client: Pick<GenesysClient, 'endpoints'>): string {
  return new URL(client.endpoints.apiBase).host;
}

/** The environment given, else the one the files bind to (the policy and the plan's binding). */
export function environmentOf(
  configs: readonly TableConfig[],
  given: string | undefined,
): string | undefined {
  return given ?? soleEnvironment(configs);
}

/**
 * The one environment the files bind to, when no environment was given. Files bound to several
 * would otherwise deploy together, each to whatever org the credentials reach: refused.
 */
function soleEnvironment(configs: readonly TableConfig[]): string | undefined {
  const bound = [...new Set(configs.flatMap((config) => config.environment ?? []))].sort();
  if (bound.length <= 1) return bound[0];
  const names = `${bound.slice(0, -1).join(', ')} and ${bound.at(-1)}`;
  throw new ConfigurationError(
    `The config files bind to ${names}; a deploy goes to one environment.`,
    'Pass --environment (CLI) or the environment input (action) to choose one; files bound to other environments are skipped.',
  );
}
