/**
 * Reviewed tables that connect Hugging Face repos and human names to the expert records in the pack.
 *
 * Rules kept by every entry (and checked by test/unit/knowledge/aliases.test.ts):
 * - 'exact' entries name one repo id, no wildcard: the record is about that very model.
 * - 'family' entries are an id or an "org/prefix*" pattern; the org is matched in full, so a
 *   third-party fine-tune ("someone/pythia-ft") never matches another org's family.
 * - every entry says why, in a short phrase of our own.
 * Keys refer to IndexRecord.key, MotRecord.key and OsiOutcome.system.
 */
import type { MatchKind } from './types';

export interface AliasTargets {
  index?: readonly string[];
  mot?: readonly string[];
  osi?: readonly string[];
}

export interface RepoAlias extends AliasTargets {
  /** "org/name" (exact or family) or "org/prefix*" (family only); case-insensitive. */
  pattern: string;
  match: MatchKind;
  why: string;
}

export const REPO_ALIASES: readonly RepoAlias[] = [
  // --- OSI validation-phase systems (opensource.org/ai FAQ). OSI named systems, not repos: an OSI
  // outcome is 'exact' only where the name denotes a single released model.
  {
    pattern: 'EleutherAI/pythia-*',
    match: 'family',
    osi: ['Pythia'],
    index: ['Pythia'],
    why: 'OSI validated the Pythia suite as a whole, not one size',
  },
  {
    pattern: 'allenai/OLMo-1B*',
    match: 'family',
    osi: ['OLMo'],
    why: 'first-generation OLMo (2024), the one OSI validated; no size named',
  },
  {
    pattern: 'allenai/OLMo-7B*',
    match: 'family',
    osi: ['OLMo'],
    why: 'first-generation OLMo (2024), the one OSI validated; no size named',
  },
  {
    pattern: 'allenai/OLMo-*',
    match: 'family',
    index: ['OLMo'],
    why: 'the index rates the latest OLMo as the family record',
  },
  { pattern: 'LLM360/Amber', match: 'exact', osi: ['Amber'], why: 'OSI named Amber, which is this single 7B model' },
  {
    pattern: 'LLM360/Amber*',
    match: 'family',
    osi: ['Amber'],
    why: 'LLM360 fine-tunes of Amber (AmberChat, AmberSafe)',
  },
  {
    pattern: 'LLM360/CrystalCoder',
    match: 'exact',
    osi: ['CrystalCoder'],
    why: 'OSI named CrystalCoder, which is this single 7B model',
  },
  {
    pattern: 'LLM360/Crystal*',
    match: 'family',
    osi: ['CrystalCoder'],
    index: ['Crystal'],
    why: "CrystalChat is LLM360's fine-tune of CrystalCoder",
  },
  {
    pattern: 'google-t5/t5-*',
    match: 'family',
    osi: ['T5'],
    index: ['T5'],
    mot: ['T5', 'T5-11b'],
    why: 'T5 comes in five sizes; OSI and the index name the family',
  },
  {
    pattern: 'meta-llama/Llama-2-*',
    match: 'family',
    osi: ['Llama 2'],
    index: ['llama-2-chat'],
    why: 'OSI named Llama 2 without a size',
  },
  {
    pattern: 'xai-org/grok-1',
    match: 'exact',
    osi: ['Grok'],
    why: 'OSI validated Grok-1, the only Grok with published weights at the time',
  },
  {
    pattern: 'xai-org/grok-*',
    match: 'family',
    index: ['Grok'],
    why: 'the index record rates Grok 2, a later model of the same line',
  },
  { pattern: 'microsoft/phi-2', match: 'exact', osi: ['Phi-2'], why: 'OSI named Phi-2, a single 2.7B model' },
  {
    pattern: 'microsoft/phi-*',
    match: 'family',
    index: ['Phi'],
    why: 'the index rates the latest Phi as the family record',
  },
  {
    pattern: 'mistralai/Mixtral-*',
    match: 'family',
    osi: ['Mixtral'],
    why: 'OSI named Mixtral without a size (8x7B and 8x22B exist)',
  },
  {
    pattern: 'bigscience/bloom',
    match: 'exact',
    osi: ['BLOOM'],
    why: 'OSI named BLOOM, the 176B model published under this id',
  },
  {
    pattern: 'bigscience/bloom-*',
    match: 'family',
    osi: ['BLOOM'],
    mot: ['BLOOM'],
    why: 'smaller BLOOM sizes from the same release',
  },
  {
    pattern: 'bigcode/starcoder2-*',
    match: 'family',
    osi: ['StarCoder2'],
    index: ['StarCoder'],
    why: 'StarCoder2 comes in 3B, 7B and 15B; OSI named the family',
  },
  {
    pattern: 'tiiuae/falcon-7b*',
    match: 'family',
    osi: ['Falcon'],
    why: 'first-generation Falcon (2023), the one OSI validated; no size named',
  },
  {
    pattern: 'tiiuae/falcon-40b*',
    match: 'family',
    osi: ['Falcon'],
    why: 'first-generation Falcon (2023), the one OSI validated; no size named',
  },
  {
    pattern: 'tiiuae/falcon-180b*',
    match: 'family',
    osi: ['Falcon'],
    why: 'first-generation Falcon (2023), the one OSI validated; no size named',
  },
  {
    pattern: 'tiiuae/falcon*',
    match: 'family',
    index: ['Falcon'],
    why: 'the index rates the latest Falcon as the family record',
  },

  // --- Records without a usable Hub link, tied to the repo they describe.
  {
    pattern: 'meta-llama/Llama-2-7b',
    match: 'exact',
    mot: ['Llama-2-7B'],
    why: 'MOT record of the 7B base model (original-format weights)',
  },
  {
    pattern: 'meta-llama/Llama-2-7b-hf',
    match: 'exact',
    mot: ['Llama-2-7B'],
    why: 'MOT record of the 7B base model; -hf is the same weights in Transformers format',
  },
  { pattern: 'meta-llama/Llama-2-13b', match: 'exact', mot: ['Llama-2-13B'], why: 'MOT record of the 13B base model' },
  {
    pattern: 'meta-llama/Llama-2-13b-hf',
    match: 'exact',
    mot: ['Llama-2-13B'],
    why: 'MOT record of the 13B base model, Transformers format',
  },
  { pattern: 'meta-llama/Llama-2-70b', match: 'exact', mot: ['Llama-2-70B'], why: 'MOT record of the 70B base model' },
  {
    pattern: 'meta-llama/Llama-2-70b-hf',
    match: 'exact',
    mot: ['Llama-2-70B'],
    why: 'MOT record of the 70B base model, Transformers format',
  },
  {
    pattern: 'meta-llama/Llama-2-7b-chat-hf',
    match: 'exact',
    mot: ['Llama-2-chat-7B'],
    why: 'MOT record of the 7B chat model, Transformers format',
  },
  {
    pattern: 'meta-llama/Llama-2-13b-chat-hf',
    match: 'exact',
    mot: ['Llama-2-chat-13B'],
    why: 'MOT record of the 13B chat model, Transformers format',
  },
  {
    pattern: 'meta-llama/Llama-2-70b-chat-hf',
    match: 'exact',
    mot: ['Llama-2-chat-70B'],
    index: ['llama-2-chat'],
    why: "the index record's end model is Llama-2-70B-Chat; MOT record of the same model",
  },
  {
    pattern: 'meta-llama/Meta-Llama-3-*',
    match: 'family',
    index: ['llama-3-instruct'],
    why: 'the index rates Llama 3 as a family (record names the 70B instruct model)',
  },
  {
    pattern: 'meta-llama/Llama-3.1-*',
    match: 'family',
    index: ['llama-3.1'],
    why: 'the index rates Llama 3.1 as a family (record names the 405B models)',
  },
  {
    pattern: 'meta-llama/Llama-3.3-*',
    match: 'family',
    index: ['llama-3.3'],
    why: 'the index rates Llama 3.3 as a family',
  },
  {
    pattern: 'meta-llama/Llama-4-*',
    match: 'family',
    index: ['llama-4'],
    why: 'the index rates Llama 4 as a family (record names Maverick)',
  },
];

