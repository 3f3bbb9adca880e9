export type { IdempotencyRecord, IdempotencyRepository, IdempotencyScope } from './idempotency-repository.js';
export type { OutboxClaimRequest, OutboxRepository } from './outbox-repository.js';
export { purgeIdempotencyKeys } from './purge-idempotency-keys.js';
export { createRuntimeStorage } from './runtime-storage.js';
export type { CoreRepositories, StorageAdapter, TransactionOptions } from './storage-adapter.js';
