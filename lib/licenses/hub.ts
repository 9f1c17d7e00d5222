import { z } from 'zod';

/**
 * The licence ids the Hugging Face Hub accepts in a model card's `license:` field (83 ids), with the SPDX id
 * each corresponds to and the SPDX OSI-approved / FSF-libre flags for it. Facts from the Hub documentation
 * (huggingface/hub-docs, docs/hub/repositories-licenses.md) matched against the SPDX License List (2024-05-21).
 * `spdx` is null for Hub family ids (e.g. "bsd", "gpl") and for model-specific licences, which are handled by
 * the licence families in ./families.
 */
export const HubLicenseSchema = z.object({
  id: z.string(),
  name: z.string(),
  spdx: z.string().nullable(),
  osi: z.boolean().nullable(),
  fsf: z.boolean().nullable(),
  url: z.string().nullable(),
});
export type HubLicense = z.infer<typeof HubLicenseSchema>;

export const HUB_LICENSES: readonly HubLicense[] = z.array(HubLicenseSchema).parse([
  { id: "apache-2.0", name: "Apache license 2.0", spdx: "Apache-2.0", osi: true, fsf: true, url: null },
  { id: "mit", name: "MIT", spdx: "MIT", osi: true, fsf: true, url: null },
  { id: "openrail", name: "OpenRAIL license family", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/blog/open_rail" },
  { id: "bigscience-openrail-m", name: "BigScience OpenRAIL-M", spdx: null, osi: null, fsf: null, url: "https://bigscience.huggingface.co/blog/bigscience-openrail-m" },
  { id: "creativeml-openrail-m", name: "CreativeML OpenRAIL-M", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/spaces/CompVis/stable-diffusion-license" },
  { id: "bigscience-bloom-rail-1.0", name: "BigScience BLOOM RAIL 1.0", spdx: null, osi: null, fsf: null, url: "https://bigscience.huggingface.co/blog/the-bigscience-rail-license" },
  { id: "bigcode-openrail-m", name: "BigCode Open RAIL-M v1", spdx: null, osi: null, fsf: null, url: "https://www.bigcode-project.org/docs/pages/bigcode-openrail" },
  { id: "afl-3.0", name: "Academic Free License v3.0", spdx: "AFL-3.0", osi: true, fsf: true, url: null },
  { id: "artistic-2.0", name: "Artistic license 2.0", spdx: "Artistic-2.0", osi: true, fsf: true, url: null },
  { id: "bsl-1.0", name: "Boost Software License 1.0", spdx: "BSL-1.0", osi: true, fsf: true, url: null },
  { id: "bsd", name: "BSD license family", spdx: null, osi: null, fsf: null, url: null },
  { id: "bsd-2-clause", name: "BSD 2-clause \"Simplified\" license", spdx: "BSD-2-Clause", osi: true, fsf: true, url: null },
  { id: "bsd-3-clause", name: "BSD 3-clause \"New\" or \"Revised\" license", spdx: "BSD-3-Clause", osi: true, fsf: true, url: null },
  { id: "bsd-3-clause-clear", name: "BSD 3-clause Clear license", spdx: "BSD-3-Clause-Clear", osi: false, fsf: true, url: null },
  { id: "c-uda", name: "Computational Use of Data Agreement", spdx: "C-UDA-1.0", osi: false, fsf: false, url: null },
  { id: "cc", name: "Creative Commons license family", spdx: null, osi: null, fsf: null, url: null },
  { id: "cc0-1.0", name: "Creative Commons Zero v1.0 Universal", spdx: "CC0-1.0", osi: false, fsf: true, url: null },
  { id: "cc-by-2.0", name: "Creative Commons Attribution 2.0", spdx: "CC-BY-2.0", osi: false, fsf: false, url: null },
  { id: "cc-by-2.5", name: "Creative Commons Attribution 2.5", spdx: "CC-BY-2.5", osi: false, fsf: false, url: null },
  { id: "cc-by-3.0", name: "Creative Commons Attribution 3.0", spdx: "CC-BY-3.0", osi: false, fsf: false, url: null },
  { id: "cc-by-4.0", name: "Creative Commons Attribution 4.0", spdx: "CC-BY-4.0", osi: false, fsf: true, url: null },
  { id: "cc-by-sa-3.0", name: "Creative Commons Attribution Share Alike 3.0", spdx: "CC-BY-SA-3.0", osi: false, fsf: false, url: null },
  { id: "cc-by-sa-4.0", name: "Creative Commons Attribution Share Alike 4.0", spdx: "CC-BY-SA-4.0", osi: false, fsf: true, url: null },
  { id: "cc-by-nc-2.0", name: "Creative Commons Attribution Non Commercial 2.0", spdx: "CC-BY-NC-2.0", osi: false, fsf: false, url: null },
  { id: "cc-by-nc-3.0", name: "Creative Commons Attribution Non Commercial 3.0", spdx: "CC-BY-NC-3.0", osi: false, fsf: false, url: null },
  { id: "cc-by-nc-4.0", name: "Creative Commons Attribution Non Commercial 4.0", spdx: "CC-BY-NC-4.0", osi: false, fsf: false, url: null },
  { id: "cc-by-nd-4.0", name: "Creative Commons Attribution No Derivatives 4.0", spdx: "CC-BY-ND-4.0", osi: false, fsf: false, url: null },
  { id: "cc-by-nc-nd-3.0", name: "Creative Commons Attribution Non Commercial No Derivatives 3.0", spdx: "CC-BY-NC-ND-3.0", osi: false, fsf: false, url: null },
  { id: "cc-by-nc-nd-4.0", name: "Creative Commons Attribution Non Commercial No Derivatives 4.0", spdx: "CC-BY-NC-ND-4.0", osi: false, fsf: false, url: null },
  { id: "cc-by-nc-sa-2.0", name: "Creative Commons Attribution Non Commercial Share Alike 2.0", spdx: "CC-BY-NC-SA-2.0", osi: false, fsf: false, url: null },
  { id: "cc-by-nc-sa-3.0", name: "Creative Commons Attribution Non Commercial Share Alike 3.0", spdx: "CC-BY-NC-SA-3.0", osi: false, fsf: false, url: null },
  { id: "cc-by-nc-sa-4.0", name: "Creative Commons Attribution Non Commercial Share Alike 4.0", spdx: "CC-BY-NC-SA-4.0", osi: false, fsf: false, url: null },
  { id: "cdla-sharing-1.0", name: "Community Data License Agreement – Sharing, Version 1.0", spdx: "CDLA-Sharing-1.0", osi: false, fsf: false, url: null },
  { id: "cdla-permissive-1.0", name: "Community Data License Agreement – Permissive, Version 1.0", spdx: "CDLA-Permissive-1.0", osi: false, fsf: false, url: null },
  { id: "cdla-permissive-2.0", name: "Community Data License Agreement – Permissive, Version 2.0", spdx: "CDLA-Permissive-2.0", osi: false, fsf: false, url: null },
  { id: "wtfpl", name: "Do What The F*ck You Want To Public License", spdx: "WTFPL", osi: false, fsf: true, url: null },
  { id: "ecl-2.0", name: "Educational Community License v2.0", spdx: "ECL-2.0", osi: true, fsf: true, url: null },
  { id: "epl-1.0", name: "Eclipse Public License 1.0", spdx: "EPL-1.0", osi: true, fsf: true, url: null },
  { id: "epl-2.0", name: "Eclipse Public License 2.0", spdx: "EPL-2.0", osi: true, fsf: true, url: null },
  { id: "etalab-2.0", name: "Etalab Open License 2.0", spdx: "etalab-2.0", osi: false, fsf: false, url: null },
  { id: "eupl-1.1", name: "European Union Public License 1.1", spdx: "EUPL-1.1", osi: true, fsf: true, url: null },
  { id: "eupl-1.2", name: "European Union Public License 1.2", spdx: "EUPL-1.2", osi: true, fsf: true, url: null },
  { id: "agpl-3.0", name: "GNU Affero General Public License v3.0", spdx: "AGPL-3.0-only", osi: true, fsf: true, url: null },
  { id: "gfdl", name: "GNU Free Documentation License family", spdx: null, osi: null, fsf: null, url: null },
  { id: "gpl", name: "GNU General Public License family", spdx: null, osi: null, fsf: null, url: null },
  { id: "gpl-2.0", name: "GNU General Public License v2.0", spdx: "GPL-2.0-only", osi: true, fsf: true, url: null },
  { id: "gpl-3.0", name: "GNU General Public License v3.0", spdx: "GPL-3.0-only", osi: true, fsf: true, url: null },
  { id: "lgpl", name: "GNU Lesser General Public License family", spdx: null, osi: null, fsf: null, url: null },
  { id: "lgpl-2.1", name: "GNU Lesser General Public License v2.1", spdx: "LGPL-2.1-only", osi: true, fsf: true, url: null },
  { id: "lgpl-3.0", name: "GNU Lesser General Public License v3.0", spdx: "LGPL-3.0-only", osi: true, fsf: true, url: null },
  { id: "isc", name: "ISC", spdx: "ISC", osi: true, fsf: true, url: null },
  { id: "h-research", name: "H Research License", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/Hcompany/Holo1-3B/blob/main/LICENSE" },
  { id: "intel-research", name: "Intel Research Use License Agreement", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/OpenVINO/Llama-3.1-8B-Instruct-FastDraft-150M-int8-ov/blob/main/LICENSE.md" },
  { id: "lppl-1.3c", name: "LaTeX Project Public License v1.3c", spdx: "LPPL-1.3c", osi: true, fsf: false, url: null },
  { id: "ms-pl", name: "Microsoft Public License", spdx: "MS-PL", osi: true, fsf: true, url: null },
  { id: "apple-ascl", name: "Apple Sample Code license", spdx: null, osi: null, fsf: null, url: "https://developer.apple.com/support/downloads/terms/apple-sample-code/Apple-Sample-Code-License.pdf" },
  { id: "apple-amlr", name: "Apple Model License for Research", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/apple/deeplabv3-mobilevit-small/blob/main/LICENSE" },
  { id: "mpl-2.0", name: "Mozilla Public License 2.0", spdx: "MPL-2.0", osi: true, fsf: true, url: null },
  { id: "odc-by", name: "Open Data Commons License Attribution family", spdx: "ODC-By-1.0", osi: false, fsf: false, url: null },
  { id: "odbl", name: "Open Database License family", spdx: "ODbL-1.0", osi: false, fsf: true, url: null },
  { id: "openmdw-1.0", name: "Open Model, Data & Weights License Agreement", spdx: null, osi: null, fsf: null, url: "https://openmdw.ai/license/1-0/" },
  { id: "openmdw-1.1", name: "Open Model, Data & Weights License Agreement v1.1", spdx: null, osi: null, fsf: null, url: "https://openmdw.ai/license/1-1/" },
  { id: "openrail++", name: "Open Rail++-M License", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/blob/main/LICENSE.md" },
  { id: "osl-3.0", name: "Open Software License 3.0", spdx: "OSL-3.0", osi: true, fsf: true, url: null },
  { id: "postgresql", name: "PostgreSQL License", spdx: "PostgreSQL", osi: true, fsf: false, url: null },
  { id: "ofl-1.1", name: "SIL Open Font License 1.1", spdx: "OFL-1.1", osi: true, fsf: true, url: null },
  { id: "ncsa", name: "University of Illinois/NCSA Open Source License", spdx: "NCSA", osi: true, fsf: true, url: null },
  { id: "unlicense", name: "The Unlicense", spdx: "Unlicense", osi: true, fsf: true, url: null },
  { id: "zlib", name: "zLib License", spdx: "Zlib", osi: true, fsf: true, url: null },
  { id: "pddl", name: "Open Data Commons Public Domain Dedication and License", spdx: "PDDL-1.0", osi: false, fsf: false, url: null },
  { id: "lgpl-lr", name: "Lesser General Public License For Linguistic Resources", spdx: null, osi: null, fsf: null, url: null },
  { id: "deepfloyd-if-license", name: "DeepFloyd IF Research License Agreement", spdx: null, osi: null, fsf: null, url: null },
  { id: "fair-noncommercial-research-license", name: "FAIR Noncommercial Research License", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/facebook/fair-noncommercial-research-license/blob/main/LICENSE" },
  { id: "llama2", name: "Llama 2 Community License Agreement", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/meta-llama/Llama-2-7b-chat-hf/blob/main/LICENSE.txt" },
  { id: "llama3", name: "Llama 3 Community License Agreement", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/meta-llama/Meta-Llama-3-8B/blob/main/LICENSE" },
  { id: "llama3.1", name: "Llama 3.1 Community License Agreement", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/meta-llama/Meta-Llama-3.1-70B-Instruct/blob/main/LICENSE" },
  { id: "llama3.2", name: "Llama 3.2 Community License Agreement", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/meta-llama/Llama-3.2-1B/blob/main/LICENSE.txt" },
  { id: "llama3.3", name: "Llama 3.3 Community License Agreement", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct/blob/main/LICENSE" },
  { id: "llama4", name: "Llama 4 Community License Agreement", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/LICENSE" },
  { id: "grok2-community", name: "Grok 2 Community License Agreement", spdx: null, osi: null, fsf: null, url: "https://huggingface.co/xai-org/grok-2/blob/main/LICENSE" },
  { id: "gemma", name: "Gemma Terms of Use", spdx: null, osi: null, fsf: null, url: "https://ai.google.dev/gemma/terms" },
  { id: "unknown", name: "Unknown", spdx: null, osi: null, fsf: null, url: null },
  { id: "other", name: "Other", spdx: null, osi: null, fsf: null, url: null },]);

const byId = new Map(HUB_LICENSES.map((h) => [h.id, h]));

/** Look up a Hub licence id (the Hub spells them in lower case; we accept any case). */
export function hubLicense(id: string): HubLicense | undefined {
  return byId.get(id.trim().toLowerCase());
}

/** SPDX id → FSF-libre flag, from the same Hub table (spdx-license-list has no FSF flag). */
export const FSF_LIBRE_BY_SPDX: ReadonlyMap<string, boolean> = new Map(
  HUB_LICENSES.filter((h) => h.spdx !== null && h.fsf !== null).map((h) => [h.spdx!.toLowerCase(), h.fsf!]),
);
