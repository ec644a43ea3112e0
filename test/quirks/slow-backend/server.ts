/**
 * A slow backend (a far database, a cold cache): every answer, reads included, leaves 150 ms after
 * the request arrived. The check-and-write itself happens the moment a write arrives, on one map,
 * so the server is correct, only slow. The suite runs it under a short `--deadline` (1.5 s): the
 * run stops at the deadline, and the requests the runner's own deadline cut short are not the
 * server's failure.
 */
import { crud } from '../lib/crud.js';
import type { CreateHandler } from '../lib/kit.js';

const DELAY_MS = 150;

export const createHandler: CreateHandler = () => {
  const events = crud({ collection: 'events', fields: ['name', 'seats'] });
  return (req, res, body) => {
    // The answer is decided now and only sent later: hold back what the handler writes.
    const writeHead = res.writeHead.bind(res);
    const end = res.end.bind(res);
    let head: Parameters<typeof res.writeHead> | undefined;
    res.writeHead = ((...args: Parameters<typeof res.writeHead>) => ((head = args), res)) as typeof res.writeHead;
    res.end = ((chunk?: unknown) => {
      setTimeout(() => {
        if (head !== undefined) writeHead(...head);
        end(chunk as string | undefined);
      }, DELAY_MS);
      return res;
    }) as typeof res.end;
    return events(req, res, body);
  };
};
