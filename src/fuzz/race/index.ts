/**
 * Synchronized race firing: N requests on N pre-warmed undici connections, released together by
 * last-byte synchronization.
 */
export { DEFAULT_RACE_OPTIONS, fireRace } from './fire-race.js';
export { DEFAULT_PACER, PACER_HEADER, pacerRequestCount } from './pacer.js';
export type { PacerReport, PacerSettings } from './pacer.js';
export type { RaceError, RaceMode, RaceOptions, RaceRecord, RaceRequest, RaceResult, ReleaseTechnique } from './types.js';
