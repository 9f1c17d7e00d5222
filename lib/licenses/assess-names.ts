/** Assessing a licence by its name or its link, when the id is missing or "other". */
import { HUB_LICENSES, hubLicense, type HubLicense } from './hub';
import { normaliseLink, normaliseName } from './recognise';
import { spdxIds, spdxLicense } from './spdx';
import type { LicenseAssessment } from './types';
import { assessHub, assessSpdxId, familyByLink, familyByName, fromFamily } from './assess-ids';

/* ------------------------------------------------------------------------------------------------------------ */
/* Names and links                                                                                               */
/* ------------------------------------------------------------------------------------------------------------ */

const HUB_BY_NAME = new Map<string, HubLicense>(HUB_LICENSES.map((h) => [normaliseName(h.name), h]));
const SPDX_BY_NAME = new Map<string, string>(
  spdxIds().map((id) => [normaliseName(spdxLicense(id)!.name), id] as const),
);

/** A few spellings that are common in model cards but are neither ids nor official names. */
const ALIASES: Record<string, string> = {
  'apache-2': 'Apache-2.0',
  apache2: 'Apache-2.0',
  'apache-v2': 'Apache-2.0',
  'apache-v2.0': 'Apache-2.0',
  'bsd-2': 'BSD-2-Clause',
  'bsd-3': 'BSD-3-Clause',
  gplv2: 'GPL-2.0-only',
  gplv3: 'GPL-3.0-only',
  agplv3: 'AGPL-3.0-only',
  lgplv3: 'LGPL-3.0-only',
  cc0: 'CC0-1.0',
};

/** Name variants to try: as given, then without the words "license"/"version"/"the". */
function nameVariants(normalised: string): string[] {
  const stripped = normalised
    .replace(/(?:^|-)the(?=-)/g, '')
    .replace(/-(?:licen[cs]e|version)(?=-|$)/g, '')
    .replace(/^-+/, '');
  return [...new Set([normalised, stripped])];
}

export function assessName(input: string, raw: string): LicenseAssessment | null {
  const normalised = normaliseName(raw);
  if (!normalised) return null;
  for (const n of nameVariants(normalised)) {
    const hub = hubLicense(n) ?? HUB_BY_NAME.get(n);
    if (hub && hub.id !== 'other' && hub.id !== 'unknown') return assessHub(input, hub);
    const spdx = spdxLicense(n)?.id ?? SPDX_BY_NAME.get(n) ?? ALIASES[n];
    if (spdx) return assessSpdxId(input, spdx);
  }
  const family = familyByName(normalised);
  return family ? fromFamily(input, family) : null;
}

/** Common licence-text hosts whose URL names the licence. */
function spdxFromLink(link: string): string | undefined {
  const cc = /^creativecommons\.org\/licenses\/(by(?:-[a-z]+)*)\/(\d\.\d)(?:\/.*)?$/.exec(link);
  if (cc) return `CC-${cc[1]!.toUpperCase()}-${cc[2]}`;
  if (/^creativecommons\.org\/publicdomain\/zero\/1\.0(?:\/.*)?$/.test(link)) return 'CC0-1.0';
  const osi = /^opensource\.org\/licenses?\/([a-z0-9.+-]+?)(?:\.php|\.html)?$/.exec(link);
  if (osi && spdxLicense(osi[1]!)) return spdxLicense(osi[1]!)!.id;
  if (/^apache\.org\/licenses\/license-2\.0(?:\.txt|\.html)?$/.test(link)) return 'Apache-2.0';
  const choose =
    /^(?:choosealicense\.com\/licenses\/([a-z0-9.-]+)|huggingface\.co\/datasets\/choosealicense\/licenses\/(?:blob|raw|resolve)\/[^/]+\/markdown\/([a-z0-9.-]+)\.md)$/.exec(
      link,
    );
  const chosen = choose?.[1] ?? choose?.[2];
  if (chosen) return hubLicense(chosen)?.spdx ?? spdxLicense(chosen)?.id;
  return undefined;
}

export function assessLink(input: string, raw: string): LicenseAssessment | null {
  const link = normaliseLink(raw);
  if (!link) return null;
  const family = familyByLink(link);
  if (family) return fromFamily(input, family);
  const spdx = spdxFromLink(link);
  return spdx ? assessSpdxId(input, spdx) : null;
}
