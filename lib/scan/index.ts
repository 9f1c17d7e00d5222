/**
 * The one page scanner, shared by the content runtime (content/) and `ajar scan` (cli/scan.ts). Pure:
 * it uses only the Document it is given.
 */
export { ScanPipeline, MAX_CLAIMS, MAX_TEXT, type BlockScan, type PipelineOptions, type ScanProfile } from './pipeline';
export { scanDocument, pageSetup, type PageScan, type ScanDocumentOptions } from './document';
export { pageKey, baseOf, claimRootsOf, pageModelOf, savedPageUrl } from './page';
export { hashId, claimIdOf, sentenceSpan, claimsOfBlock, MAX_PARAGRAPH, MAX_SENTENCE, type BlockClaim } from './claims';
export { readBlock, pointAt, MAX_BLOCK_TEXT, type BlockText, type TextSegment } from './blocks';
export { blockLinks, modelLinksUnder, type BlockLink, type FoundModelLink } from './links';
export { BADGE_TAG, BADGE_TAG_UPPER, BLOCK_TAGS, blockOf, isBlock, hiddenByMarkup, inSkipped } from './dom';
