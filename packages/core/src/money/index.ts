export type { AllocationRatio } from './allocation-ratios.js';
export { MAX_FACTOR_DIGITS, MAX_MINOR_DIGITS } from './amount-issue.js';
export type { CurrencyCode } from './currencies.js';
export {
  CURRENCY_CODES,
  type Currency,
  currencySchema,
  getCurrency,
  isCurrencyCode,
} from './currency.js';
export { Money, type MoneyFactor, type MoneyFormatOptions } from './money.js';
export { type MoneyJson, type MoneyJsonInput, moneyJsonSchema } from './money-json.js';
export { moneySchema } from './money-schema.js';
export { ROUNDING_MODES, type RoundingMode, roundingModeSchema } from './rounding-mode.js';
