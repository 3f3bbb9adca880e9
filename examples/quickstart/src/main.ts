import { runQuickstart } from './quickstart.js';

await runQuickstart({
  section: (title) => console.log(`\n== ${title}`),
  table: (rows) => console.table(rows),
  line: (text) => console.log(text),
});
