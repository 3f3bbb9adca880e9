import { rebuildStock } from './rebuild-stock.js';

/** The stock audit commands, ready for `bindCommands`. */
export const auditCommands = { rebuildStock } as const;
