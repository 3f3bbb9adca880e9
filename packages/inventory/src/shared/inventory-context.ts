import type { CommandContext, CoreRepositories } from '@retailkit/core';
import type { InventoryRepositories } from '../storage/inventory-repository.js';

/** The repositories inventory commands run on: the core ones and the inventory port. */
export type InventoryStorageRepositories = CoreRepositories & InventoryRepositories;

/** The context of an inventory command handler. */
export type InventoryCommandContext = CommandContext<InventoryStorageRepositories>;
