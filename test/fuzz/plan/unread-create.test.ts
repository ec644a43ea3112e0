/**
 * A creating PUT on an item path the description gives no GET (npm's
 * `PUT /-/user/org.couchdb.user:{name}`) is raced as a unique create — its promise is the 201 and
 * the 409 for a taken name — and as nothing else: without a read there is no state to judge.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planFuzz } from '../../../src/fuzz/run.js';

function specFile(responses: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cc-unread-')), 'openapi.yaml');
  writeFileSync(
    file,
    `openapi: 3.0.3
info: { title: users, version: '1' }
paths:
  /-/user/org.couchdb.user:{username}:
    put:
      parameters: [{ name: username, in: path, required: true, schema: { type: string } }]
      requestBody: { content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses:
${responses}`,
  );
  return file;
}

describe('a creating PUT with no GET', () => {
  it('is planned as a unique create when it documents a conflict for a taken key', async () => {
    const { plan } = await planFuzz({ spec: specFile(`        '201': { description: created }\n        '409': { description: taken }\n`) });
    expect(plan.scenarios.map((s) => [s.kind, s.operation, s.skipped])).toEqual([['unique-create', 'PUT /-/user/org.couchdb.user:{username}', undefined]]);
  });

  it('is not raced when it promises nothing about a taken key', async () => {
    const { plan } = await planFuzz({ spec: specFile(`        '201': { description: created }\n`) });
    expect(plan.scenarios.filter((s) => s.skipped === undefined)).toEqual([]);
  });
});
