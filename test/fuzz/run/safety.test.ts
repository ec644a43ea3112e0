/**
 * The runner's safety rules: the request budget and the deadline stop it (and say so), what it
 * created is still deleted after the budget is spent, and it picks no non-loopback target itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBaseUrl } from '../../../src/fuzz/base-url.js';
import { fuzz } from '../../../src/fuzz/run.js';
import { getSpecModel, type SpecModel } from '../../../src/model/spec-model.js';
import { startReferenceApi, type RunningApi } from '../../../examples/reference-api/server.js';
import { REFERENCE_SPEC } from '../scenarios/harness.js';

let api: RunningApi;

beforeAll(async () => {
  api = await startReferenceApi({ port: 0 });
});

afterAll(async () => {
  await api?.close();
});

describe('safety', () => {
  it('stops at --max-requests, says so, skips the rest, and still cleans up', async () => {
    const before = api.stats().requests;
    const report = await fuzz({ spec: REFERENCE_SPEC, baseUrl: api.url, maxRequests: 60, runs: 5, seed: 4 });
    expect(report.stopped).toMatch(/request budget \(--max-requests 60\) is spent/);
    expect(report.requests).toBeLessThanOrEqual(60);
    // The clean-up went beyond the budget: it is what deleted the documents created before it ran out.
    expect(api.stats().requests - before).toBeGreaterThan(report.requests);
    expect(report.scenarios.some((s) => s.outcome.status === 'skipped' && /not run: the request budget/.test(s.outcome.reason))).toBe(true);
    // Documents created before the budget ran out were deleted afterwards (documents have a DELETE).
    expect(report.leftBehind.filter((p) => p.startsWith('/documents/'))).toEqual([]);
  });

  it('stops at the --deadline', async () => {
    const report = await fuzz({ spec: REFERENCE_SPEC, baseUrl: api.url, deadlineMs: 150, runs: 50, seed: 5 });
    expect(report.stopped).toMatch(/deadline/);
  });

  it('a deadline spent before the first request (by loading the spec) is a stopped run, every scenario skipped, not a crash', async () => {
    const report = await fuzz({ spec: REFERENCE_SPEC, baseUrl: api.url, deadlineMs: 1, runs: 5, seed: 5 });
    expect(report.stopped).toMatch(/deadline/);
    expect(report.scenarios.length).toBeGreaterThan(0);
    expect(report.scenarios.every((s) => s.outcome.status === 'skipped')).toBe(true);
    expect(report.scenarios.some((s) => s.outcome.status === 'skipped' && /not run: .*deadline/.test(s.outcome.reason))).toBe(true);
  });

  it('takes the spec’s server only when it is loopback; any other host must be named', () => {
    const spec = (url: string) => getSpecModel({ openapi: '3.1.0', info: { title: 't', version: '1' }, servers: [{ url }], paths: {} }) as SpecModel;
    expect(resolveBaseUrl(undefined, spec('http://127.0.0.1:8080'))).toBe('http://127.0.0.1:8080');
    expect(resolveBaseUrl(undefined, spec('http://[::1]:9000/api'))).toBe('http://[::1]:9000/api');
    expect(() => resolveBaseUrl(undefined, spec('https://api.example.com'))).toThrow(/not a loopback address/);
    expect(resolveBaseUrl('https://api.example.com', spec('https://api.example.com'))).toBe('https://api.example.com');
    expect(() => resolveBaseUrl('ftp://x', spec('http://127.0.0.1'))).toThrow(/http or https/);
  });
});
