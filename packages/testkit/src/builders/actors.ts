import type { Actor } from '@retailkit/core';

/** An actor with the given roles (default: admin) and optional store scope. */
export function anActor(overrides: Partial<Actor> = {}): Actor {
  return { id: overrides.id ?? 'actor-1', roles: overrides.roles ?? ['admin'], ...pickStores(overrides) };
}

/** A cashier scoped to one store. */
export function aCashier(storeId: string, id = `cashier@${storeId}`): Actor {
  return { id, roles: ['cashier'], storeIds: [storeId] };
}

/** A clerk scoped to one store. */
export function aClerk(storeId: string, id = `clerk@${storeId}`): Actor {
  return { id, roles: ['clerk'], storeIds: [storeId] };
}

/** A manager scoped to the given stores. */
export function aManager(storeIds: readonly string[], id = `manager@${storeIds.join('+')}`): Actor {
  return { id, roles: ['manager'], storeIds };
}

function pickStores(overrides: Partial<Actor>): Pick<Actor, 'storeIds'> {
  return overrides.storeIds === undefined ? {} : { storeIds: overrides.storeIds };
}
