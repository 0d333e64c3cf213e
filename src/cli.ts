#!/usr/bin/env node
import { runCli } from './cli/main.js';
import { maskedIo } from './cli/masked-io.js';

// A reader that stops early (`| head`) closes the pipe: the output is no longer wanted, which
// is no reason for a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });

process.exitCode = await runCli(
  process.argv.slice(2),
  maskedIo({ env: process.env, stdout: process.stdout, stderr: process.stderr }),
);
