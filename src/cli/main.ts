#!/usr/bin/env node
/** The `conflictcheck` binary: runs the CLI on the process streams and sets the exit code. */
import { runCli } from './run.js';

// process.exitCode, not process.exit(): output piped to another process is flushed first.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  signals: process,
  exitNow: (code) => process.exit(code),
  stdin: process.stdin,
});
