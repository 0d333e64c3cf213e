#!/usr/bin/env node
import { runCli } from './cli/main.js';
import { maskedIo } from './cli/masked-io.js';

process.exitCode = await runCli(
  process.argv.slice(2),
  maskedIo({ env: process.env, stdout: process.stdout, stderr: process.stderr }),
);
