/**
 * What a failed set-up sent and got, as every report shows it: the method and URL, the status (or
 * why there was none) and the start of the body, and the curl command that sends it again. A user
 * must be able to fix the spec or the configuration from this alone — a bare "set-up failed" does
 * not say which request the server refused, nor why. Credentials are redacted.
 */
import type { Exchange } from '../observation.js';
import type { SetupFailureSeen } from '../property.js';
import { curlCommand } from './curl.js';
import { BODY_PREVIEW_CHARS } from './race-layout.js';
import type { Redactor } from './redact.js';
import { oneLine } from './table.js';

/** `400 {"detail":"name is required"}`, `no response (timeout: …)`: what the set-up request got. */
export function setupAnswer(ex: Exchange, redactor: Redactor): string {
  const response = ex.response;
  const error = ex.error === undefined ? '' : `${response === undefined ? 'no response' : ' then'} (${ex.error.code}: ${oneLine(redactor.text(ex.error.message), BODY_PREVIEW_CHARS)})`;
  if (response === undefined) return error === '' ? 'no response' : error;
  const body = response.body === '' ? '(empty body)' : oneLine(redactor.text(response.body), BODY_PREVIEW_CHARS);
  return `${response.status} ${body}${response.truncated ? ' (cut at the body limit)' : ''}${error}`;
}

/** The lines showing one set-up exchange: sent, answered, reproduce. */
export function setupExchangeLines(ex: Exchange, redactor: Redactor, indent = '    '): string[] {
  return [
    `${indent}sent:      ${ex.request.method} ${redactor.url(ex.request.url)}`,
    `${indent}answered:  ${setupAnswer(ex, redactor)}`,
    `${indent}reproduce: ${curlCommand(ex.request, redactor)}`,
  ];
}

/** `label: set-up failed 3×: reason` and, when an exchange showed it, what was sent and got. */
export function setupFailureLines(label: string, failure: SetupFailureSeen, redactor: Redactor, indent = '  '): string[] {
  const head = `${indent}${label}: set-up failed ${failure.count}×: ${failure.reason}`;
  return failure.exchange === undefined ? [head] : [head, ...setupExchangeLines(failure.exchange, redactor, `${indent}  `)];
}
