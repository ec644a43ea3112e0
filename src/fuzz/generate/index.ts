/**
 * Generation of request bodies and parameter values from OpenAPI schemas, for the fuzz runner.
 */
export { schemaArbitrary } from './schema-arbitrary.js';
export { parameterArbitrary, type ParameterArbitraryOptions, type ParameterValue } from './parameter-arbitrary.js';
export type { Direction, SchemaArbitraryOptions } from './context.js';
export { SCHEMA_ERROR_CODE } from './errors.js';
