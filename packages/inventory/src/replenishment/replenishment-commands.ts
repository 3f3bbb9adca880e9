import { convertSuggestion } from './convert-suggestion.js';
import { deleteReorderRule } from './delete-reorder-rule.js';
import { dismissSuggestion } from './dismiss-suggestion.js';
import { generateSuggestions } from './generate-suggestions.js';
import { setReorderRule } from './set-reorder-rule.js';

/** Every reorder-rule and replenishment command, ready for `bindCommands`. */
export const replenishmentCommands = {
  setReorderRule,
  deleteReorderRule,
  generateSuggestions,
  dismissSuggestion,
  convertSuggestion,
} as const;
