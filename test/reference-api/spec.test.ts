/** The spec documents exactly the server's routes, validates as OAS 3.1, and lints clean under the full ruleset. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Document, Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import { Yaml } from '@stoplight/spectral-parsers';
import { createHttpAndFileResolver } from '@stoplight/spectral-ref-resolver';
import { describe, expect, it } from 'vitest';
import ruleset from '../../src/ruleset.js';
import { createNoOpResolver } from '../../src/lint/no-op-resolver.js';
import { BugSwitches } from '../../examples/reference-api/bugs.js';
import { EtagFactory } from '../../examples/reference-api/etag.js';
import { ORDER_TRANSITIONS } from '../../examples/reference-api/orders.js';
import { allRoutes } from '../../examples/reference-api/server.js';

const SPEC = join(import.meta.dirname, '..', '..', 'examples', 'specs', 'reference-api.yaml');
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];

type Json = Record<string, unknown>;

async function dereferenced(): Promise<Json> {
  return (await SwaggerParser.dereference(SPEC)) as unknown as Json;
}

describe('examples/specs/reference-api.yaml', () => {
  it('is a valid OAS 3.1 description', async () => {
    const api = (await SwaggerParser.validate(SPEC)) as unknown as Json;
    expect(api.openapi).toBe('3.1.0');
  });

  it('documents exactly the routes the server has', async () => {
    const paths = (await dereferenced()).paths as Record<string, Json>;
    const documented = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).filter((k) => METHODS.includes(k)).map((m) => `${m.toUpperCase()} ${path}`));
    const bugs = new BugSwitches([]);
    const served = allRoutes({ bugs, etags: new EtagFactory(bugs), paymentProcessingMs: 0, rowLocks: new Set() }).map((r) => `${r.method} ${r.path}`);
    expect(documented.sort()).toEqual(served.sort());
  });

  it('declares the order state machine the server enforces', async () => {
    const schemas = ((await dereferenced()).components as Json).schemas as Record<string, Json>;
    const machine = (schemas.Order!['x-conflictcheck'] as Json).stateMachine as Json;
    expect(machine).toEqual({ field: 'status', initial: 'pending', transitions: ORDER_TRANSITIONS });
  });

  it('every 409 and 412 example has the status of its response', async () => {
    const paths = (await dereferenced()).paths as Record<string, Record<string, Json>>;
    let seen = 0;
    for (const item of Object.values(paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
          const content = (response.content ?? {}) as Record<string, Json>;
          for (const media of Object.values(content)) {
            for (const example of Object.values((media.examples ?? {}) as Record<string, Json>)) {
              expect((example.value as Json).status, `${method} ${status}`).toBe(Number(status));
              seen++;
            }
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it.each(['spectral', 'none'] as const)('lints clean under every conflictcheck rule (resolver: %s)', async (resolver) => {
    const spectral = new Spectral({ resolver: resolver === 'none' ? createNoOpResolver() : createHttpAndFileResolver() });
    // 'all' switches on the rules that are off by default; idempotency-key-on-post asks for a key on every POST, which this API does not want.
    spectral.setRuleset({ extends: [[ruleset as RulesetDefinition, 'all']], rules: { 'idempotency-key-on-post': 'off' } } as RulesetDefinition);
    const results = await spectral.run(new Document(readFileSync(SPEC, 'utf8'), Yaml, SPEC));
    expect(results.map((r) => `${r.code} ${r.path.join('.')}: ${r.message}`)).toEqual([]);
  });
});
