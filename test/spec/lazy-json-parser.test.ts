/**
 * The lazy JSON parser must give exactly the ranges Spectral's own JSON parser gives, for every
 * path of a document, for missing paths with and without `closest`, and fall back to Spectral's
 * parser (and its diagnostics) for invalid JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import parsers from '@stoplight/spectral-parsers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LazyJson } from '../../src/spec/lazy-json-parser.js';

type Path = (string | number)[];

function allPaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, index) => allPaths(item, [...at, index], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) allPaths(v, [...at, k], out);
  return out;
}

function expectSameRanges(text: string, extraPaths: Path[] = []): void {
  const ours = LazyJson.parse(text);
  const theirs = parsers.Json.parse(text);
  expect(ours.data).toEqual(JSON.parse(text));
  for (const path of [...allPaths(ours.data), ...extraPaths]) {
    for (const closest of [false, true]) {
      expect(LazyJson.getLocationForJsonPath(ours, path, closest), `${JSON.stringify(path)} closest=${closest}`).toEqual(
        parsers.Json.getLocationForJsonPath(theirs, path, closest),
      );
    }
  }
}

describe('LazyJson', () => {
  it('locates every path of a real spec as Spectral does', () => {
    const yaml = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'specs', 'reference-api.yaml'), 'utf8');
    const text = JSON.stringify(parsers.Yaml.parse(yaml).data, null, 2);
    expectSameRanges(text, [['paths', 'nope'], ['paths', '/documents/{id}', 'put', 'responses', '409', 'missing', 'deeper']]);
  });

  it('handles escapes, unicode, nesting, odd spacing and array indexes given as strings', () => {
    const text = '{ "a\\"b" : [1, {"x\\\\y":null,"é🙂":"v\\u0041"}, [ ] ,"s,]}"],\n\t"n":-1.5e3 ,"t" :true,\r\n"o":{}}';
    expectSameRanges(text, [['a"b', '1'], ['a"b', 7], ['o', 'k']]);
  });

  it('agrees with Spectral on generated JSON documents', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        expectSameRanges(JSON.stringify({ root: value }, null, indent));
      }),
      { numRuns: 150 },
    );
  });

  it('falls back to Spectral for invalid JSON, keeping its diagnostics', () => {
    const result = LazyJson.parse('{"a": 1,, }');
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics).toEqual(parsers.Json.parse('{"a": 1,, }').diagnostics);
  });
});
