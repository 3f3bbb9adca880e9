import { InvalidTransitionError, NotFoundError } from '@retailkit/core';
import type { ReplenishmentSuggestionRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/**
 * The open suggestion `id` at `locationId`. One that does not exist, or belongs to another location
 * (the actor was authorised for `locationId` only), is a NotFoundError; one that was already
 * converted or dismissed is an InvalidTransitionError for `event`.
 */
export async function requireOpenSuggestion(
  repository: InventoryRepository,
  id: string,
  locationId: string,
  event: 'convert' | 'dismiss',
): Promise<ReplenishmentSuggestionRecord> {
  const suggestion = await repository.getSuggestion(id);
  if (!suggestion || suggestion.locationId !== locationId) {
    throw new NotFoundError('replenishment suggestion', id, { details: { locationId } });
  }
  if (suggestion.status !== 'open') throw new InvalidTransitionError(suggestion.status, event, []);
  return suggestion;
}
