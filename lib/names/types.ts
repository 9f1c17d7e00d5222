import type { Source } from '../sources';

/** One released model of a family: its Hub repo and the licence its Hub metadata declares. */
export interface FamilyMember {
  repoId: string;
  /**
   * The licence as the Hub record declares it: a Hub licence id ("llama3.1", "apache-2.0") or, for `license:
   * other`, the record's license_name ("mrl", "nvidia-open-model-license").
   */
  license: string;
}

/** A model family or version line as pages name it ("Qwen2.5", "Llama 3.1", "Stable Diffusion XL"). */
export interface ModelFamily {
  /** Stable slug. */
  id: string;
  /** Display name (the vendor's spelling). */
  name: string;
  vendor: string;
  /** Spellings pages use; matched on tokens, so case, spaces and hyphens do not matter. */
  names: readonly string[];
  /** Members with the licence the Hub lists for each (reviewed against the Hub records named in `source`). */
  members: readonly FamilyMember[];
  /** Umbrella names ("Qwen", "Llama") cover the members of these families too. */
  includes?: readonly string[];
  /** Closed products (ids in closed.ts) that are versions of this line, e.g. the API-only Mistral Large 24.02. */
  closedVersions?: readonly string[];
  source: Source;
  /** Short note of our own (why the family is drawn this way). */
  note?: string;
}

/** An API-only or app-only product: no weights were released. */
export interface ClosedProduct {
  id: string;
  name: string;
  vendor: string;
  modality: string;
  /** Spellings that name exactly this product. */
  aliases: readonly string[];
  /**
   * Name beginnings that only this vendor's closed line uses ("claude", "gemini"): any continuation is closed too
   * ("Claude Opus 4.1"). Numbers continue a prefix ("claude sonnet 4" covers "claude sonnet 4.5").
   */
  prefixes?: readonly string[];
  source: Source;
  /** A second source, where the first is not the vendor's own. */
  secondSource?: Source;
  note: string;
  /** 'verify': a source row that needs a second source first; such rows are kept, but never resolve. */
  confidence: 'ok' | 'verify';
}

/** A licence shared by a group of members. */
export interface LicenceGroup {
  /** Hub id or license_name, as in FamilyMember.license; 'closed' for closed versions (no weights). */
  license: string;
  members: readonly string[];
}

/** What a family's members declare: one licence for all, or several (never one picked for the others). */
export type FamilyLicence = { kind: 'shared'; license: string } | { kind: 'mixed'; groups: readonly LicenceGroup[] };

/** How a name as pages write it was understood. */
export type NameResolution =
  | {
      kind: 'repo';
      repoId: string;
      /** The member's declared licence. */
      license: string;
      family: ModelFamily;
      /** The name as given. */
      query: string;
    }
  | {
      kind: 'family';
      family: ModelFamily;
      /** The members the name covers: the whole family, or those of the size given when several share it. */
      members: readonly FamilyMember[];
      /** Closed versions the name also covers (no size given). */
      closed: readonly ClosedProduct[];
      licence: FamilyLicence;
      query: string;
    }
  | { kind: 'closed'; product: ClosedProduct; query: string };
