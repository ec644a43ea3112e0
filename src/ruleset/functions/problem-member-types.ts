/**
 * The RFC 9457 members a problem schema declares have the RFC's types (§3.1): a client generated
 * from a schema with `status: string` cannot read a conformant problem.
 */
import type { IFunctionResult } from '@stoplight/spectral-core';
import { collectProperties, schemaTypes } from '../../model/schema.js';
import { PROBLEM_MEMBERS, pathKey, problemSchemas, type ProblemMember } from '../../model/problem-semantics.js';
import { specFunction } from '../spec-function.js';

/** What RFC 9457 §3.1 says each member is. */
interface MemberRule {
  /** JSON Schema types that fit; `null` is tolerated beside them (consumers ignore a null member). */
  readonly types: readonly string[];
  /** `format`s that fit, for the URI-reference members; undefined when any format goes. */
  readonly formats?: readonly string[];
  readonly says: string;
}

const URI_FORMATS = ['uri-reference', 'uri', 'iri-reference', 'iri'];

// `status` is "a JSON number" in the RFC's prose and `integer` in its Appendix A schema: both fit.
const MEMBER_RULES: Record<ProblemMember, MemberRule> = {
  type: { types: ['string'], formats: URI_FORMATS, says: 'a string holding a URI reference (§3.1.1)' },
  status: { types: ['integer', 'number'], says: 'an integer, the HTTP status code (§3.1.2)' },
  title: { types: ['string'], says: 'a string (§3.1.3)' },
  detail: { types: ['string'], says: 'a string (§3.1.4)' },
  instance: { types: ['string'], formats: URI_FORMATS, says: 'a string holding a URI reference (§3.1.5)' },
};

/** What is wrong with a member's declared schema, or undefined when nothing is (or it is untyped). */
function mismatch(rule: MemberRule, schema: unknown): string | undefined {
  const types = schemaTypes(schema);
  const nonNull = types.filter((t) => t !== 'null');
  if (types.length > 0 && (nonNull.length === 0 || nonNull.some((t) => !rule.types.includes(t)))) {
    return `is declared ${types.join(' | ')}`;
  }
  const format = schema !== null && typeof schema === 'object' ? (schema as { format?: unknown }).format : undefined;
  if (rule.formats !== undefined && typeof format === 'string' && !rule.formats.includes(format)) {
    return `has format ${format}`;
  }
  return undefined;
}

/** Fails each RFC 9457 member of a problem+json schema whose declared type is not the RFC's. */
export const problemMemberTypes = specFunction('problemMemberTypes', null, (model) => {
  const results: IFunctionResult[] = [];
  // A base schema several problem schemas extend is one place in the document: reported once.
  const reported = new Set<string>();
  for (const schema of problemSchemas(model)) {
    const properties = collectProperties(model.root, schema);
    for (const member of PROBLEM_MEMBERS) {
      const rule = MEMBER_RULES[member];
      // Every declaration counts: `allOf: [Problem, {status: string}]` is as wrong as the reverse.
      for (const declaration of properties.get(member)?.declarations ?? []) {
        const wrong = mismatch(rule, declaration.value);
        const key = pathKey(declaration.path);
        if (wrong === undefined || reported.has(key)) continue;
        reported.add(key);
        results.push({ message: `Problem member "${member}" ${wrong}: RFC 9457 makes it ${rule.says}.`, path: declaration.path });
      }
    }
  }
  return results;
});
