import { runDemo } from './demo.js';

await runDemo(process.argv.slice(2));
