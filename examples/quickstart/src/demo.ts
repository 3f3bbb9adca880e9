import { parseArgs } from 'node:util';
import { type Printer, runQuickstart } from './quickstart.js';
import { DEFAULT_DATA_DIR, runStoreDayDemo } from './store-day-demo.js';
import { formatTable } from './text-table.js';

/** Prints to the terminal, tables aligned as plain text. */
export const consolePrinter: Printer = {
  section: (title) => console.log(`\n== ${title}`),
  table: (rows) => console.log(formatTable(rows)),
  line: (text) => console.log(text),
};

const usage = `usage: pnpm start [--reset] [--data-dir <folder>]
  --reset            delete the data folder first and open a fresh shop
  --data-dir <dir>   where the embedded database lives (default: examples/quickstart/.retailkit-data)`;

/**
 * The quickstart's command line: a store day on the data folder, then the tour of the foundation
 * (money, business days, commands, outbox, privacy, 20 tills racing) on a throw-away database.
 */
export async function runDemo(argv: readonly string[], print: Printer = consolePrinter) {
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      reset: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    print.line(usage);
    return undefined;
  }
  const day = await runStoreDayDemo(print, { dataDir: values['data-dir'], reset: values.reset });
  print.section('Underneath: the foundation, on a throw-away in-memory database');
  const foundation = await runQuickstart(print);
  return { day, foundation };
}
