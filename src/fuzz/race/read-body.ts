/**
 * Reads a response body up to a byte limit, so a 50 MB (or endless) body costs at most the
 * limit: past it the stream is destroyed and the record says `truncated`.
 */

/** What was read; `error` is set when the body failed part-way (reset, timeout, bad framing). */
export interface LimitedBody {
  readonly body: Buffer;
  readonly truncated: boolean;
  readonly error?: unknown;
}

/** A readable body stream as undici returns it. */
export interface DestroyableBody extends AsyncIterable<unknown> {
  destroy(error?: Error): unknown;
}

/** Reads `stream` until its end or `maxBytes`, whichever comes first. */
export async function readLimited(stream: DestroyableBody, maxBytes: number): Promise<LimitedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const raw of stream) {
      const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
      if (size + chunk.length > maxBytes) {
        chunks.push(chunk.subarray(0, maxBytes - size));
        stream.destroy();
        return { body: Buffer.concat(chunks), truncated: true };
      }
      chunks.push(chunk);
      size += chunk.length;
    }
    return { body: Buffer.concat(chunks), truncated: false };
  } catch (error) {
    return { body: Buffer.concat(chunks), truncated: false, error };
  }
}
