// One set of error helpers for the whole repo: re-exported from core's test support.
export { rejection, thrownBy, validationPaths } from '../../../core/test/support/catch-error.js';
