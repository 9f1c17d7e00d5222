/** The Hub's URLs for a repo id, on the default endpoint or a mirror. */
import { DEFAULT_HUB_ENDPOINT } from './endpoint';
import type { HubUrls } from './client-types';

/** The public Hub (lib/hub/endpoint.ts), under the name this module has always exported. */
export const DEFAULT_ENDPOINT = DEFAULT_HUB_ENDPOINT;

const encodeId = (id: string) => id.split('/').map(encodeURIComponent).join('/');

export function hubUrls(endpoint: string = DEFAULT_ENDPOINT): HubUrls {
  const base = endpoint.replace(/\/+$/, '');
  return {
    modelApi: (id) => `${base}/api/models/${encodeId(id)}`,
    modelPage: (id) => `${base}/${encodeId(id)}`,
    modelCardRaw: (id) => `${base}/${encodeId(id)}/raw/main/README.md`,
    modelCardBlob: (id) => `${base}/${encodeId(id)}/blob/main/README.md`,
    datasetApi: (id) => `${base}/api/datasets/${encodeId(id)}`,
    datasetPage: (id) => `${base}/datasets/${encodeId(id)}`,
  };
}
