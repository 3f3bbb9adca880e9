import { expect } from 'vitest';

// A snippet that throws these is broken (a renamed API, a missing import), not demonstrating a refusal.
const PROGRAMMING_ERRORS = [TypeError, ReferenceError, SyntaxError];

/** Asserts that `run` throws (or rejects) with an error that is not a programming error. */
export async function expectThrows(run: () => unknown): Promise<void> {
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'the statement marked `// throws` did not throw').toBeInstanceOf(Error);
  for (const kind of PROGRAMMING_ERRORS) {
    expect(thrown, 'the statement threw a programming error, not a refusal').not.toBeInstanceOf(kind);
  }
}
