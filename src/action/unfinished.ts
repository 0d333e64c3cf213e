import { describeError } from '../errors.js';
import { deployStatusContext, setDeployStatus } from './approval.js';
import type { ModeContext } from './context.js';

/**
 * A deploy whose run ended without finishing (cancelled past its grace, killed, runner lost):
 * the live tables may hold part of it. Its durable record is the deployed commit's deploy
 * status, left `pending` with the backup's artifact id (set before the first write).
 */
export interface UnfinishedDeploy {
  sha: string;
  backupArtifact: string;
  /** The run's page, from the status's target URL. */
  runUrl?: string | undefined;
  digest: string;
}

/** The status text of a deploy that has written, or may have: it names the backup. */
export const deployingText = (backupArtifact: string): string =>
  `Deploying; backup artifact ${backupArtifact}`;

const DEPLOYING = /^plan (sha256:[0-9a-f]{64}) · Deploying; backup artifact (\d+)/;

/**
 * The unfinished deploys among these commits: the newest deploy status of this deployment on
 * the commit (by `identity` when known) still says "Deploying". Failures to read only warn.
 */
export async function unfinishedDeploys(
  context: ModeContext,
  shas: ReadonlyArray<string | undefined>,
  identity?: string,
): Promise<UnfinishedDeploy[]> {
  const wanted = deployStatusContext(context.settings.deployment);
  const found: UnfinishedDeploy[] = [];
  for (const sha of new Set(shas.filter((value): value is string => Boolean(value)))) {
    try {
      const statuses = await context.github.listStatuses(sha);
      const latest = statuses.find(
        (status) => status.context === wanted && (identity === undefined || status.creator === identity),
      );
      const match = latest?.state === 'pending' ? DEPLOYING.exec(latest.description) : null;
      if (match) found.push({ sha, digest: match[1]!, backupArtifact: match[2]! });
    } catch (error) {
      context.io.warn(`Could not read the deploy status of ${sha.slice(0, 7)}: ${describeError(error)}`);
    }
  }
  return found;
}

/** What a run tells the user about an unfinished deploy: what happened, and what to do. */
export function unfinishedAdvice(unfinished: UnfinishedDeploy, thisRun: 'deploy' | 'drift'): string {
  const what = `The deploy of commit ${unfinished.sha.slice(0, 7)} did not finish: its run ended after the backup (artifact ${unfinished.backupArtifact}) and before its end, so the live tables may hold part of it.`;
  const next =
    thisRun === 'deploy'
      ? "This deploy plans against the tables as they are now, and takes them to this commit's config."
      : 'A deploy of the default branch takes the tables to its config.';
  return `${what} ${next} To put the tables back as they were before that deploy instead, run the workflow with mode "rollback" and backup-artifact ${unfinished.backupArtifact} (and backup-run-id of that run).`;
}

/** Marks an unfinished deploy as dealt with, so that later runs stop reporting it. */
export async function settleUnfinished(
  context: ModeContext,
  unfinished: Pick<UnfinishedDeploy, 'sha' | 'digest'>,
  how: string,
): Promise<void> {
  await setDeployStatus(context, unfinished.sha, 'failure', unfinished.digest, how);
}
