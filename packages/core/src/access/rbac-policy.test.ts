import { describe, expect, it } from 'vitest';
import { rejection, thrownBy, validationPaths } from '../../test/support/catch-error.js';
import { ForbiddenError } from '../errors/error-classes.js';
import { isRetailKitError } from '../errors/retailkit-error.js';
import { parseInput } from '../validation/parse-input.js';
import { type Actor, actorSchema } from './actor.js';
import { authorize } from './authorize.js';
import type { Permission } from './permission.js';
import type { Policy } from './policy.js';
import { createRbacPolicy, DEFAULT_ROLES } from './rbac-policy.js';

const policy = createRbacPolicy();

function allowed(p: Policy, actor: Actor, permission: Permission, storeId?: string): boolean {
  const decision = p.authorize({ actor, permission, ...(storeId === undefined ? {} : { storeId }) });
  if (decision instanceof Promise) throw new Error('the RBAC policy answers synchronously');
  return decision.allowed;
}

const cashier: Actor = { id: 'cara', roles: ['cashier'] };
const clerk: Actor = { id: 'cleo', roles: ['clerk'] };
const manager: Actor = { id: 'mia', roles: ['manager'] };
const admin: Actor = { id: 'ada', roles: ['admin'] };

describe('createRbacPolicy with the default roles', () => {
  it('lets a cashier reserve stock but not adjust it', () => {
    expect(allowed(policy, cashier, 'inventory.reserve')).toBe(true);
    expect(allowed(policy, cashier, 'orders.pay')).toBe(true);
    expect(allowed(policy, cashier, 'inventory.adjust')).toBe(false);
    expect(allowed(policy, cashier, 'catalog.update')).toBe(false);
  });

  it('gives a clerk everything a cashier has, plus stock work', () => {
    for (const permission of DEFAULT_ROLES.cashier.permissions) {
      expect(allowed(policy, clerk, permission)).toBe(true);
    }
    expect(allowed(policy, clerk, 'inventory.adjust')).toBe(true);
    expect(allowed(policy, clerk, 'orders.refund')).toBe(false);
  });

  it('gives a manager every catalog permission, including ones not listed anywhere', () => {
    expect(allowed(policy, manager, 'catalog.read')).toBe(true);
    expect(allowed(policy, manager, 'catalog.change-price')).toBe(true);
    expect(allowed(policy, manager, 'orders.refund')).toBe(true);
    expect(allowed(policy, manager, 'settings.change')).toBe(false);
  });

  it('lets an admin do anything', () => {
    expect(allowed(policy, admin, 'settings.change')).toBe(true);
    expect(allowed(policy, admin, 'inventory.adjust', 'any-store')).toBe(true);
  });

  it('refuses an actor with no roles, or only roles it does not know', () => {
    const nobody: Actor = { id: 'nobody', roles: [] };
    expect(policy.authorize({ actor: nobody, permission: 'catalog.read' })).toEqual({
      allowed: false,
      reason: 'actor nobody (roles: none) lacks catalog.read',
    });
    expect(allowed(policy, { id: 'x', roles: ['superuser'] }, 'catalog.read')).toBe(false);
  });

  it('allows when any one of several roles grants the permission', () => {
    expect(allowed(policy, { id: 'x', roles: ['superuser', 'cashier'] }, 'inventory.reserve')).toBe(true);
  });
});

