export { cancelCount, cancelCountInput } from './cancel-count.js';
export { countCommands } from './count-commands.js';
export {
  type CountVarianceLine,
  type CountVarianceReport,
  countVarianceReport,
  countVarianceReportInput,
} from './count-variance-report.js';
export { countStream, type StockCount, type StockCountLine } from './count-view.js';
export { getCount, getCountInput } from './get-count.js';
export { listCounts, listCountsInput, type StockCountSummary } from './list-counts.js';
export { MAX_COUNT_SKUS, openCount, openCountInput } from './open-count.js';
export { type CountCorrection, type PostCountResult, postCount, postCountInput } from './post-count.js';
export { recordCount, recordCountInput } from './record-count.js';
