import { z } from 'zod';
import packJson from '../knowledge/pack.json';
import { HubLicenseSchema, type HubLicense } from '../knowledge/types';

/**
 * The licence ids the Hugging Face Hub accepts in a model card's `license:` field, with the SPDX id each
 * corresponds to and the SPDX OSI-approved / FSF-libre flags for it. Facts from the Hub documentation
 * (huggingface/hub-docs, docs/hub/repositories-licenses.md) matched against the SPDX License List (2024-05-21),
 * kept in ../shared/data/hf-licenses.tsv and carried by the knowledge pack (`npm run knowledge`).
 * `spdx` is null for Hub family ids (e.g. "bsd", "gpl") and for model-specific licences, which are handled by
 * the licence families in ./families.
 */
export const HUB_DOCUMENTED_LICENSES: readonly HubLicense[] = z.array(HubLicenseSchema).parse(packJson.hubLicenses);

/** SPDX id → FSF-libre flag, from the same Hub table (spdx-license-list has no FSF flag). */
export const FSF_LIBRE_BY_SPDX: ReadonlyMap<string, boolean> = new Map(
  HUB_DOCUMENTED_LICENSES.filter((h) => h.spdx !== null && h.fsfLibre !== null).map((h) => [
    h.spdx!.toLowerCase(),
    h.fsfLibre!,
  ]),
);