describe('store scoping', () => {
  const managerOfA: Actor = { id: 'mia', roles: ['manager'], storeIds: ['store-a'] };

  it('refuses a manager of store A in store B with a ForbiddenError naming the actor and store', async () => {
    await authorize(policy, { actor: managerOfA, permission: 'inventory.adjust', storeId: 'store-a' });
    const error = await authorize(policy, {
      actor: managerOfA,
      permission: 'inventory.adjust',
      storeId: 'store-b',
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    expect((error as ForbiddenError).message).toBe('Forbidden: actor mia may not act in store store-b');
    expect((error as ForbiddenError).details).toEqual({
      actorId: 'mia',
      permission: 'inventory.adjust',
      storeId: 'store-b',
    });
  });

  it('refuses a store-limited actor chain-wide, except for its roles chainWide permissions', async () => {
    const error = await rejection(authorize(policy, { actor: managerOfA, permission: 'catalog.update' }));
    expect(isRetailKitError(error, 'FORBIDDEN')).toBe(true);
    expect((error as Error).message).toContain('may not catalog.update chain-wide');
    // Reading the catalog and signing up customers are chain-wide by nature (inherited from cashier).
    expect(allowed(policy, managerOfA, 'catalog.read')).toBe(true);
    expect(allowed(policy, managerOfA, 'customers.create')).toBe(true);
    // An actor of every store is not limited.
    expect(allowed(policy, manager, 'catalog.update')).toBe(true);
  });

  it('lets custom roles grant chain-wide permissions to store-limited actors', () => {
    const custom = createRbacPolicy({
      roles: { ...DEFAULT_ROLES, buyer: { permissions: ['catalog.*'], chainWide: ['catalog.*'] } },
    });
    expect(allowed(custom, { id: 'bo', roles: ['buyer'], storeIds: ['store-a'] }, 'catalog.update')).toBe(
      true,
    );
  });

  it('lets an actor without storeIds act in every store, and one with empty storeIds in none', () => {
    expect(allowed(policy, manager, 'inventory.adjust', 'store-z')).toBe(true);
    expect(allowed(policy, { ...manager, storeIds: [] }, 'inventory.adjust', 'store-z')).toBe(false);
  });

  it('reports a missing permission before the store scope', async () => {
    const cashierOfA: Actor = { id: 'cara', roles: ['cashier'], storeIds: ['store-a'] };
    await expect(
      authorize(policy, { actor: cashierOfA, permission: 'inventory.adjust', storeId: 'store-b' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Forbidden: actor cara (roles: cashier) lacks inventory.adjust',
    });
  });
});

describe('custom roles', () => {
  it('extend the defaults, inheriting from a default role', () => {
    const custom = createRbacPolicy({
      roles: {
        ...DEFAULT_ROLES,
        auditor: { inherits: ['cashier'], permissions: ['analytics.read'] },
      },
    });
    const auditor: Actor = { id: 'aud', roles: ['auditor'] };
    expect(allowed(custom, auditor, 'analytics.read')).toBe(true);
    expect(allowed(custom, auditor, 'inventory.reserve')).toBe(true);
    expect(allowed(custom, auditor, 'inventory.adjust')).toBe(false);
    // The defaults keep working next to the custom role.
    expect(allowed(custom, clerk, 'inventory.adjust')).toBe(true);
  });

  it('replace the defaults when the defaults are not spread in', () => {
    const custom = createRbacPolicy({ roles: { auditor: { permissions: ['analytics.read'] } } });
    expect(allowed(custom, admin, 'analytics.read')).toBe(false);
  });

  it('reject an unknown inherited role, naming the path', () => {
    const error = thrownBy(() =>
      createRbacPolicy({ roles: { ...DEFAULT_ROLES, auditor: { inherits: ['ghost'], permissions: [] } } }),
    );
    expect(validationPaths(error)).toEqual(['roles.auditor.inherits.0']);
    expect((error as Error).message).toContain('unknown role "ghost"');
  });

  it('reject inheriting from a name that only exists on Object.prototype', () => {
    const error = thrownBy(() =>
      createRbacPolicy({ roles: { auditor: { inherits: ['constructor'], permissions: [] } } }),
    );
    expect(validationPaths(error)).toEqual(['roles.auditor.inherits.0']);
  });

  it('reject a malformed permission pattern', () => {
    for (const bad of ['inventory', 'Inventory.read', 'inventory.*.read', '*.read', '', 'a.b c']) {
      const error = thrownBy(() =>
        createRbacPolicy({ roles: { odd: { permissions: [bad as Permission] } } }),
      );
      expect(validationPaths(error)).toEqual(['roles.odd.permissions.0']);
    }
  });

  it('resolve inheritance cycles without looping, each role getting the whole cycle', () => {
    const cyclic = createRbacPolicy({
      roles: {
        a: { inherits: ['b'], permissions: ['area.a'] },
        b: { inherits: ['c'], permissions: ['area.b'] },
        c: { inherits: ['a'], permissions: ['area.c'] },
        self: { inherits: ['self'], permissions: ['area.self'] },
      },
    });
    for (const role of ['a', 'b', 'c']) {
      const actor: Actor = { id: role, roles: [role] };
      expect(['area.a', 'area.b', 'area.c'].map((p) => allowed(cyclic, actor, p as Permission))).toEqual([
        true,
        true,
        true,
      ]);
    }
    expect(allowed(cyclic, { id: 's', roles: ['self'] }, 'area.self')).toBe(true);
  });

  it('share a common ancestor in a diamond without losing its permissions', () => {
    const diamond = createRbacPolicy({
      roles: {
        base: { permissions: ['area.base'] },
        left: { inherits: ['base'], permissions: [] },
        right: { inherits: ['base'], permissions: [] },
        top: { inherits: ['left', 'right'], permissions: [] },
      },
    });
    expect(allowed(diamond, { id: 't', roles: ['top'] }, 'area.base')).toBe(true);
  });
});

describe('actorSchema', () => {
  it('refuses an explicit undefined storeIds, so a session whose stores never loaded fails closed', () => {
    expect(
      validationPaths(() => parseInput(actorSchema, { id: 'cara', roles: ['cashier'], storeIds: undefined })),
    ).toEqual(['storeIds']);
    expect(parseInput(actorSchema, { id: 'cara', roles: ['cashier'] })).toEqual({
      id: 'cara',
      roles: ['cashier'],
    });
  });
});
