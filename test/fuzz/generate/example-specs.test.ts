/**
 * The project's own example descriptions: every JSON request body and every path/query/header
 * parameter of every operation can be generated, and the bodies validate (Ajv).
 */
import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parameterArbitrary, schemaArbitrary } from '../../../src/fuzz/generate/index.js';
import { loadSpecForFuzz } from '../../../src/fuzz/model/load-spec.js';
import { oracle } from './oracle.js';

describe.each(['reference-api.yaml', 'conflict-antipatterns.yaml'])('examples/specs/%s', (file) => {
  test('request bodies are valid and parameters generate', async () => {
    const model = await loadSpecForFuzz(`examples/specs/${file}`);
    const root = model.root;
    let bodies = 0;
    for (const op of model.operations) {
      for (const parameter of op.parameters) {
        if (['path', 'query', 'header'].includes(parameter.in)) expect(fc.sample(parameterArbitrary(parameter, { root }), 20)).toHaveLength(20);
      }
      for (const media of op.requestBody?.content ?? []) {
        if (!media.mediaType.includes('json') || media.schema === undefined) continue;
        const check = oracle(media.schema.value, root, { version: model.version });
        for (const value of fc.sample(schemaArbitrary(media.schema.value, { root, path: media.schema.path }), 50)) {
          expect(check(value), `${op.method} ${op.pathKey}: ${JSON.stringify(value)}`).toMatchObject({ valid: true });
        }
        bodies++;
      }
    }
    expect(bodies).toBeGreaterThan(0);
  });
});
