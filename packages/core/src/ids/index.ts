export { type IdGenerator, sequentialIds, uuidV7Ids } from './id-generator.js';
