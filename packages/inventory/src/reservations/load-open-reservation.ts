import { InvalidTransitionError, NotFoundError, RetailKitError } from '@retailkit/core';
import type { LocationRecord, ReservationRecord } from '../storage/inventory-records.js';
import type { InventoryRepository } from '../storage/inventory-repository.js';

/** What acting on a reservation starts from. */
export interface LoadedReservation {
  /** The stored reservation (open). */
  readonly reservation: ReservationRecord;
  /** Its location. */
  readonly location: LocationRecord;
}

/**
 * The open reservation `id`. NotFoundError when there is none, or when `locationId` is given and is
 * not where it is held (an actor scoped to one store learns nothing about others); an
 * InvalidTransitionError when it is already final.
 */
export async function loadOpenReservation(
  repository: InventoryRepository,
  id: string,
  locationId: string | undefined,
  event: 'commit' | 'release' | 'expire',
): Promise<LoadedReservation> {
  const reservation = await repository.getReservation(id);
  if (!reservation || (locationId !== undefined && reservation.locationId !== locationId)) {
    throw new NotFoundError('reservation', id);
  }
  if (reservation.status !== 'open') throw new InvalidTransitionError(reservation.status, event, []);
  const location = await repository.getLocation(reservation.locationId);
  if (!location) {
    throw new RetailKitError(
      'INTERNAL',
      `Reservation ${id} is held at unknown location ${reservation.locationId}`,
    );
  }
  return { reservation, location };
}
