import type { Actor, QueryOptions } from '@retailkit/core';

/** The options of a query that needs `inventory.read` in `locationId`, or chain-wide without one. */
export function inventoryRead(actor: Actor, locationId?: string): QueryOptions {
  return {
    actor,
    permission: 'inventory.read',
    ...(locationId === undefined ? {} : { storeId: locationId }),
  };
}
