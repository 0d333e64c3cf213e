import * as core from '@actions/core';
import { describeError, DatatableDeployError } from '../errors.js';
import { createGenesysClient } from '../genesys/client.js';
import type { Logger } from '../logger.js';

/** The job log as a Logger. */
const actionsLogger: Logger = { debug: core.debug, info: core.info, warn: core.warning };

function optionalNumber(name: string): number | undefined {
  const raw = core.getInput(name);
  if (raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new DatatableDeployError(`Input "${name}" must be a positive number; got "${raw}".`);
  }
  return value;
}

/**
 * The action entry. For now it checks the connection: it authenticates and lists the org's
 * data tables. Planning and deploying come with the config and deploy stages.
 */
export async function run(): Promise<void> {
  try {
    const clientSecret = core.getInput('genesys-client-secret');
    if (clientSecret) core.setSecret(clientSecret);
    const client = createGenesysClient(
      {
        clientId: core.getInput('genesys-client-id'),
        clientSecret,
        region: core.getInput('genesys-region') || undefined,
        apiUrl: core.getInput('genesys-api-url') || undefined,
        rateLimitPerMinute: optionalNumber('rate-limit-per-minute'),
      },
      { logger: actionsLogger },
    );
    const tables = await client.tables.listTables();
    core.info(`Connected to ${client.endpoints.apiBase}: ${tables.length} data tables.`);
    core.setOutput('tables', JSON.stringify(tables.map((table) => table.name)));
  } catch (error) {
    core.setFailed(describeError(error));
  }
}
