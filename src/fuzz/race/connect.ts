/**
 * Pre-warmed racer connections: each racer gets its own TCP (or TLS) connection, opened before
 * the race and handed to undici untouched, so connection set-up never spreads the release.
 */
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { buildConnector } from 'undici';

/** Where a race is fired: a parsed `http:`/`https:` origin. */
export interface RaceTarget {
  /** `http://127.0.0.1:8080`, no path. */
  readonly origin: string;
  readonly protocol: 'http:' | 'https:';
  /** Host name or address as connected to (IPv6 without brackets). */
  readonly host: string;
  readonly port: number;
}

/** TLS settings of a racer connection. */
export interface TlsSettings {
  readonly ca?: string | Buffer;
  readonly rejectUnauthorized?: boolean;
}

/** Opens one connection and waits until it is usable (TLS handshake done), at most `timeoutMs`. */
export function openConnection(target: RaceTarget, timeoutMs: number, tls: TlsSettings = {}): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket =
      target.protocol === 'https:'
        ? tlsConnect({
            host: target.host,
            port: target.port,
            ...(isIP(target.host) === 0 ? { servername: target.host } : {}),
            ALPNProtocols: ['http/1.1'],
            ...(tls.ca !== undefined ? { ca: tls.ca } : {}),
            rejectUnauthorized: tls.rejectUnauthorized ?? true,
          })
        : netConnect({ host: target.host, port: target.port });
    // Without this, the lone final byte waits for the ACK of the rest (Nagle + delayed ACK: up to 40 ms).
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      const error = Object.assign(new Error(`connect to ${target.origin} timed out after ${timeoutMs} ms`), { code: 'UND_ERR_CONNECT_TIMEOUT' });
      socket.destroy(error);
    }, timeoutMs);
    const onError = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    socket.once('error', onError);
    socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      socket.off('error', onError);
      // Until undici takes the socket over, a reset from the peer must not become an uncaught
      // 'error' event; undici learns of it from the destroyed socket or its own listener.
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

/**
 * An undici connector that hands over `socket` once; a second connect (undici reconnecting
 * after the racer's connection closed) fails, because a racer never opens a fresh connection
 * mid-race.
 */
export function singleUseConnector(socket: Socket): buildConnector.connector {
  let used = false;
  return (_options, callback) => {
    // Asynchronously, as undici's own connector does: a synchronous callback re-enters undici's
    // dispatch loop, which ignores it, and the request is never written.
    process.nextTick(() => {
      if (used || socket.destroyed) {
        callback(Object.assign(new Error('racer connection already used or closed'), { code: 'ECONNRESET' }), null);
        return;
      }
      used = true;
      callback(null, socket);
    });
  };
}