export interface RepoRename {
  /** Lower-case id prefix as it used to be... */
  from: string;
  /** ...and as the Hub spells it now (display case). The Hub redirects the old ids. */
  to: string;
  why: string;
}

/** Ids the Hub renamed; both spellings occur in the data, so lookups fold them together. */
export const REPO_RENAMES: readonly RepoRename[] = [
  {
    from: 'meta-llama/meta-llama-3.1-',
    to: 'meta-llama/Llama-3.1-',
    why: 'Meta dropped the "Meta-" prefix from the Llama 3.1 repos',
  },
  { from: 'thudm/', to: 'zai-org/', why: 'the THUDM organisation became zai-org' },
];

/** Current spelling of a repo id (renames applied), case otherwise kept. */
export function currentRepoId(id: string): string {
  const lower = id.toLowerCase();
  for (const r of REPO_RENAMES) if (lower.startsWith(r.from)) return r.to + id.slice(r.from.length);
  return id;
}

/** Lookup key for a repo id: renames applied, lower-cased. */
export function repoKey(id: string): string {
  return currentRepoId(id).toLowerCase();
}

/** Whether a lower-case repo key matches an alias pattern (org always matched in full). */
export function patternMatches(pattern: string, key: string): boolean {
  const p = pattern.toLowerCase();
  if (!p.endsWith('*')) return key === p;
  const prefix = p.slice(0, -1);
  // The prefix contains "org/", so only repos of that org can match.
  return prefix.includes('/') && key.startsWith(prefix);
}

export interface NameAlias {
  name: string;
  repoId: string;
  why: string;
}

