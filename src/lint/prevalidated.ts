/**
 * Ruleset definitions that need no validation when they are loaded. Spectral validates every
 * definition given to `new Ruleset(...)` against its ruleset schema, and compiling that schema
 * with ajv is the largest single cost of a lint run's start (~0.25 s). The bundled ruleset is a
 * constant of this package, validated by the test suite (test/lint/prevalidated.test.ts), and a
 * plain config (src/lint/plain-config.ts) is valid by construction, so the bundled CLI skips
 * validating them: its build wraps Spectral's `assertValidRuleset` to return early
 * for the definitions registered here (see tsup.config.ts). Everywhere else — this library
 * imported from node_modules, the tests — the registry is read by nothing and Spectral validates
 * as usual.
 */

/** The global registry, shared by name with the wrapper the CLI build adds to Spectral. */
export const PREVALIDATED_KEY = Symbol.for('conflictcheck.prevalidated-rulesets');

/**
 * Registers `definition` as already validated; returns it. Its `rules` object is registered too:
 * for a definition with `extends`, Spectral validates a copy, `{ extends: [], ...definition }`,
 * which shares only that object with the original.
 */
export function markPrevalidated<T extends object>(definition: T): T {
  const registry = ((globalThis as Record<symbol, WeakSet<object> | undefined>)[PREVALIDATED_KEY] ??= new WeakSet<object>());
  registry.add(definition);
  const rules = (definition as { rules?: unknown }).rules;
  if (rules !== null && typeof rules === 'object') registry.add(rules);
  return definition;
}
