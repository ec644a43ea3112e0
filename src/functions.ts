/**
 * The ruleset's functions, for users who redefine a rule with other options in a JavaScript
 * Spectral ruleset (`import { conflictStatusDocumented } from 'conflictcheck/functions'`).
 * Every function reads the whole unresolved document: use it with `given: $` and
 * `resolved: false`, as the bundled rules do.
 *
 * @packageDocumentation
 */
export { conditionalHeaderDuplicates } from './ruleset/functions/conditional-header-duplicates.js';
export { conflictDescriptionSpecific } from './ruleset/functions/conflict-description-specific.js';
export { conflictExampleStatus } from './ruleset/functions/conflict-example-status.js';
export { conflictNotOnSafeMethods } from './ruleset/functions/conflict-not-on-safe-methods.js';
export { conflictResponseHasBody } from './ruleset/functions/conflict-response-has-body.js';
export { conflictStatusDocumented } from './ruleset/functions/conflict-status-documented.js';
export { conflictValidationWording } from './ruleset/functions/conflict-validation-wording.js';
export { createIfAbsentHeader } from './ruleset/functions/create-if-absent-header.js';
export { etagHeaderSchema } from './ruleset/functions/etag-header-schema.js';
export { etagOnItemGet } from './ruleset/functions/etag-on-item-get.js';
export { etagOnWriteResponses } from './ruleset/functions/etag-on-write-responses.js';
export { idempotencyKeyAccepted } from './ruleset/functions/idempotency-key-accepted.js';
export { idempotencyKeyErrorStatuses } from './ruleset/functions/idempotency-key-error-statuses.js';
export { idempotencyKeySchema } from './ruleset/functions/idempotency-key-schema.js';
export { ifMatchOnWrites } from './ruleset/functions/if-match-on-writes.js';
export { precondition412Documented } from './ruleset/functions/precondition-412-documented.js';
export { precondition412NeedsHeader } from './ruleset/functions/precondition-412-needs-header.js';
export { preconditionFailureNot409 } from './ruleset/functions/precondition-failure-not-409.js';
export { preconditionRequired428 } from './ruleset/functions/precondition-required-428.js';
export { problemConsistentSchema } from './ruleset/functions/problem-consistent-schema.js';
export { problemMediaType } from './ruleset/functions/problem-media-type.js';
export { problemMemberTypes } from './ruleset/functions/problem-member-types.js';
export { problemNonstandardFields } from './ruleset/functions/problem-nonstandard-fields.js';
export { problemNotOnSuccess } from './ruleset/functions/problem-not-on-success.js';
export { problemPrivateFormat } from './ruleset/functions/problem-private-format.js';
export { problemRequiredMembers } from './ruleset/functions/problem-required-members.js';
export { problemSharedRef } from './ruleset/functions/problem-shared-ref.js';
export { weakEtagWithIfMatch } from './ruleset/functions/weak-etag-with-if-match.js';
