export {
  type ConvertSuggestionResult,
  convertSuggestion,
  convertSuggestionInput,
} from './convert-suggestion.js';
export {
  type DailySales,
  dailySales,
  formatDailyAverage,
  type SalesWindow,
  salesWindow,
} from './daily-sales.js';
export {
  type DeleteReorderRuleResult,
  deleteReorderRule,
  deleteReorderRuleInput,
} from './delete-reorder-rule.js';
export { dismissSuggestion, dismissSuggestionInput } from './dismiss-suggestion.js';
export {
  type GenerateSuggestionsResult,
  generateSuggestions,
  generateSuggestionsInput,
  OPEN_PURCHASE_ORDER_STATUSES,
  OPEN_TRANSFER_STATUSES,
  type SkippedRule,
  type SkipReason,
} from './generate-suggestions.js';
export { listReorderRules, listReorderRulesInput } from './list-reorder-rules.js';
export { listSuggestions, listSuggestionsInput } from './list-suggestions.js';
export { type ReorderRule, toReorderRule } from './reorder-rule-view.js';
export { replenishmentCommands } from './replenishment-commands.js';
export { replenishmentSourceSchema, setReorderRule, setReorderRuleInput } from './set-reorder-rule.js';
export { type SizingBasis, suggestedUnits } from './suggested-units.js';
export { type ReplenishmentSuggestion, toSuggestion } from './suggestion-view.js';
