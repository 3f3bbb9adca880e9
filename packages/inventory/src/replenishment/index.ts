export {
  type ConvertSuggestionResult,
  convertSuggestion,
  convertSuggestionInput,
} from './convert-suggestion.js';
export type { DailySales, SalesWindow } from './daily-sales.js';
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
  type SkippedRule,
  type SkipReason,
} from './generate-suggestions.js';
export { listReorderRules, listReorderRulesInput } from './list-reorder-rules.js';
export { listSuggestions, listSuggestionsInput } from './list-suggestions.js';
export type { ReorderRule } from './reorder-rule-view.js';
export { replenishmentCommands } from './replenishment-commands.js';
export { replenishmentSourceSchema, setReorderRule, setReorderRuleInput } from './set-reorder-rule.js';
export type { SizingBasis } from './suggested-units.js';
export type { ReplenishmentSuggestion } from './suggestion-view.js';
