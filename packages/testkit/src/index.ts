export { FakeClock, sequentialIds } from '@retailkit/core';
export { aCashier, aClerk, aManager, anActor } from './builders/actors.js';
export { aDomainEvent } from './builders/events.js';
export type { ConformanceCase, ConformanceContext } from './conformance/conformance-case.js';
export { CORE_CONFORMANCE_IDS, type CoreConformanceId } from './conformance/core-cases.js';
export { OUTBOX_CONFORMANCE_IDS, type OutboxConformanceId } from './conformance/outbox-cases.js';
export {
  type ConformanceTestId,
  conformanceCases,
  runConformanceCase,
  runStorageConformance,
  type StorageConformanceOptions,
} from './conformance/run-storage-conformance.js';
