import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeBinding, serializePlan } from '../plan/plan-file.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import { renderText } from '../plan/render-text.js';
import { isTty, writeLine, type CliIo } from './io.js';
import { policyWindowStatus } from '../policy/window-gate.js';
import { oneOf, parseOptions } from './options.js';
import { PLANNING_HELP, PLANNING_OPTIONS, planFromConfigFiles } from './planning.js';
import { SIGNING_HELP, signingKeyOf } from './signing-key.js';
import { checkOutputFile } from './paths.js';

const HELP = `Usage: datatable-deploy plan [--config GLOB]... [FILE]... [--environment E]
                             [--deployment NAME] [--format text|markdown|json] [--out FILE]
                             [--detailed-exitcode] [threshold options] [connection options]

Validates the config files, reads the live tables (in pages, within the rate budget) and shows
what a deploy would change: tables and columns to create, rows to create, update (cell by
cell) and delete, and whether the change needs an approval. The plan is bound to the org it
read (API host), the environment and the deployment; "apply --plan" refuses it elsewhere.

  --format F             text (default), markdown (the PR comment) or json (the plan)
  --out FILE             also write the plan as JSON, for "apply --plan FILE"
  --detailed-exitcode    exit 2 when there are changes
${PLANNING_HELP}

${SIGNING_HELP}

Exit codes: 0 planned (no changes, with --detailed-exitcode), 2 changes (with
--detailed-exitcode), 1 invalid config, files bound to several environments without
--environment, blocked plan or error.`;

export async function runPlanCommand(args: string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { values, positionals } = parseOptions(
    'plan',
    args,
    {
      ...PLANNING_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      'detailed-exitcode': { type: 'boolean' },
    },
    { allowPositionals: true },
  );
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const format = oneOf('format', values.format, ['text', 'markdown', 'json'], 'text');
  const signingKey = signingKeyOf(io);
  if (values.out) await checkOutputFile('--out', values.out, cwd);
  const planned = await planFromConfigFiles(values, positionals, io, cwd);
  if ('invalid' in planned) return 1;
  const { plan } = planned;
  writeLine(io.stderr, `Plan for ${describeBinding(plan)}.`);
  if (values.out) {
    await writeFile(resolve(cwd, values.out), serializePlan(plan, signingKey));
    writeLine(
      io.stderr,
      `Wrote the plan to ${values.out} (${plan.digest}${signingKey === undefined ? '' : ', signed'}).`,
    );
  }
  const output =
    format === 'json'
      ? serializePlan(plan, signingKey)
      : format === 'markdown'
        ? renderMarkdown(plan)
        : renderText(plan, { color: isTty(io.stdout) });
  io.stdout.write(output);
  // Whether a deploy would fall in a change window now; not part of a plan file's JSON.
  const window = policyWindowStatus(planned.policy, new Date());
  writeLine(
    format === 'text' ? io.stdout : io.stderr,
    `Change window${plan.environment ? ` (${plan.environment})` : ''}: ${window.text}.`,
  );
  if (plan.verdict === 'blocked') return 1;
  if (values['detailed-exitcode'] && plan.verdict !== 'no-changes') return 2;
  return 0;
}
