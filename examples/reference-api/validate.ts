/**
 * Request-body checks: just enough schema to give a precise 422 (naming the field) for content
 * that parses but cannot be processed, and 400 for a body that is not a JSON object at all.
 */
import type { ApiRequest, Reply } from './http.js';
import { problem } from './problem.js';

/** The rule for one body field. */
export type FieldRule =
  | { readonly type: 'string'; readonly required?: boolean; readonly pattern?: RegExp; readonly maxLength?: number }
  | { readonly type: 'integer' | 'number'; readonly required?: boolean; readonly minimum?: number; readonly exclusiveMinimum?: number };

/** Field values that passed their rules (unknown fields are dropped). */
export type Fields = Record<string, string | number | null | undefined>;

/** The outcome of a body check. */
export type Checked = { readonly ok: true; readonly fields: Fields } | { readonly ok: false; readonly reply: Reply };

function fieldProblem(rule: FieldRule, value: unknown): string | undefined {
  if (rule.type === 'string') {
    if (typeof value !== 'string') return 'must be a string';
    if (rule.maxLength !== undefined && value.length > rule.maxLength) return `must be at most ${rule.maxLength} characters`;
    if (rule.pattern !== undefined && !rule.pattern.test(value)) return `must match ${rule.pattern.source}`;
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a ${rule.type}`;
  if (rule.type === 'integer' && !Number.isInteger(value)) return 'must be an integer';
  if (rule.minimum !== undefined && value < rule.minimum) return `must be at least ${rule.minimum}`;
  if (rule.exclusiveMinimum !== undefined && value <= rule.exclusiveMinimum) return `must be greater than ${rule.exclusiveMinimum}`;
  return undefined;
}

/**
 * Checks the body against `rules`. With `patch` (JSON merge patch, RFC 7396) no field is required,
 * and `null` removes an optional field but is refused for a required one.
 */
export function checkBody(req: ApiRequest, rules: Readonly<Record<string, FieldRule>>, patch = false): Checked {
  const body = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, reply: problem(req, 400, 'bad-request', 'The request body must be a JSON object.') };
  }
  const fields: Fields = {};
  for (const [field, rule] of Object.entries(rules)) {
    const value = (body as Record<string, unknown>)[field];
    if (value === undefined || (value === null && patch && rule.required !== true)) {
      if (rule.required === true && !patch) return invalid(req, field, 'is required');
      if (value === null) fields[field] = null;
      continue;
    }
    const wrong = fieldProblem(rule, value);
    if (wrong !== undefined) return invalid(req, field, wrong);
    fields[field] = value as string | number;
  }
  return { ok: true, fields };
}

function invalid(req: ApiRequest, field: string, what: string): Checked {
  return { ok: false, reply: problem(req, 422, 'validation-failed', `Field "${field}" ${what}.`, { field }) };
}
