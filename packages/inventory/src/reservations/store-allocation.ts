import type { AllocationStrategy } from './allocation-strategy.js';

/** The default strategy: everything from the order's store; preference locations are not used. */
export const storeAllocation: AllocationStrategy = Object.freeze<AllocationStrategy>({
  name: 'store',
  async allocate(request) {
    return [
      {
        locationId: request.locationId,
        lines: request.lines.map((line) => ({ sku: line.sku, units: line.units })),
      },
    ];
  },
});
