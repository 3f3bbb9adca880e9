export { decimalStringSchema, idempotencyKeySchema, idSchema } from './common-schemas.js';
export { parseInput, toValidationIssues } from './parse-input.js';
