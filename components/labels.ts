/** Label words, glyphs and colours live in lib/labels.ts; re-exported here for the components that import them. */
export { LABEL_HINT, LABEL_TEXT, STATUS_SYMBOL } from '@/lib/labels';
