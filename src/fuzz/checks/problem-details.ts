/**
 * `problem-details` (RFC 9457): a 409/412/428 body is `application/problem+json` when the spec
 * promises it, matches the documented error schema, and its `status` member equals the HTTP
 * status (§3.1.2). A JSON body that claims to be a problem (the media type, or a numeric `status`
 * next to `type`/`title`) is judged as one; other error bodies are judged by status alone unless
 * the spec promises problem+json.
 */
import type { Exchange, RaceObservation } from '../observation.js';
import type { Check, CheckContext } from './check.js';
import { completed, headerValue, isRecord, parseJson } from './exchanges.js';
import { failed, PASSED, skipped } from './outcome.js';

const JUDGED = new Set([409, 412, 428]);
const PROBLEM_JSON = 'application/problem+json';

function baseMediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

type Judgement = { readonly kind: 'fine' } | { readonly kind: 'unjudged'; readonly why: string } | { readonly kind: 'wrong'; readonly problem: string };

function judge(ex: Exchange, obs: RaceObservation, ctx: CheckContext): Judgement {
  const response = completed(ex)!;
  const { status } = response;
  const mediaType = baseMediaType(headerValue(response.headers, 'content-type'));
  const documented = obs.documented.errorSchema(status);
  const promised = obs.documented.promisesProblemJson || baseMediaType(documented?.mediaType) === PROBLEM_JSON;
  if (promised && mediaType !== PROBLEM_JSON) return { kind: 'wrong', problem: `${status} with ${mediaType === '' ? 'no Content-Type' : mediaType}` };
  if (response.truncated) return { kind: 'unjudged', why: 'truncated body' };
  const body = parseJson(response.body);
  const claims = mediaType === PROBLEM_JSON || (isRecord(body) && typeof body.status === 'number' && ('type' in body || 'title' in body));
  if (!claims && !promised) return { kind: 'unjudged', why: `${mediaType === '' ? 'untyped' : mediaType} body` };
  if (!isRecord(body)) return { kind: 'wrong', problem: `${status} ${PROBLEM_JSON} whose body is not a JSON object` };
  if (body.status !== undefined && body.status !== status) return { kind: 'wrong', problem: `${status} whose status member is ${JSON.stringify(body.status)}` };
  if (documented?.schema !== undefined) {
    const verdict = ctx.validateSchema(body, documented.schema, documented.root);
    if (verdict.kind === 'invalid') return { kind: 'wrong', problem: `${status} not matching the documented schema (${verdict.errors.slice(0, 3).join('; ')})` };
  }
  return { kind: 'fine' };
}

function counted(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => (n === 1 ? item : `${n} × ${item}`)).join('; ');
}

/** The `problem-details` check. */
export const problemDetails: Check = {
  id: 'problem-details',
  run(obs, ctx) {
    const exchanges = [...obs.racers, ...obs.followUps.map((f) => f.exchange)].filter((ex) => JUDGED.has(completed(ex)?.status ?? 0));
    if (exchanges.length === 0) return skipped('no 409, 412 or 428 response to judge');
    const judged = exchanges.map((ex) => ({ ex, judgement: judge(ex, obs, ctx) }));
    const wrong = judged.flatMap(({ ex, judgement }) => (judgement.kind === 'wrong' ? [{ ex, problem: judgement.problem }] : []));
    if (wrong.length > 0) {
      const schema = exchanges.some((ex) => obs.documented.errorSchema(completed(ex)!.status)?.schema !== undefined);
      return failed('problem-details', obs, {
        title: `${wrong.length} of ${exchanges.length} conflict responses are not the problem details the spec documents`,
        expected: `application/problem+json${schema ? ' matching the documented schema' : ''}, status member = HTTP status`,
        received: counted(wrong.map((w) => w.problem)),
        evidence: wrong.map((w) => w.ex),
      });
    }
    if (judged.some((j) => j.judgement.kind === 'fine')) return PASSED;
    const whys = judged.flatMap(({ judgement }) => (judgement.kind === 'unjudged' ? [judgement.why] : []));
    return skipped(`no problem body to judge: ${counted(whys)}, and the spec promises no problem+json`);
  },
};
