export {
  type PricedLine,
  type PricedOrder,
  type PricingInput,
  type PricingLineInput,
  priceOrder,
} from './price-order.js';
export { type ReturnableLine, type ReturnShare, returnShare } from './refund-share.js';
