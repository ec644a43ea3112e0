/**
 * `problem-details` (RFC 9457): each 409/412/428 body is what its own response documents —
 * `application/problem+json` where that response promises it, the documented schema where there
 * is one (problem+json or plain JSON) — and a problem's `status` member equals the HTTP status
 * (§3.1.2). A JSON body that claims to be a problem (the media type, or a numeric `status` next to
 * `type`/`title`) is judged as one; other error bodies whose response documents nothing are not
 * judged. Only problem bodies pass the check: non-problem bodies that match their documented
 * schema leave it skipped (nothing wrong, and no problem details to credit).
 */
import { isJsonMediaType } from '../../model/semantics.js';
import type { Documented, Exchange, RaceObservation } from '../observation.js';
import type { Check, CheckContext } from './check.js';
import { baseMediaType } from './documented.js';
import { completed, headerValue, isRecord, parseJson } from './exchanges.js';
import { failed, PASSED, skipped } from './outcome.js';

const JUDGED = new Set([409, 412, 428]);
const PROBLEM_JSON = 'application/problem+json';

/** `fine` bodies that are no problem (a documented plain-JSON error schema, matched) are held to it, but prove no problem details. */
type Judgement = { readonly kind: 'fine'; readonly problem: boolean; readonly what: string } | { readonly kind: 'unjudged'; readonly why: string } | { readonly kind: 'wrong'; readonly problem: string };

/**
 * What `status`'s own response documents (its range or `default` standing in when it is not
 * documented exactly). Per status on purpose: a problem+json 409 says nothing about the body of a
 * 412 that the spec documents as application/json. Where the status documents the media type the
 * server answered with (application/json beside problem+json: the runner's Accept offers both),
 * the body is held to that one.
 */
function promiseOf(obs: RaceObservation, status: number, received?: string): ReturnType<Documented['errorSchema']> {
  const documented = obs.documented.errorSchema(status, received);
  return documented === undefined ? undefined : { ...documented, mediaType: baseMediaType(documented.mediaType) };
}

/** What a status is expected to send, for the failure's `Expected`. */
function expectation(obs: RaceObservation, status: number): string {
  const promise = promiseOf(obs, status);
  const schema = promise?.schema === undefined ? '' : ' matching the documented schema';
  if (promise?.mediaType === PROBLEM_JSON) return `${PROBLEM_JSON}${schema}, status member = HTTP status`;
  if (schema !== '') return `${promise!.mediaType}${schema}`;
  return 'status member of a problem = HTTP status';
}

function judge(ex: Exchange, obs: RaceObservation, ctx: CheckContext): Judgement {
  const response = completed(ex)!;
  const { status } = response;
  const mediaType = baseMediaType(headerValue(response.headers, 'content-type'));
  const received = mediaType === '' ? 'no Content-Type' : mediaType;
  const promise = promiseOf(obs, status, mediaType);
  const promised = promise?.mediaType === PROBLEM_JSON;
  // A documented JSON schema other than problem+json: the body is held to it, so it must be JSON.
  const jsonSchema = !promised && promise?.schema !== undefined;
  if (promised && mediaType !== PROBLEM_JSON) return { kind: 'wrong', problem: `${status} with ${received}` };
  if (jsonSchema && !isJsonMediaType(mediaType)) return { kind: 'wrong', problem: `${status} with ${received} where ${promise!.mediaType} is documented` };
  if (response.truncated) return { kind: 'unjudged', why: 'truncated body' };
  const body = parseJson(response.body);
  const claims = mediaType === PROBLEM_JSON || (isRecord(body) && typeof body.status === 'number' && ('type' in body || 'title' in body));
  if (!claims && !promised && !jsonSchema) return { kind: 'unjudged', why: `${mediaType === '' ? 'untyped' : mediaType} body` };
  if (claims || promised) {
    if (!isRecord(body)) return { kind: 'wrong', problem: `${status} ${PROBLEM_JSON} whose body is not a JSON object` };
    if (body.status !== undefined && body.status !== status) return { kind: 'wrong', problem: `${status} whose status member is ${JSON.stringify(body.status)}` };
  }
  if (promise?.schema !== undefined) {
    if (body === undefined) return { kind: 'wrong', problem: `${status} whose body is not JSON` };
    const verdict = ctx.validateSchema(body, promise.schema, promise.root);
    if (verdict.kind === 'invalid') return { kind: 'wrong', problem: `${status} not matching the documented schema (${verdict.errors.slice(0, 3).join('; ')})` };
  }
  return { kind: 'fine', problem: claims || promised, what: `${received} matching its documented schema` };
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
      // One expectation when every wrong status expects the same; else one per status.
      const statuses = [...new Set(wrong.map((w) => completed(w.ex)!.status))].sort((a, b) => a - b);
      const expectations = statuses.map((status) => ({ status, text: expectation(obs, status) }));
      const expected = new Set(expectations.map((e) => e.text)).size === 1 ? expectations[0]!.text : expectations.map((e) => `${e.status}: ${e.text}`).join('; ');
      return failed('problem-details', obs, {
        title: `${wrong.length} of ${exchanges.length} conflict responses are not the problem details the spec documents`,
        expected,
        received: counted(wrong.map((w) => w.problem)),
        evidence: wrong.map((w) => w.ex),
      });
    }
    // Only a problem body passes: a documented non-problem error schema (CouchDB's {error, reason},
    // OData's {"odata.error"}) that every body matched is no finding, and no problem details either.
    if (judged.some((j) => j.judgement.kind === 'fine' && j.judgement.problem)) return PASSED;
    const whys = judged.flatMap(({ judgement }) => (judgement.kind === 'unjudged' ? [judgement.why] : judgement.kind === 'fine' ? [judgement.what] : []));
    // A status may document problem+json beside the plain JSON the server chose: then it was offered, not promised.
    const offered = judged.some(({ ex }) => promiseOf(obs, completed(ex)!.status)?.mediaType === PROBLEM_JSON);
    return skipped(`no problem body to judge: ${counted(whys)}, and the spec ${offered ? 'documents problem+json only beside it' : 'promises no problem+json'}`);
  },
};
