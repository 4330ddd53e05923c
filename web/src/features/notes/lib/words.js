/** The one word-count rule, shared with the API and the exports (see shared/src/words.ts). */
export { countWords } from '@convene/shared';
//# sourceMappingURL=words.js.map
