import { Money, RetailKitError, ValidationError } from '@retailkit/core';
import { divideRounded } from './divide-rounded.js';
import { onCommonScale, readExactDecimal } from './exact-decimal.js';

/** What {@link returnShare} needs of an order line: its quantity, net and tax, and what came back already. */
export interface ReturnableLine {
  /** The quantity ordered, a decimal string. */
  readonly quantity: string;
  /** The line's net, a decimal string in the currency. */
  readonly net: string;
  /** The line's tax, a decimal string in the currency. */
  readonly tax: string;
  /** The quantity returned before this return. */
  readonly returned: string;
}

/** The net and tax a return refunds, decimal strings with the currency's decimals. */
export interface ReturnShare {
  /** Net refunded. */
  readonly net: string;
  /** Tax refunded. */
  readonly tax: string;
}

/**
 * The net and tax refunded for returning `quantity` more units of `line`. Shares are cumulative:
 * after `r` units have come back, `floor(amount × r / ordered)` minor units have been refunded,
 * and this return gets the difference between after and before. So returning everything, in any
 * number of steps, refunds exactly the line's net and tax, and the same units always refund the
 * same total however the return is split. Returning more than is left is a
 * `ValidationError` on `quantity`.
 *
 * @example
 * ```ts
 * const line = { quantity: '3', net: '1.00', tax: '0.19', returned: '0' };
 * returnShare(line, '1', 'EUR'); // { net: '0.33', tax: '0.06' }
 * returnShare({ ...line, returned: '1' }, '2', 'EUR'); // { net: '0.67', tax: '0.13' }
 * ```
 */
export function returnShare(line: ReturnableLine, quantity: string, currency: string): ReturnShare {
  const [ordered = 0n, returned = 0n, asked = 0n] = onCommonScale(
    readExactDecimal(line.quantity, 'line.quantity'),
    readExactDecimal(line.returned, 'line.returned'),
    readExactDecimal(quantity, 'quantity'),
  );
  if (ordered === 0n || returned > ordered) {
    throw new RetailKitError(
      'INTERNAL',
      'A returned line needs a positive quantity and returned ≤ quantity',
      {
        details: { quantity: line.quantity, returned: line.returned },
      },
    );
  }
  if (returned + asked > ordered) {
    throw new ValidationError(
      [
        {
          path: 'quantity',
          message: `returning ${quantity} exceeds what is left to return (${line.quantity} ordered, ${line.returned} returned)`,
        },
      ],
      { context: 'return' },
    );
  }
  const share = (amount: string, path: string): string => {
    readExactDecimal(amount, path);
    const minor = Money.of(amount, currency).toMinor();
    const refundedAfter = (units: bigint): bigint => divideRounded(minor * units, ordered, 'floor');
    return Money.ofMinor(refundedAfter(returned + asked) - refundedAfter(returned), currency).amount;
  };
  return { net: share(line.net, 'line.net'), tax: share(line.tax, 'line.tax') };
}
