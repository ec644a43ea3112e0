/**
 * Ground truth for Azurite's Queue service, by plain HTTP (no conflictcheck code): sequential
 * probes of Create Queue (fresh, the same again, the same name with other metadata), Get Queue
 * Metadata, Delete Queue, Put Message and Update / Delete Message with the current and a stale pop
 * receipt, then rounds of 8 concurrent identical creates, creates with distinct metadata, message
 * updates and message deletes carrying one pop receipt.
 */
import { addRound, emptyTruth, mediaType, Prober, type Answer, type Truth } from '../../lib/http.js';
import { accountAddress } from '../azurite-blob/start.js';
import { queueSas } from './start.js';

const ROUNDS = 6;

function xmlText(answer: Answer, element: string): string {
  return new RegExp(`<${element}>([^<]*)</${element}>`).exec(answer.text)?.[1] ?? '';
}

function message(text: string): string {
  return `<?xml version="1.0" encoding="utf-8"?><QueueMessage><MessageText>${text}</MessageText></QueueMessage>`;
}

export async function truth(baseUrl: string): Promise<Truth> {
  const { origin, account, at } = accountAddress(baseUrl, queueSas());
  const p = new Prober(origin);
  const { facts, races, bugs, notes } = emptyTruth();
  const XML = { 'content-type': 'application/xml' };
  const createQueue = (name: string, headers: Record<string, string> = {}) => p.ask({ method: 'PUT', path: at(`/${name}`), headers });
  const putMessage = async (queue: string, text: string) => {
    const a = await p.ask({ method: 'POST', path: at(`/${queue}/messages`), headers: XML, body: message(text) });
    return { answer: a, id: xmlText(a, 'MessageId'), popReceipt: xmlText(a, 'PopReceipt') };
  };
  const updateMessage = (queue: string, id: string, popReceipt: string, text: string): import('../../lib/http.js').Ask => ({
    method: 'PUT',
    path: at(`/${queue}/messages/${id}`, `popreceipt=${encodeURIComponent(popReceipt)}&visibilitytimeout=0`),
    headers: XML,
    body: message(text),
  });
  const peek = async (queue: string) => xmlText(await p.ask({ method: 'GET', path: at(`/${queue}/messages`, 'peekonly=true') }), 'MessageText');
  const tag = Date.now().toString(36);
  const queue = `truth${tag}`;
  try {
    const created = await createQueue(queue);
    facts['PUT queue'] = created.status;
    facts['PUT queue again, same (no) metadata'] = (await createQueue(queue)).status;
    const other = await createQueue(queue, { 'x-ms-meta-owner': 'someone' });
    facts['PUT queue again, other metadata'] = other.status;
    facts['409 media type'] = mediaType(other) ?? 'none';
    facts['409 x-ms-error-code'] = other.headers['x-ms-error-code'] ?? 'none';
    facts['PUT queue without a SAS'] = (await p.ask({ method: 'PUT', path: `${account}/nosas${tag}` })).status;
    const meta = await p.ask({ method: 'GET', path: at(`/${queue}`, 'comp=metadata') });
    facts['GET queue metadata'] = meta.status;
    facts['GET queue metadata ETag'] = meta.headers.etag !== undefined;
    facts['GET queue metadata missing'] = (await p.ask({ method: 'GET', path: at(`/nope${tag}`, 'comp=metadata') })).status;

    const put = await putMessage(queue, 'one');
    facts['POST message'] = put.answer.status;
    facts['POST message media type'] = mediaType(put.answer) ?? 'none';
    facts['POST message answers a pop receipt'] = put.popReceipt !== '';
    const updated = await p.ask(updateMessage(queue, put.id, put.popReceipt, 'two'));
    facts['PUT message current pop receipt'] = updated.status;
    const receipt2 = updated.headers['x-ms-popreceipt'] ?? '';
    facts['PUT message answers a new pop receipt'] = receipt2 !== '' && receipt2 !== put.popReceipt;
    facts['PUT message changes the text'] = (await peek(queue)) === 'two';
    const stale = await p.ask(updateMessage(queue, put.id, put.popReceipt, 'stale'));
    facts['PUT message stale pop receipt'] = stale.status;
    facts['400 x-ms-error-code'] = stale.headers['x-ms-error-code'] ?? 'none';
    facts['400 media type'] = mediaType(stale) ?? 'none';
    facts['PUT message stale pop receipt leaves the text'] = (await peek(queue)) === 'two';
    facts['PUT message missing'] = (await p.ask(updateMessage(queue, '00000000-0000-0000-0000-000000000000', receipt2, 'x'))).status;
    facts['DELETE message stale pop receipt'] = (await p.ask({ method: 'DELETE', path: at(`/${queue}/messages/${put.id}`, `popreceipt=${encodeURIComponent(put.popReceipt)}`) })).status;
    facts['DELETE message current pop receipt'] = (await p.ask({ method: 'DELETE', path: at(`/${queue}/messages/${put.id}`, `popreceipt=${encodeURIComponent(receipt2)}`) })).status;
    facts['DELETE message again'] = (await p.ask({ method: 'DELETE', path: at(`/${queue}/messages/${put.id}`, `popreceipt=${encodeURIComponent(receipt2)}`) })).status;
    facts['DELETE queue'] = (await p.ask({ method: 'DELETE', path: at(`/${queue}`) })).status;
    facts['DELETE queue again'] = (await p.ask({ method: 'DELETE', path: at(`/${queue}`) })).status;

    const warm = { method: 'GET', path: at('', 'comp=list') };
    for (let round = 0; round < ROUNDS; round++) {
      const same = `same${tag}r${round}`;
      const creates = await p.race(() => ({ method: 'PUT', path: at(`/${same}`) }), warm);
      races['create: 8 identical PUT queue to one fresh name'] = addRound(races['create: 8 identical PUT queue to one fresh name'], creates, (a) => a.status === 201);

      const distinct = `meta${tag}r${round}`;
      const metas = await p.race((i) => ({ method: 'PUT', path: at(`/${distinct}`), headers: { 'x-ms-meta-racer': String(i) } }), warm);
      races['create: PUT queue with distinct metadata to one fresh name'] = addRound(races['create: PUT queue with distinct metadata to one fresh name'], metas, (a) => a.status === 201);

      const m = await putMessage(same, 'base');
      const updates = await p.race((i) => updateMessage(same, m.id, m.popReceipt, `racer ${i}`), warm);
      const winners = updates.flatMap((a, i) => (a.status === 204 ? [i] : []));
      const text = await peek(same);
      races['update: PUT message with one pop receipt'] = addRound(races['update: PUT message with one pop receipt'], updates, (a) => a.status === 204, winners.length !== 1 || text !== `racer ${winners[0]}`);

      const receipt = updates[winners[0] ?? 0]?.headers['x-ms-popreceipt'] ?? '';
      const deletes = await p.race(() => ({ method: 'DELETE', path: at(`/${same}/messages/${m.id}`, `popreceipt=${encodeURIComponent(receipt)}`) }), warm);
      const gone = (await peek(same)) === '';
      races['delete: DELETE message with one pop receipt'] = addRound(races['delete: DELETE message with one pop receipt'], deletes, (a) => a.status === 204, !gone);
    }
  } finally {
    await p.close();
  }
  if (facts['PUT queue again, same (no) metadata'] === 204) notes.push('Create Queue of an existing name with identical metadata answers 204 No Content (the REST reference says so): a success that creates nothing; other metadata gets 409 QueueAlreadyExists');
  if (facts['PUT message stale pop receipt'] === 400) notes.push('a stale pop receipt is a 400 PopReceiptMismatch, not a 409 or 412 (the REST reference says so); the pop receipt is the message\'s concurrency token, answered in x-ms-popreceipt and in the Put Message XML, and a message has no GET');
  notes.push('error bodies are application/xml (<Error><Code>…</Code><Message>…</Message></Error>), not problem details; the description documents them so');
  return { server: 'azurite-queue', facts, races, bugs, notes };
}
