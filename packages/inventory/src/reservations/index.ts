import { commitReservation } from './commit-reservation.js';
import { expireReservations } from './expire-reservations.js';
import { releaseReservation } from './release-reservation.js';
import { reserveStock } from './reserve-stock.js';

export type {
  Allocation,
  AllocationLine,
  AllocationRequest,
  AllocationStrategy,
  AvailabilityReader,
} from './allocation-strategy.js';
export { commitReservation, commitReservationInput } from './commit-reservation.js';
export {
  type ExpireReservationsResult,
  expireReservations,
  expireReservationsInput,
} from './expire-reservations.js';
export { getReservation, getReservationInput } from './get-reservation.js';
export { listReservations, listReservationsInput } from './list-reservations.js';
export { releaseReservation, releaseReservationInput } from './release-reservation.js';
export { reservationStream } from './reservation-event.js';
export type { ReservationLineView, ReservationView } from './reservation-view.js';
export {
  createReserveCommand,
  type ReserveCommand,
  type ReserveCommandOptions,
  type ReserveStockResult,
  reserveStock,
  reserveStockInput,
} from './reserve-stock.js';
export { splitByAvailability } from './split-by-availability.js';
export { storeAllocation } from './store-allocation.js';

/** The reservation commands, with the default (order's store) reserve. */
export const reservationCommands = {
  reserveStock,
  releaseReservation,
  commitReservation,
  expireReservations,
} as const;
