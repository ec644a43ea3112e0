/**
 * The check registry ties each id of the catalogue to its check, its doc and its test: this fails
 * when an id lacks any of them, when a file names no catalogued id, and when the plan schedules a
 * check on a scenario kind the check cannot judge.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usageError } from '../../helpers/usage-error.js';
import { CHECK_IDS, scenariosJudgedBy, type CheckId } from '../../../src/fuzz/catalogue.js';
import { CHECKS, runChecks } from '../../../src/fuzz/checks/registry.js';
import { loadSpecForFuzz } from '../../../src/fuzz/model/load-spec.js';
import { buildOperationModel } from '../../../src/fuzz/model/operation-model.js';
import { buildPlan } from '../../../src/fuzz/plan/plan.js';
import { ctx, updateRace } from './builder.js';
import { FAILING } from './examples.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('check registry', () => {
  it('maps every catalogue id to the check of that id, and nothing else', () => {
    expect(Object.keys(CHECKS).sort()).toEqual([...CHECK_IDS].sort());
    for (const id of CHECK_IDS) expect(CHECKS[id].id, id).toBe(id);
  });

  it('has no doc for an id the catalogue does not hold', () => {
    const docs = readdirSync(join(ROOT, 'checks')).map((f) => f.replace(/\.md$/, ''));
    expect(docs.filter((id) => !(CHECK_IDS as readonly string[]).includes(id))).toEqual([]);
  });

  it.each(CHECK_IDS)('%s has its own source file, test file and doc', (id) => {
    expect(existsSync(join(ROOT, 'src', 'fuzz', 'checks', `${id}.ts`))).toBe(true);
    expect(existsSync(join(ROOT, 'test', 'fuzz', 'checks', `${id}.test.ts`))).toBe(true);
    expect(existsSync(join(ROOT, 'checks', `${id}.md`))).toBe(true);
  });

  it.each(CHECK_IDS)('%s fails its example and reports itself as the failing check', (id) => {
    const outcome = CHECKS[id].run(FAILING[id](), ctx);
    expect(outcome.status).toBe('failed');
    if (outcome.status === 'failed') expect(outcome.failure.check).toBe(id);
  });

  it('judges every check the plan schedules for the reference API on a scenario kind it applies to', async () => {
    const model = buildOperationModel(await loadSpecForFuzz(join(ROOT, 'examples', 'specs', 'reference-api.yaml')));
    const scheduled = buildPlan(model).scenarios.flatMap((s) => s.checks.map((id) => [id, s.kind] as const));
    expect(scheduled.length).toBeGreaterThan(0);
    for (const [id, kind] of scheduled) expect(scenariosJudgedBy(id), `${id} on ${kind}`).toContain(kind);
  });
});

describe('runChecks', () => {
  it('gives an outcome per id: judged where the check applies, skipped with the reason where it does not', () => {
    const ids: CheckId[] = ['single-winner', 'unique-create', 'no-server-error'];
    const outcomes = runChecks(updateRace([200, 200, 412]), ids, ctx);
    expect([...outcomes.keys()]).toEqual(ids);
    expect(outcomes.get('single-winner')?.status).toBe('failed');
    expect(outcomes.get('unique-create')).toEqual({ status: 'skipped', reason: 'applies to unique-create scenarios, not update-race' });
    expect(outcomes.get('no-server-error')?.status).toBe('passed');
  });

  it('turns a crashing check into a ConflictcheckError naming it', () => {
    const crashing = { ...ctx, validateSchema: () => { throw new Error('boom'); } };
    const error = usageError(() => runChecks(updateRace([200, 412]), ['problem-details'], crashing));
    expect(error.message).toBe('check problem-details crashed on PUT /documents/{id}: boom');
  });
});
