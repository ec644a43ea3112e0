/**
 * Maps what undici and node:net throw to the stable codes of an exchange error, so reports and
 * checks never match on message text.
 */
import type { ExchangeErrorCode } from '../observation.js';
import type { RaceError } from './types.js';

const BY_CODE: Readonly<Record<string, ExchangeErrorCode>> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_OVERFLOW: 'too-large',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'too-large',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'bad-response',
  UND_ERR_INFO: 'bad-response',
  UND_ERR_ABORTED: 'aborted',
  ABORT_ERR: 'aborted',
};

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Classifies `error`; `timedOut` says the racer's own timer aborted it. */
export function classifyError(error: unknown, timedOut: boolean): RaceError {
  const message = error instanceof Error ? error.message : String(error);
  if (timedOut) return { code: 'timeout', message };
  // undici wraps the socket's error: the cause says whether the peer reset or refused.
  const causeCode = codeOf((error as { cause?: unknown } | null)?.cause);
  const code = codeOf(error);
  for (const c of [causeCode, code]) {
    if (c === undefined) continue;
    if (c.startsWith('HPE_')) return { code: 'bad-response', message };
    const mapped = BY_CODE[c];
    if (mapped !== undefined) return { code: mapped, message };
  }
  // undici's parser errors do not always carry an HPE_ code, but always this name.
  if (error instanceof Error && error.name === 'HTTPParserError') return { code: 'bad-response', message };
  return { code: 'other', message };
}
