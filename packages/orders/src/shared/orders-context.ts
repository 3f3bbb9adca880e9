import type { CommandContext, CoreRepositories } from '@retailkit/core';
import type { OrderRepositories } from '../storage/orders-repository.js';

/** The repositories order commands run on: the core ones and the orders port. */
export type OrderStorageRepositories = CoreRepositories & OrderRepositories;

/** The context of an order command handler (its repositories may include other modules'). */
export type OrderCommandContext<R extends OrderStorageRepositories = OrderStorageRepositories> =
  CommandContext<R>;
