/**
 * Hub repo ids from links, shared by the detectors and the content script. The rules live in the small, pure
 * repo-id module (never the knowledge pack, which is too big for a content script).
 */
export { repoIdOfHref, modelIdOfUrl as modelIdOfHubUrl } from '../knowledge/repo-ids';
