import { HubLicenseSchema, type HubLicense } from '../knowledge/types';
import { licenseFamilies } from './families';
import { HUB_DOCUMENTED_LICENSES } from './hub-docs';

export { HubLicenseSchema, type HubLicense };
export { HUB_DOCUMENTED_LICENSES };

const documented = new Set(HUB_DOCUMENTED_LICENSES.map((h) => h.id));

/**
 * Every Hub licence id Ajar knows: the documented ones, then any id a licence family claims that the
 * documentation does not list yet (a family file is the one place its Hub ids are written).
 */
export const HUB_LICENSES: readonly HubLicense[] = [
  ...HUB_DOCUMENTED_LICENSES,
  ...licenseFamilies.flatMap((f) =>
    f.recognise.hubIds
      .filter((id) => !documented.has(id))
      .map((id) => ({ id, name: f.name, spdx: null, osiApproved: null, fsfLibre: null, url: f.sources[0]!.url })),
  ),
];

const byId = new Map(HUB_LICENSES.map((h) => [h.id, h]));

/** Look up a Hub licence id (the Hub spells them in lower case; we accept any case). */
export function hubLicense(id: string): HubLicense | undefined {
  return byId.get(id.trim().toLowerCase());
}
