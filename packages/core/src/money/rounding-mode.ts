import { z } from 'zod';
import { ValidationError } from '../errors/error-classes.js';
import { D, type DecimalRounding } from './decimal.js';

/** Every rounding mode a calculation can name. */
export const ROUNDING_MODES = ['half-up', 'half-even', 'half-down', 'up', 'down', 'ceil', 'floor'] as const;

/**
 * How a result is rounded to the currency's minor unit. `half-up` and `half-down` break ties
 * away from and towards zero; `up` and `down` round away from and towards zero; `ceil` and
 * `floor` round towards +∞ and −∞; `half-even` is banker's rounding.
 */
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Validates a {@link RoundingMode} in user input. */
export const roundingModeSchema: z.ZodType<RoundingMode, RoundingMode> = z.enum(ROUNDING_MODES);

const DECIMAL_ROUNDING: Readonly<Record<RoundingMode, DecimalRounding>> = Object.freeze({
  'half-up': D.ROUND_HALF_UP,
  'half-even': D.ROUND_HALF_EVEN,
  'half-down': D.ROUND_HALF_DOWN,
  up: D.ROUND_UP,
  down: D.ROUND_DOWN,
  ceil: D.ROUND_CEIL,
  floor: D.ROUND_FLOOR,
});

/** The decimal.js constant for a rounding mode; a mode outside the union (from JS callers) is refused. */
export function toDecimalRounding(mode: RoundingMode): DecimalRounding {
  if (!Object.hasOwn(DECIMAL_ROUNDING, mode)) {
    throw new ValidationError(
      [
        {
          path: 'rounding',
          message: `must be one of ${ROUNDING_MODES.join(', ')}; got ${JSON.stringify(mode)}`,
        },
      ],
      { context: 'rounding mode' },
    );
  }
  return DECIMAL_ROUNDING[mode];
}
