/**
 * A tap on one racer's socket, installed by replacing that socket instance's `write`: it
 * timestamps every write, can tell when everything written so far has been flushed, and can hold
 * back the final byte of the request that undici writes through it. Holding at the socket is how
 * requests without a body (GET, DELETE, an empty or one-byte body) get last-byte release: undici
 * writes their head in one piece, so there is no body iterable to pause.
 */
import type { Socket } from 'node:net';

type WriteCallback = (error?: Error | null) => void;

/** The tap of one socket. */
export interface SocketTap {
  /** When the latest write was handed to the socket (`performance.now()`), if any. */
  readonly lastWriteAt: number | undefined;
  /** Resolves once every write so far has been flushed to the OS (or the socket is gone). */
  flushed(): Promise<void>;
  /**
   * When holding: resolves once everything but the request's final byte has been flushed;
   * rejects if the socket closes first.
   */
  readonly held: Promise<void>;
  /** Writes the held byte (and anything written after it). No-op when nothing is held. */
  release(): void;
}

/** Hold back the final byte of the next request: its head ends at the first CRLFCRLF, then `bodyBytes` follow. */
export interface HoldSpec {
  readonly bodyBytes: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** Finds where the request ends: scans for the end of the head, then counts body bytes. */
class RequestEndTracker {
  private window = Buffer.alloc(0);
  private remaining: number | undefined;

  constructor(private readonly bodyBytes: number) {}

  /** The offset in `chunk` just past the request's final byte, or `undefined` if the request goes on. */
  endIn(chunk: Buffer): number | undefined {
    let offset = 0;
    if (this.remaining === undefined) {
      const joined = Buffer.concat([this.window, chunk]);
      const at = joined.indexOf(HEAD_END);
      if (at === -1) {
        this.window = joined.subarray(Math.max(0, joined.length - (HEAD_END.length - 1)));
        return undefined;
      }
      offset = at + HEAD_END.length - this.window.length;
      this.remaining = this.bodyBytes;
    }
    if (chunk.length - offset >= this.remaining) return offset + this.remaining;
    this.remaining -= chunk.length - offset;
    return undefined;
  }
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
}

/** Installs a tap on `socket`; with `hold`, withholds the final byte of the request written next. */
export function tapSocket(socket: Socket, hold?: HoldSpec): SocketTap {
  const originalWrite = socket.write.bind(socket) as (chunk: Buffer, callback?: WriteCallback) => boolean;
  const tracker = hold ? new RequestEndTracker(hold.bodyBytes) : undefined;
  let lastWriteAt: number | undefined;
  let pendingWrites = 0;
  let flushWaiters: (() => void)[] = [];
  /** Bytes (from the final one on) and callbacks waiting for the release; undefined while not holding. */
  let withheld: { chunks: Buffer[]; callbacks: WriteCallback[] } | undefined;
  let released = false;
  let resolveHeld!: () => void;
  let rejectHeld!: (error: Error) => void;
  const held = new Promise<void>((resolve, reject) => {
    resolveHeld = resolve;
    rejectHeld = reject;
  });
  // The caller may never look at `held` (no hold): do not let its rejection go unhandled.
  held.catch(() => undefined);

  const settleFlush = () => {
    if (pendingWrites > 0 && !socket.destroyed) return;
    const waiters = flushWaiters;
    flushWaiters = [];
    for (const w of waiters) w();
  };

  const pass = (chunk: Buffer, callback?: WriteCallback): boolean => {
    // A write to a dead socket sends nothing: it must not count as the racer's release.
    if (!socket.destroyed) lastWriteAt = performance.now();
    pendingWrites++;
    return originalWrite(chunk, (error) => {
      pendingWrites--;
      settleFlush();
      callback?.(error);
    });
  };

  socket.once('close', () => {
    rejectHeld(new Error('connection closed before the request was held at the gate'));
    settleFlush();
  });

  socket.write = ((chunk: unknown, encoding?: unknown, cb?: unknown): boolean => {
    const callback = (typeof encoding === 'function' ? encoding : cb) as WriteCallback | undefined;
    const buffer = toBuffer(chunk, encoding);
    if (withheld !== undefined) {
      withheld.chunks.push(buffer);
      if (callback) withheld.callbacks.push(callback);
      return true;
    }
    const end = tracker && !released ? tracker.endIn(buffer) : undefined;
    if (end === undefined) return pass(buffer, callback);
    // Everything up to the final byte goes now; the final byte and whatever follows wait for the gate.
    withheld = { chunks: [buffer.subarray(end - 1)], callbacks: callback ? [callback] : [] };
    const before = buffer.subarray(0, end - 1);
    if (before.length > 0) pass(before, (error) => (error ? rejectHeld(error) : resolveHeld()));
    else void tap.flushed().then(resolveHeld);
    return true;
  }) as typeof socket.write;

  const tap: SocketTap = {
    get lastWriteAt() {
      return lastWriteAt;
    },
    flushed() {
      return new Promise<void>((resolve) => {
        flushWaiters.push(resolve);
        settleFlush();
      });
    },
    held,
    release() {
      released = true;
      if (withheld === undefined) return;
      const { chunks, callbacks } = withheld;
      withheld = undefined;
      pass(Buffer.concat(chunks), (error) => {
        for (const callback of callbacks) callback(error);
      });
    },
  };
  return tap;
}
