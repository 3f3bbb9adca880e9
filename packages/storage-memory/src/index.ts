export { createMemoryStorage, type MemoryRepositories, type MemoryStorage } from './memory-storage.js';
export { MemoryTable } from './transaction/memory-table.js';
export { MemoryTransaction } from './transaction/memory-transaction.js';
