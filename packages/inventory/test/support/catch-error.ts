// One set of error helpers for every package's tests: the test kit's.
export { rejection, thrownBy, validationPaths } from '@retailkit/testkit';
