import { z } from 'zod';
import { parseInput } from '../validation/parse-input.js';
import type { Permission, PermissionPattern } from './permission.js';
import type { AuthorizationDecision, AuthorizationRequest, Policy } from './policy.js';

/** A role: the permissions it grants and the roles whose permissions it includes. */
export interface RoleDefinition {
  /** Permissions or wildcards granted. */
  readonly permissions: readonly PermissionPattern[];
  /** Roles whose permissions this role also has. */
  readonly inherits?: readonly string[];
  /**
   * Permissions this role may use on chain-wide requests (no store) even when the actor is limited
   * to some stores. Everything else is refused to store-limited actors outside a store.
   */
  readonly chainWide?: readonly PermissionPattern[];
}

/**
 * The default roles. Cashiers sell; clerks also receive, count, transfer and adjust stock; managers
 * run their store's every module; admins may do anything. Store scoping comes from the actor: a
 * store-limited actor may act chain-wide (no store) only with a role's `chainWide` permissions,
 * by default reading the catalog and customers and signing customers up.
 */
export const DEFAULT_ROLES = {
  cashier: {
    permissions: [
      'catalog.read',
      'inventory.read',
      'inventory.reserve',
      'inventory.sell',
      'inventory.return',
      'orders.read',
      'orders.create',
      'orders.pay',
      'orders.hand-over',
      'customers.read',
      'customers.create',
      'loyalty.read',
      'loyalty.earn',
      'loyalty.redeem',
    ],
    chainWide: ['catalog.read', 'customers.read', 'customers.create', 'loyalty.read'],
  },
  clerk: {
    inherits: ['cashier'],
    permissions: [
      'inventory.receive',
      'inventory.count',
      'inventory.transfer',
      'inventory.adjust',
      'orders.fulfil',
      'orders.ship',
    ],
  },
  manager: {
    inherits: ['clerk'],
    permissions: ['catalog.*', 'inventory.*', 'orders.*', 'customers.*', 'loyalty.*', 'analytics.*'],
  },
  admin: { permissions: ['*'] },
} as const satisfies Record<string, RoleDefinition>;

const permissionPatternSchema = z
  .string()
  .regex(/^(\*|[a-z][a-z0-9-]*\.(\*|[a-z][a-z0-9-]*))$/, 'must look like "area.action", "area.*" or "*"');

const rbacConfigSchema = z
  .object({
    roles: z.record(
      z.string().min(1),
      z.object({
        permissions: z.array(permissionPatternSchema),
        inherits: z.array(z.string().min(1)).optional(),
        chainWide: z.array(permissionPatternSchema).optional(),
      }),
    ),
  })
  .superRefine((config, ctx) => {
    for (const [name, role] of Object.entries(config.roles)) {
      for (const [index, parent] of (role.inherits ?? []).entries()) {
        // `in` would accept names from Object.prototype (`constructor`), which then crash expansion.
        if (!Object.hasOwn(config.roles, parent)) {
          ctx.addIssue({
            code: 'custom',
            path: ['roles', name, 'inherits', index],
            message: `unknown role ${JSON.stringify(parent)}`,
          });
        }
      }
    }
  });

/** Options of {@link createRbacPolicy}. */
export interface RbacPolicyOptions {
  /** Roles by name. Defaults to {@link DEFAULT_ROLES}; spread it to add custom roles. */
  readonly roles?: Readonly<Record<string, RoleDefinition>>;
}

/**
 * Role-based access control with store scoping: an actor may act when one of its roles grants the
 * permission and, for store-bound commands, the store is among the actor's `storeIds` (if set).
 *
 * @example
 * ```ts
 * const policy = createRbacPolicy({
 *   roles: { ...DEFAULT_ROLES, auditor: { permissions: ['inventory.read', 'orders.read'] } },
 * });
 * ```
 */
export function createRbacPolicy(options: RbacPolicyOptions = {}): Policy {
  const config = parseInput(rbacConfigSchema, { roles: options.roles ?? DEFAULT_ROLES }, 'RBAC policy');
  const grants = new Map<string, CompiledGrants>();
  const chainWideGrants = new Map<string, CompiledGrants>();

  const expand = (
    role: string,
    seen: Set<string>,
    pick: (r: RoleDefinition) => readonly PermissionPattern[] | undefined,
  ): PermissionPattern[] => {
    if (seen.has(role)) return [];
    seen.add(role);
    const definition = config.roles[role] as RoleDefinition | undefined;
    if (!definition) return [];
    const inherited = (definition.inherits ?? []).flatMap((parent) => expand(parent, seen, pick));
    return [...(pick(definition) ?? []), ...inherited];
  };
  for (const role of Object.keys(config.roles)) {
    grants.set(role, compileGrants(expand(role, new Set(), (r) => r.permissions)));
    chainWideGrants.set(role, compileGrants(expand(role, new Set(), (r) => r.chainWide)));
  }

  const grantedBy = (
    table: Map<string, CompiledGrants>,
    roles: readonly string[],
    permission: Permission,
  ) => {
    for (const role of roles) {
      if (table.get(role)?.grants(permission)) return true;
    }
    return false;
  };

  return {
    authorize({ actor, permission, storeId }: AuthorizationRequest): AuthorizationDecision {
      if (!grantedBy(grants, actor.roles, permission)) {
        return {
          allowed: false,
          reason: `actor ${actor.id} (roles: ${actor.roles.join(', ') || 'none'}) lacks ${permission}`,
        };
      }
      if (actor.storeIds === undefined) return { allowed: true };
      if (storeId === undefined) {
        if (!grantedBy(chainWideGrants, actor.roles, permission)) {
          return {
            allowed: false,
            reason: `actor ${actor.id} is limited to some stores and may not ${permission} chain-wide`,
          };
        }
      } else if (!actor.storeIds.includes(storeId)) {
        return { allowed: false, reason: `actor ${actor.id} may not act in store ${storeId}` };
      }
      return { allowed: true };
    },
  };
}

/** A role's expanded patterns, indexed so a check is a couple of set lookups, not a scan. */
interface CompiledGrants {
  grants(permission: Permission): boolean;
}

function compileGrants(patterns: readonly PermissionPattern[]): CompiledGrants {
  const everything = patterns.includes('*');
  const exact = new Set<string>();
  const areas = new Set<string>();
  for (const pattern of patterns) {
    // `<area>.*` grants what starts with `<area>.`; areas hold no dot, so that is the first dot.
    if (pattern.endsWith('.*')) areas.add(pattern.slice(0, -2));
    else exact.add(pattern);
  }
  return {
    grants: (permission) => {
      if (everything || exact.has(permission)) return true;
      const dot = permission.indexOf('.');
      return dot > 0 && areas.has(permission.slice(0, dot));
    },
  };
}
