/**
 * The request body of a last-byte racer: an async iterable that yields all but the final byte,
 * reports the racer at the gate once undici has flushed that much to the socket, and yields the
 * final byte only when the gate opens. `content-length` must be set, so undici frames the body
 * as-is instead of chunking it.
 */
import type { Socket } from 'node:net';
import type { ReleaseGate } from './release-gate.js';
import type { SocketTap } from './socket-tap.js';

/** A body of at least two bytes, held back by one byte until `gate` opens. */
export async function* gatedBody(bytes: Buffer, racer: number, gate: ReleaseGate, socket: Socket, tap: SocketTap): AsyncGenerator<Buffer> {
  yield bytes.subarray(0, bytes.length - 1);
  // undici asks for the next chunk only after handing this one (and the head) to the socket.
  await tap.flushed();
  if (socket.destroyed) gate.fail(racer, 'connection closed before the gate');
  else gate.arrive(racer);
  await gate.released;
  yield bytes.subarray(bytes.length - 1);
}
