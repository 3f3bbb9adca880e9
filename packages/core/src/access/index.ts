export { type Actor, actorSchema, systemActor } from './actor.js';
export { authorize } from './authorize.js';
export { type Permission, type PermissionPattern, permissionMatches } from './permission.js';
export type { AuthorizationDecision, AuthorizationRequest, Policy } from './policy.js';
export {
  createRbacPolicy,
  DEFAULT_ROLES,
  type RbacPolicyOptions,
  type RoleDefinition,
} from './rbac-policy.js';
