/**
 * What an operation documents, as the checks read it — above all the one route of the accepted
 * conflict statuses (docs/design.md#409-or-412): `--conflict-statuses` when it names any, else
 * the documented 412/409, else 412. The checks read the result from the observation only.
 */
import { describe, expect, it } from 'vitest';
import { documentedFor, isDocumented } from '../../../src/fuzz/checks/documented.js';
import { getSpecModel } from '../../../src/model/spec-model.js';

/** `PUT /things/{id}` of a tiny OAS 3.1 document answering the given statuses. */
function put(statuses: readonly string[]) {
  const responses = Object.fromEntries(statuses.map((s) => [s, { description: s }]));
  const spec = getSpecModel({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/things/{id}': { put: { responses } } } })!;
  return { spec, op: spec.operations[0]! };
}

describe('documentedFor: the statuses a loser may get', () => {
  it.each([
    [['200', '409', '412'], [412, 409]],
    [['200', '409'], [409]],
    [['200', '412'], [412]],
    [['200', '4XX'], [412]],
    [['200'], [412]],
  ])('documenting %j, a loser may get %j', (statuses, expected) => {
    const { spec, op } = put(statuses);
    expect(documentedFor(spec, op).conflictStatuses).toEqual(expected);
  });

  it('takes --conflict-statuses over what is documented, and the default when it names none', () => {
    const { spec, op } = put(['200', '412']);
    expect(documentedFor(spec, op, [409, 423]).conflictStatuses).toEqual([409, 423]);
    expect(documentedFor(spec, op, []).conflictStatuses).toEqual([412]);
    const only409 = put(['200', '409']);
    expect(documentedFor(only409.spec, only409.op, []).conflictStatuses).toEqual([409]);
  });

  it('records exact statuses and ranges apart, and a range documents every status of its class', () => {
    const { spec, op } = put(['200', '409', '4XX', 'default']);
    const documented = documentedFor(spec, op);
    expect([...documented.statuses]).toEqual([200, 409]);
    expect([...documented.ranges]).toEqual(['4XX', 'default']);
    expect(isDocumented(documented, 422)).toBe(true);
    const exact = put(['200', '409']);
    expect(isDocumented(documentedFor(exact.spec, exact.op), 422)).toBe(false);
    expect(isDocumented(documentedFor(exact.spec, exact.op), 409)).toBe(true);
  });
});
