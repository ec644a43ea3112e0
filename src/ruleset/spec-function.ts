/**
 * Builds conflictcheck rules. Every rule is given the document root, unresolved, and reads the
 * shared {@link SpecModel}: one walk of the document, whatever the number of rules, and the same
 * results under the `spectral` CLI (which resolves everything first) and under `conflictcheck lint`
 * (which resolves nothing).
 */
import { createRulesetFunction, type RuleDefinition, type RulesetFunctionWithValidator } from '@stoplight/spectral-core';
import type { IFunctionResult } from '@stoplight/spectral-core';
import { getSpecModel, type SpecModel } from '../model/spec-model.js';
import { docUrl } from '../package-files.js';

/** A JSON Schema for a rule function's options (validated by Spectral when the ruleset loads). */
export type OptionsSchema = Parameters<typeof createRulesetFunction>[0]['options'];

/** What a rule check returns: its findings, each with a message and the path it points at. */
export type SpecCheck<O> = (model: SpecModel, options: O) => IFunctionResult[];

/**
 * Wraps a check over the {@link SpecModel} as a Spectral ruleset function. `name` becomes the
 * function's name in Spectral's messages; `options` validates the rule's `functionOptions`.
 */
export function specFunction<O = null>(
  name: string,
  options: OptionsSchema,
  check: SpecCheck<O>,
): RulesetFunctionWithValidator<unknown, O> {
  const fn = createRulesetFunction<unknown, O>({ input: null, options }, (input, opts, context) => {
    linkRuleDoc(context.rule);
    const model = getSpecModel(input);
    if (model === null) return;
    const results = check(model, opts);
    return results.length > 0 ? results : undefined;
  });
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

/**
 * Links a conflictcheck rule to its doc, `rules/<id>.md` in the installed package (a `file:` URL,
 * see `docUrl`): the one place rule docs are linked, so every host — `conflictcheck lint` and the
 * unmodified `spectral` CLI alike — gives each result its `documentationUrl` and SARIF its
 * `helpUri`. It cannot be written in the definition: Spectral's ruleset schema takes only an
 * http(s) or ftp URL on a public host (`format: url`) and the project has none, so the link is set
 * on the rule Spectral built, before the results it reads it from. A rule of someone else's that
 * reuses a conflictcheck function under its own name has no doc here and gets no link.
 */
export function linkRuleDoc(rule: { readonly name?: string; documentationUrl: string | null }): void {
  // The function context types the rule as IRule; what Spectral passes is its Rule, named.
  if ((typeof rule.documentationUrl === 'string' && rule.documentationUrl !== '') || typeof rule.name !== 'string') return;
  const url = docUrl('rules', rule.name);
  if (url !== undefined) rule.documentationUrl = url;
}

/** What a rule declares; {@link specRule} fills in the rest. */
export interface SpecRuleSpec<O> {
  readonly description: string;
  readonly severity: 'error' | 'warn' | 'info' | 'hint';
  /** Enabled by `extends: conflictcheck` / `recommended`; false means only with `all` or by name. */
  readonly recommended: boolean;
  readonly function: RulesetFunctionWithValidator<unknown, O>;
  readonly functionOptions?: O;
}

/** A rule definition over the whole unresolved document (`given: $`, `resolved: false`). */
export function specRule<O>(spec: SpecRuleSpec<O>): RuleDefinition {
  return {
    description: spec.description,
    message: '{{error}}',
    severity: spec.severity,
    recommended: spec.recommended,
    given: '$',
    resolved: false,
    then: {
      function: spec.function,
      ...(spec.functionOptions === undefined ? {} : { functionOptions: spec.functionOptions }),
    },
  };
}

/** `PUT /documents/{id}`: how messages name an operation (kept here for the rule functions). */
export { describeOperation } from '../model/spec-model.js';
