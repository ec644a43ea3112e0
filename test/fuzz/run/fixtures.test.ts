/**
 * Named fixtures: where the description (or a hint) says instances cannot be created by the
 * runner, it races on the instances the user names, writes to them, and never deletes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { fuzz } from '../../../src/fuzz/run.js';
import { startThreadedApi, type ThreadedApi } from '../../helpers/reference-api-thread.js';
import { REFERENCE_SPEC } from '../scenarios/harness.js';

let api: ThreadedApi;
let fixtureId: string;

beforeAll(async () => {
  api = await startThreadedApi();
  const created = await request(`${api.url}/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'a fixture', content: 'owned by the user', slug: 'fixture-doc' }),
  });
  fixtureId = ((await created.body.json()) as { id: string }).id;
});

afterAll(async () => {
  await api?.close();
});

describe('fixtures', () => {
  it('races on the named instance, plans no delete of it, and leaves it in place', async () => {
    const options = {
      spec: REFERENCE_SPEC,
      baseUrl: api.url,
      hints: { 'POST /documents': { fixture: true } },
      fixtures: { '/documents/{id}': [{ id: fixtureId }] },
    };
    const report = await fuzz({ ...options, operation: 'update-race PUT /documents/{id}', runs: 5, seed: 3 });
    const outcome = report.scenarios[0]!.outcome;
    expect(outcome.status).toBe('ran');
    if (outcome.status === 'ran') expect(outcome.result.failures).toEqual([]);
    expect(report.leftBehind).toEqual([]);
    const plan = await fuzz({ ...options, operation: 'DELETE /documents/{id}', dryRun: true });
    expect(plan.plan.scenarios[0]!.skipped).toMatch(/named fixtures, which the runner never deletes/);
    const still = await request(`${api.url}/documents/${fixtureId}`);
    expect(still.statusCode).toBe(200);
    await still.body.dump();
  });

  it('without a fixture, the hinted resource is skipped with the reason', async () => {
    const report = await fuzz({ spec: REFERENCE_SPEC, hints: { 'POST /documents': { fixture: true } }, operation: 'update-race PUT /documents/{id}', dryRun: true });
    expect(report.plan.scenarios[0]!.skipped).toMatch(/must be named as fixtures in the config/);
  });

  it('rejects a fixture of an unknown path, or one that lacks a path parameter', async () => {
    await expect(fuzz({ spec: REFERENCE_SPEC, fixtures: { '/nowhere/{id}': [{ id: 'x' }] }, dryRun: true })).rejects.toMatchObject({ code: 'CONFIG_ERROR' });
    await expect(fuzz({ spec: REFERENCE_SPEC, fixtures: { '/documents/{id}': [{ other: 'x' }] }, dryRun: true })).rejects.toThrow(/lacks id/);
  });
});
