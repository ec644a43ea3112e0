/**
 * The linearizability checker of `no-lost-update`: Wing–Gong search with Lowe's memoization
 * over the register model (docs/design.md#register-model), one partition per resource, with a time bound.
 */
export { checkHistory, checkPartitions, DEFAULT_TIME_LIMIT_MS, UNKNOWN_OUTPUT } from './check-history.js';
export type { CheckHistoryOptions, Partition, PartitionsResult } from './check-history.js';
export { DEFAULT_CONFLICT_STATUSES, registerModel } from './register-model.js';
export type { RegisterModel, RegisterModelOptions } from './register-model.js';
export { canonicalJson, jsonEqual } from './json-value.js';
export type { CheckResult, History, Model, Operation, RegisterInput, RegisterOutput, RegisterState } from './types.js';
