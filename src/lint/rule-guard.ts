/**
 * Keeps a crashing rule function from being mistaken for a clean result. Spectral lets a throwing
 * function abort the whole run through Nimma's AggregateError, and an async one can reject after
 * the run gave up; both are caught here and recorded against the rule's name.
 */
import type { Ruleset } from '@stoplight/spectral-core';

/** A rule function that threw or rejected. */
export interface RuleCrash {
  readonly rule: string;
  readonly error: unknown;
}

type Then = Ruleset['rules'][string]['then'][number];
type RuleFunction = Then['function'];

function guard(rule: string, fn: RuleFunction, crashes: RuleCrash[]): RuleFunction {
  const guarded = (...args: Parameters<RuleFunction>): ReturnType<RuleFunction> => {
    try {
      const result = fn(...args);
      if (result !== undefined && typeof (result as PromiseLike<unknown>).then === 'function') {
        return (result as Promise<Awaited<ReturnType<RuleFunction>>>).catch((error: unknown) => {
          crashes.push({ rule, error });
          return undefined;
        }) as ReturnType<RuleFunction>;
      }
      return result;
    } catch (error) {
      crashes.push({ rule, error });
      return undefined;
    }
  };
  Object.defineProperty(guarded, 'name', { value: fn.name });
  return guarded as RuleFunction;
}

/** Wraps every rule function of `ruleset` so that its crashes land in `crashes`. */
export function guardRules(ruleset: Ruleset, crashes: RuleCrash[]): void {
  for (const rule of Object.values(ruleset.rules)) {
    rule.then = rule.then.map((then) => ({ ...then, function: guard(rule.name, then.function, crashes) }));
  }
}

/**
 * Names the rule behind an error that escaped Spectral's run anyway (rules rebuilt per file by
 * `overrides` are not guarded): Spectral's message names the function, which maps to rules.
 */
export function crashedRulesOf(ruleset: Ruleset, error: unknown): { rules: string[]; message: string } {
  const texts: string[] = [];
  if (error instanceof Error) {
    texts.push(error.message);
    const inner = (error as Partial<AggregateError>).errors;
    if (Array.isArray(inner)) texts.push(...inner.map((e: unknown) => (e instanceof Error ? e.message : String(e))));
  } else {
    texts.push(String(error));
  }
  for (const text of texts) {
    const match = /Function \\?"([^"\\]+)\\?" threw an exception(?:: ([^"\n]*))?/.exec(text);
    if (match !== null) {
      const fnName = match[1]!;
      const rules = Object.values(ruleset.rules)
        .filter((rule) => rule.enabled && rule.then.some((then) => then.function.name === fnName))
        .map((rule) => rule.name);
      return { rules, message: match[2] ?? text };
    }
  }
  return { rules: [], message: texts[0] ?? 'unknown error' };
}
