/**
 * A conflict response with a JSON body shows an example whose `status` member is the HTTP status,
 * as RFC 9457 §3.1.3 asks of problem details: examples are what client authors copy.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import {
  responsesWithStatus,
  STATUSES_ONLY_OPTIONS,
  type ConflictStatusesOptions,
  type OperationResponse,
} from '../../model/conflict-409-semantics.js';
import { isSharedResponse, pathKey, responseLabel } from '../../model/problem-semantics.js';
import { deref, isOpaqueRef, valueAt, type Located } from '../../model/refs.js';
import { isJsonMediaType } from '../../model/semantics.js';
import type { SpecMediaType, SpecModel } from '../../model/spec-model.js';
import { specFunction } from '../spec-function.js';
import { isObject, type Json } from '../../model/json.js';

/** The examples of one media type, and whether some example could not be read. */
interface MediaExamples {
  readonly examples: Located[];
  readonly unreadable: boolean;
}

/**
 * An OAS 3 example given by `externalValue` or by a `$ref` that cannot be followed has a value
 * this rule cannot see: such a response is not reported as lacking an example.
 */
function hasUnreadableExample(root: Json, media: SpecMediaType): boolean {
  const written = valueAt(root, media.path);
  if (!isObject(written) || !isObject(written.examples)) return false;
  return Object.entries(written.examples).some(([name, example]) => {
    const { value } = deref<unknown>(root, example, [...media.path, 'examples', name]);
    return isOpaqueRef(value) || (isObject(value) && !('value' in value) && 'externalValue' in value);
  });
}

/**
 * The examples that document a media type. The media type's own `example`/`examples` override the
 * schema's (OAS 3.0 §4.7.11), so the schema's `example` (or 3.1 `examples` list) counts only
 * when the media type has none.
 */
function examplesOf(root: Json, version: SpecModel['version'], media: SpecMediaType): MediaExamples {
  const unreadable = version !== '2.0' && hasUnreadableExample(root, media);
  if (media.examples.length > 0 || unreadable || media.schema === undefined) return { examples: media.examples, unreadable };
  const { value, path } = media.schema;
  if (!isObject(value)) return { examples: [], unreadable };
  const examples: Located[] = [];
  if (value.example !== undefined) examples.push({ value: value.example, path: [...path, 'example'] });
  if (Array.isArray(value.examples)) value.examples.forEach((v, i) => examples.push({ value: v, path: [...path, 'examples', i] }));
  return { examples, unreadable };
}

function checkResponse(model: SpecModel, { op, response }: OperationResponse): IFunctionResult[] {
  const json = response.content.filter((c) => isJsonMediaType(c.mediaType));
  if (json.length === 0) return [];
  const expected = Number(response.status);
  const seen = new Set<string>();
  const examples: Located[] = [];
  let unreadable = false;
  for (const media of json) {
    const found = examplesOf(model.root, model.version, media);
    unreadable ||= found.unreadable;
    // Swagger 2.0 media types of one response share its schema: one example, once.
    for (const example of found.examples) {
      if (!seen.has(pathKey(example.path))) examples.push(example);
      seen.add(pathKey(example.path));
    }
  }
  const wrong = examples.filter((e) => isObject(e.value) && 'status' in e.value && e.value.status !== expected);
  if (wrong.length > 0) {
    return wrong.map((e) => ({
      // No operation in the message: an example of a shared component is reported once.
      message: `This example of a ${expected} response has status ${JSON.stringify((e.value as Json).status)}: the \`status\` member must be the HTTP status, ${expected} (RFC 9457 §3.1.3).`,
      path: e.path,
    }));
  }
  if (unreadable || examples.some((e) => isObject(e.value) && e.value.status === expected)) return [];
  // Swagger 2.0 takes the media types from the operation's `produces`: the finding is the operation's.
  const atComponent = model.version !== '2.0' && isSharedResponse(response);
  return [
    {
      message: `${responseLabel(op, response, atComponent)} shows no example whose \`status\` is ${expected}: client authors have no concrete body to recognise the conflict by.`,
      path: model.version === '2.0' ? response.listedAt : response.path,
    },
  ];
}

/** Fails a JSON conflict response without an example whose `status` is its status, or with one whose `status` differs. */
export const conflictExampleStatus = specFunction<ConflictStatusesOptions>(
  'conflictExampleStatus',
  STATUSES_ONLY_OPTIONS,
  (model, options) => responsesWithStatus(model, options.statuses ?? ['409']).flatMap((r) => checkResponse(model, r)),
);