/**
 * Human names whose repo cannot be derived from the pack, or where the derived one would mislead
 * (a family name whose index record links a third-party or a much later model). These win over names
 * derived from MOT and index records.
 */
export const NAME_ALIASES: readonly NameAlias[] = [
  { name: 'Llama 3.1 405B', repoId: 'meta-llama/Llama-3.1-405B', why: 'base 405B model' },
  { name: 'Llama 3.1 405B Instruct', repoId: 'meta-llama/Llama-3.1-405B-Instruct', why: 'instruct 405B model' },
  { name: 'Llama 3.1 70B', repoId: 'meta-llama/Llama-3.1-70B', why: 'base 70B model' },
  { name: 'Llama 3.1 8B', repoId: 'meta-llama/Llama-3.1-8B', why: 'base 8B model' },
  { name: 'Llama 3 70B', repoId: 'meta-llama/Meta-Llama-3-70B', why: 'base 70B model' },
  { name: 'Llama 3 8B', repoId: 'meta-llama/Meta-Llama-3-8B', why: 'base 8B model' },
  { name: 'Llama 2', repoId: 'meta-llama/Llama-2-70b-chat-hf', why: 'the model the index rates for Llama 2' },
  { name: 'Llama 2 7B', repoId: 'meta-llama/Llama-2-7b-hf', why: 'base 7B model, Transformers format' },
  { name: 'Llama 2 13B', repoId: 'meta-llama/Llama-2-13b-hf', why: 'base 13B model, Transformers format' },
  { name: 'Llama 2 70B', repoId: 'meta-llama/Llama-2-70b-hf', why: 'base 70B model, Transformers format' },
  { name: 'Mixtral', repoId: 'mistralai/Mixtral-8x7B-v0.1', why: 'the first Mixtral release' },
  { name: 'Mixtral 8x7B', repoId: 'mistralai/Mixtral-8x7B-v0.1', why: 'base 8x7B model' },
  { name: 'Mixtral 8x7B Instruct', repoId: 'mistralai/Mixtral-8x7B-Instruct-v0.1', why: 'instruct 8x7B model' },
  { name: 'Mixtral 8x22B', repoId: 'mistralai/Mixtral-8x22B-v0.1', why: 'base 8x22B model' },
  { name: 'Mistral 7B', repoId: 'mistralai/Mistral-7B-v0.1', why: 'the first Mistral 7B release' },
  { name: 'OLMo', repoId: 'allenai/OLMo-7B', why: 'the OLMo that OSI validated and MOT rated' },
  { name: 'OLMo 7B', repoId: 'allenai/OLMo-7B', why: 'first-generation 7B model' },
  {
    name: 'Pythia',
    repoId: 'EleutherAI/pythia-6.9b',
    why: 'the Pythia size the index rates (its own link is a third-party fine-tune)',
  },
  { name: 'Falcon', repoId: 'tiiuae/falcon-180B', why: 'largest model of the Falcon generation OSI validated' },
  { name: 'Falcon 40B', repoId: 'tiiuae/falcon-40b', why: 'first-generation 40B model' },
  { name: 'Grok', repoId: 'xai-org/grok-1', why: 'the Grok that OSI validated' },
  { name: 'Grok 1', repoId: 'xai-org/grok-1', why: 'Grok-1 weights release' },
  { name: 'StarCoder2', repoId: 'bigcode/starcoder2-15b', why: 'largest StarCoder2 model' },
  { name: 'StarCoder 2', repoId: 'bigcode/starcoder2-15b', why: 'largest StarCoder2 model' },
  { name: 'T5', repoId: 'google-t5/t5-11b', why: 'the T5 size the index and MOT link' },
  { name: 'Phi 2', repoId: 'microsoft/phi-2', why: 'Phi-2 release' },
  { name: 'GPT-2', repoId: 'openai-community/gpt2', why: 'the Hub moved gpt2 into openai-community' },
  {
    name: 'Stable Diffusion',
    repoId: 'stabilityai/stable-diffusion-3.5-large',
    why: 'a bare family name goes to the model the index rates for the family (as for Llama 2); versions below',
  },
  { name: 'Stable Diffusion 1.4', repoId: 'CompVis/stable-diffusion-v1-4', why: 'v1.4 release' },
  { name: 'Stable Diffusion 1.5', repoId: 'runwayml/stable-diffusion-v1-5', why: 'v1.5 release' },
  { name: 'Stable Diffusion 2.1', repoId: 'stabilityai/stable-diffusion-2-1', why: 'v2.1 release' },
  { name: 'Stable Diffusion XL', repoId: 'stabilityai/stable-diffusion-xl-base-1.0', why: 'SDXL base 1.0' },
  { name: 'SDXL', repoId: 'stabilityai/stable-diffusion-xl-base-1.0', why: 'SDXL base 1.0' },
];

/**
 * Key for comparing human names: lower-case, without spaces, '-' and '_' ("Llama 3.1 405B" and
 * "llama-3.1-405b" compare equal; dots stay, so 3.1 and 31 differ).
 */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}
