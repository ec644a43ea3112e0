/**
 * Documented `ETag` headers are strings with entity-tag syntax: RFC 9110 §8.8.3.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import {
  describeEtag,
  documentedEtags,
  headerPattern,
  headerSamples,
  headerTyping,
  isEntityTag,
  patternAllowsEntityTag,
  type DocumentedEtag,
} from '../../model/etag-semantics.js';
import type { SpecModel } from '../../model/spec-model.js';
import { specFunction } from '../spec-function.js';

const SYNTAX = 'an ETag is a double-quoted string, the quotes part of the value ("xyzzy", or W/"xyzzy" when weak)';

/** The findings for one documented `ETag` header: its type, its sample values, its pattern. */
function checkEtag(model: SpecModel, etag: DocumentedEtag): IFunctionResult[] {
  const where = describeEtag(etag);
  const out: IFunctionResult[] = [];
  const typing = headerTyping(model.root, etag.header);
  if (typing.kind === 'other') {
    out.push({ message: `${where} is typed ${typing.types.join('/')}, but ${SYNTAX}.`, path: typing.at });
  } else if (typing.kind === 'untyped') {
    out.push({ message: `${where} declares no type: declare type string, since ${SYNTAX}.`, path: typing.at });
  }
  for (const sample of headerSamples(model.root, etag.header)) {
    if (isEntityTag(sample.value)) continue;
    const shown = typeof sample.value === 'string' ? sample.value : JSON.stringify(sample.value);
    out.push({ message: `${where} shows ${sample.kind} ${shown}, which is not an entity-tag: ${SYNTAX}.`, path: sample.path });
  }
  const pattern = headerPattern(model.root, etag.header);
  if (pattern !== undefined && !patternAllowsEntityTag(pattern.value)) {
    out.push({ message: `${where} has pattern ${pattern.value}, which rejects every entity-tag: ${SYNTAX}.`, path: pattern.path });
  }
  return out;
}

/** Fails a documented `ETag` response header that is not a string, or whose examples/pattern are not entity-tags. */
export const etagHeaderSchema = specFunction<null>('etagHeaderSchema', null, (model) =>
  documentedEtags(model).flatMap((etag) => checkEtag(model, etag)),
);
