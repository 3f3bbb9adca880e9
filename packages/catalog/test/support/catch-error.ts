// The core package's test helpers, so every package asserts errors the same way.
export { rejection, thrownBy, validationPaths } from '../../../core/test/support/catch-error.js';
