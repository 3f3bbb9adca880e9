import type { Actor } from './actor.js';
import type { Permission } from './permission.js';

/** What a policy is asked: may this actor do this, in this store? */
export interface AuthorizationRequest {
  /** Who asks. */
  readonly actor: Actor;
  /** The permission the command declares. */
  readonly permission: Permission;
  /** The store the command touches, when it is bound to one. */
  readonly storeId?: string;
}

/** A policy's answer; a refusal says why, for the ForbiddenError message. */
export type AuthorizationDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string };

/** Decides every command. Plug in your own (ABAC, an external service) or use {@link createRbacPolicy}. */
export interface Policy {
  /** Decides one request. May be async for policies that look things up. */
  authorize(request: AuthorizationRequest): AuthorizationDecision | Promise<AuthorizationDecision>;
}
