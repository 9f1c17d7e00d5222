/** Base models a card declares, how the model relates to each, and licence inheritance from them. */
import { isMorePermissive } from '../licenses';
import type { LicenseAssessment } from '../licenses/types';
import type { CardData, ModelInfo } from '../hub/schemas';
import type { BaseModelEvidence } from './types';
import { type BaseRelation, asList, tagValues, uniqueCI } from './extract';
import { licenseLabel } from './datasets';

export interface BaseModelRef {
  id: string;
  relation: BaseRelation;
  /** Where the relation came from: a `base_model:<relation>:` tag, card `base_model_relation`, inferred, or none. */
  relationFrom: 'tag' | 'card' | 'inferred' | 'none';
  /** When inferred: what from. */
  inferredFrom?: string;
}

const RELATIONS = new Set<BaseRelation>(['finetune', 'quantized', 'merge', 'adapter']);
const QUANT_TAGS = [
  'gguf',
  'ggml',
  'gptq',
  'awq',
  'exl2',
  'aqlm',
  'hqq',
  'bitsandbytes',
  '4-bit',
  '8-bit',
  'quantized',
];
const MERGE_TAGS = ['merge', 'mergekit'];

/** The relation tags and files suggest when nothing states it; 'unknown' when nothing does. */
export function inferBaseRelation(info: Pick<ModelInfo, 'tags' | 'siblings' | 'library_name'>): {
  relation: BaseRelation;
  from?: string;
} {
  const tags = new Set((info.tags ?? []).map((t) => t.toLowerCase()));
  const files = (info.siblings ?? []).map((s) => s.rfilename.split('/').pop() ?? '');
  const adapterFile = files.find((f) => /^adapter_(config\.json|model\.(safetensors|bin))$/.test(f));
  if (adapterFile) return { relation: 'adapter', from: `file ${adapterFile}` };
  if (info.library_name === 'peft' || tags.has('peft') || tags.has('lora'))
    return { relation: 'adapter', from: 'tag peft/lora' };
  const merge = MERGE_TAGS.find((t) => tags.has(t));
  if (merge) return { relation: 'merge', from: `tag ${merge}` };
  const quant = QUANT_TAGS.find((t) => tags.has(t));
  if (quant) return { relation: 'quantized', from: `tag ${quant}` };
  return { relation: 'unknown' };
}

/**
 * Base models a model declares: the Hub's `base_model:` tags (normalised by the Hub) first, then card
 * `base_model` entries not already listed. Relation per id: its `base_model:<relation>:` tag, else the
 * card's `base_model_relation`, else inferred from tags/files, else 'unknown'.
 */
export function declaredBaseModels(
  info: Pick<ModelInfo, 'id' | 'tags' | 'siblings' | 'library_name'>,
  cardData: CardData | null | undefined,
): BaseModelRef[] {
  const ids: string[] = [];
  const tagRelation = new Map<string, BaseRelation>();
  for (const value of tagValues(info.tags, 'base_model')) {
    const colon = value.indexOf(':');
    if (colon > 0 && RELATIONS.has(value.slice(0, colon) as BaseRelation)) {
      const id = value.slice(colon + 1).trim();
      if (id) {
        tagRelation.set(id.toLowerCase(), value.slice(0, colon) as BaseRelation);
        ids.push(id);
      }
    } else {
      ids.push(value);
    }
  }
  ids.push(...asList(cardData?.base_model));
  const cardRelation = cardData?.base_model_relation?.trim().toLowerCase();
  const inferred = inferBaseRelation(info);
  const self = info.id.toLowerCase();
  return uniqueCI(ids)
    .filter((id) => id.toLowerCase() !== self)
    .map((id): BaseModelRef => {
      const fromTag = tagRelation.get(id.toLowerCase());
      if (fromTag) return { id, relation: fromTag, relationFrom: 'tag' };
      if (cardRelation && RELATIONS.has(cardRelation as BaseRelation)) {
        return { id, relation: cardRelation as BaseRelation, relationFrom: 'card' };
      }
      if (inferred.relation !== 'unknown') {
        return { id, relation: inferred.relation, relationFrom: 'inferred', inferredFrom: inferred.from };
      }
      return { id, relation: 'unknown', relationFrom: 'none' };
    });
}

// ---------------------------------------------------------------------------------------------- inheritance

/**
 * A derivative cannot grant more than its base's licence allows. Conflict when the model's own licence is
 * more permissive than a restricted base's (e.g. `license: mit` on a fine-tune of a Llama 3.1 model).
 * Direct bases are checked before bases of bases. Null when no conflict is shown (including when unknown).
 */
export function findInheritanceConflict(
  model: LicenseAssessment | null,
  bases: readonly BaseModelEvidence[],
): { baseId: string; reason: string } | null {
  if (!model) return null;
  const ordered = [...bases].sort((a, b) => (a.depth ?? 1) - (b.depth ?? 1));
  for (const base of ordered) {
    if (!base.license || base.license.status !== 'restricted') continue;
    let more: boolean | null;
    try {
      more = isMorePermissive(model, base.license);
    } catch {
      more = null;
    }
    if (more !== true) continue;
    const rel =
      base.relation === 'unknown' ? 'a derivative' : `a ${base.relation === 'finetune' ? 'fine-tune' : base.relation}`;
    const chain = base.depth && base.depth > 1 && base.via ? ` (via ${base.via})` : '';
    return {
      baseId: base.id,
      reason:
        `declares ${licenseLabel(model)}, more permissive than ${base.id}'s ${licenseLabel(base.license)}${chain}, ` +
        `which restricts use or sharing; as ${rel} of ${base.id} it cannot grant more than that licence allows`,
    };
  }
  return null;
}

/**
 * For a model that declares no licence: the licence of its direct base(s), when they agree on one.
 * Returns the base to inherit from, or null (no base licence known, or bases disagree).
 */
export function inheritableBase(bases: readonly BaseModelEvidence[]): BaseModelEvidence | null {
  const direct = bases.filter((b) => (b.depth ?? 1) === 1);
  // Only a licence a base actually declares can be inherited; "none declared" is not a licence.
  if (direct.length === 0 || direct.some((b) => !b.license || b.license.input === '')) return null;
  const keys = new Set(direct.map((b) => (b.license!.id ?? b.license!.input).toLowerCase()));
  return keys.size === 1 ? direct[0]! : null;
}
