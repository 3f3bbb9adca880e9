import { cancelCount } from './cancel-count.js';
import { openCount } from './open-count.js';
import { postCount } from './post-count.js';
import { recordCount } from './record-count.js';

/** Every count command, ready for `bindCommands`. */
export const countCommands = { openCount, recordCount, postCount, cancelCount } as const;
