/**
 * Rate limited: every ninth request, whatever it is (a read, a create, a racer, a clean-up), is
 * refused with 429 before anything is looked at — every third of them with `Retry-After: 1`, the
 * others without it (GitHub's secondary limits: Retry-After "might be present"). Everything else
 * is the plain correct resource of `crud.ts`: strong sequence ETags, If-Match compare-and-set.
 */
import { crud } from '../lib/crud.js';
import { sendProblem, type CreateHandler } from '../lib/kit.js';

export const createHandler: CreateHandler = () => {
  const notes = crud({ collection: 'notes', fields: ['title', 'body'] });
  let requests = 0;
  let limited = 0;
  return (req, res, body) => {
    requests += 1;
    if (requests % 9 !== 0) return notes(req, res, body);
    limited += 1;
    // A refusal before any work: nothing was read or written.
    sendProblem(res, 429, 'Too Many Requests', 'slow down', limited % 3 === 1 ? { 'retry-after': '1' } : {});
  };
};
