/**
 * The token module (docs/design.md#the-token-module): one place that reads, writes and compares
 * concurrency tokens — ETags strong and weak, Last-Modified dates, body fields (their raw JSON
 * value kept) and query parameters. Scenarios and checks both go through it.
 */
export { DEFAULT_TOKEN, jsonToken, textToken, type Token, type TokenLocation } from './token.js';
export { headerOf, readToken, sentToken, tokenOfState, type ReadTokenState, type SentSource, type TokenSource } from './read.js';
export { bodyWithToken, pathWithToken, tokenHeaders } from './write.js';
export { isDateToken, isWeakTag, opaqueTag, tagsMatch, weakness, type Comparison } from './compare.js';
export { surelyDiffer } from './content.js';
export { conditionName, headerCase } from './describe.js';
