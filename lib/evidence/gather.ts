import type { Source } from '../sources';
import { hubUrls, isValidRepoId, type HubClient, type HubResult } from '../hub/client';
import { DEFAULT_HUB_ENDPOINT } from '../hub/endpoint';
import { parseModelCard, type CardData, type DatasetInfo, type ModelInfo, type ParsedModelCard } from '../hub/schemas';
import {
  classifyDataset,
  declaredBaseModels,
  declaredDatasets,
  extractCodeLinks,
  extractGating,
  extractLicense,
  extractPapers,
  extractWeights,
  findInheritanceConflict,
  inheritableBase,
  modelApiSource,
  modelCardSource,
  noLicenseDeclared,
  type BaseModelRef,
} from './extract';
import { ModelEvidenceSchema, type BaseModelEvidence, type DatasetEvidence, type ModelEvidence } from './types';

export interface GatherOptions {
  /** Declared datasets whose Hub record is fetched (default 8); the rest are listed as unknown. */
  maxDatasets?: number;
  /** How far up the base-model chain to go (default 2: bases and their bases). */
  baseDepth?: number;
  /** Base models fetched in all (default 8), so a merge of dozens of models stays cheap. */
  maxBaseModels?: number;
  /** Hub requests in flight at once for this model (default 4). */
  concurrency?: number;
}

/** A tiny semaphore: at most `n` tasks run at once, the rest queue in order. */
function limiter(n: number) {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    active--;
    queue.shift()?.();
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => queue.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      next();
    }
  };
}

function emptyEvidence(
  repoId: string,
  status: ModelEvidence['hubStatus'],
  message: string | null,
  source: Source,
): ModelEvidence {
  return {
    repoId,
    hubStatus: status,
    hubMessage: message,
    fetchedAt: null,
    license: null,
    gated: 'unknown',
    weights: { status: 'unknown', formats: [], fileCount: 0, source: null },
    datasets: [],
    baseModels: [],
    inheritanceConflict: null,
    papers: [],
    codeLinks: [],
    card: { present: false, source: null },
    pipelineTag: null,
    libraryName: null,
    tags: [],
    sources: [source],
    notes: [],
  };
}

/**
 * Everything the Hub says about one model, each fact with its source: the model record, its card, its
 * declared datasets' records and its base models' records (up to baseDepth). Never throws for Hub
 * trouble: hubStatus / hubMessage say how the model fetch went, and unread facts stay unknown.
 */
export async function gatherEvidence(repoId: string, hub: HubClient, opts: GatherOptions = {}): Promise<ModelEvidence> {
  const maxDatasets = Math.max(0, opts.maxDatasets ?? 8);
  const baseDepth = Math.max(0, opts.baseDepth ?? 2);
  const maxBaseModels = Math.max(0, opts.maxBaseModels ?? 8);
  const limit = limiter(Math.max(1, opts.concurrency ?? 4));
  // Hand-made HubClient doubles may lack `urls`; derive them from the endpoint then.
  const urls = hub.urls ?? hubUrls(hub.endpoint ?? DEFAULT_HUB_ENDPOINT);

  const modelRes = await hub.model(repoId);
  if (!modelRes.ok) return emptyEvidence(repoId, modelRes.status, modelRes.message, modelApiSource(urls, repoId));

  const info = modelRes.data;
  // The Hub answers renamed repos under their current id; facts are sourced there.
  const id = info.id;
  const notes: string[] = [];
  if (id !== repoId) notes.push(`the Hub answers for ${repoId} as ${id} (renamed or redirected)`);
  if (modelRes.stale)
    notes.push(`model record served from an expired cache entry (${modelRes.staleReason ?? 'Hub not asked'})`);
  if (info.disabled === true) notes.push('the repository is disabled on the Hub');
  const apiSource = modelApiSource(urls, id);
  const cardSource = modelCardSource(urls, id);
  const sources: Source[] = [apiSource];

  // The card body is where code links live, and the front matter stands in when the API has no cardData.
  const hasReadme = info.siblings ? info.siblings.some((s) => s.rfilename === 'README.md') : null;
  const cardPromise: Promise<HubResult<string> | null> =
    hasReadme === false ? Promise.resolve(null) : limit(() => hub.modelCard(id));

  let cardData: CardData | null = info.cardData ?? null;
  let cardDataFrom: 'api' | 'card' | null = cardData ? 'api' : null;
  let cardRes: HubResult<string> | null = null;
  let card: ParsedModelCard | null = null;
  const readCard = async () => {
    cardRes = await cardPromise;
    if (cardRes?.ok) {
      card = parseModelCard(cardRes.data);
      for (const n of card.notes) notes.push(`model card: ${n}`);
    }
  };
  if (!cardData) {
    await readCard();
    const parsed = card as ParsedModelCard | null;
    if (parsed?.cardData) {
      cardData = parsed.cardData;
      cardDataFrom = 'card';
    }
  }
  const metaSource = cardDataFrom === 'card' ? cardSource : apiSource;

  // Datasets: the first maxDatasets valid ids are fetched, the rest are listed as not fetched.
  const datasetIds = declaredDatasets(cardData, info.tags);
  const datasetsPromise: Promise<DatasetEvidence[]> = (async () => {
    let fetched = 0;
    const plan = datasetIds.map((dsId) => {
      const fetchable = isValidRepoId(dsId) && fetched < maxDatasets;
      if (fetchable) fetched++;
      return { dsId, fetchable };
    });
    const skipped = plan.filter((p) => !p.fetchable && isValidRepoId(p.dsId)).length;
    if (skipped > 0) notes.push(`${skipped} declared dataset(s) not looked up (limit of ${maxDatasets} per model)`);
    return Promise.all(
      plan.map(async ({ dsId, fetchable }) => {
        const res: HubResult<DatasetInfo> | null = fetchable ? await limit(() => hub.dataset(dsId)) : null;
        return classifyDataset(
          dsId,
          res,
          urls,
          `not looked up (limit of ${maxDatasets} datasets per model)`,
          metaSource,
        );
      }),
    );
  })();

  // Base models, breadth-first to baseDepth; ids already seen (cycles, diamonds) are not fetched twice.
  const basesPromise: Promise<BaseModelEvidence[]> = (async () => {
    const out: BaseModelEvidence[] = [];
    const seen = new Set<string>([repoId.toLowerCase(), id.toLowerCase()]);
    let budget = maxBaseModels;
    let level: Array<{
      child: string;
      info: Pick<ModelInfo, 'id' | 'tags' | 'siblings' | 'library_name'>;
      cardData: CardData | null;
    }> = [{ child: id, info, cardData }];
    for (let depth = 1; depth <= baseDepth && level.length > 0; depth++) {
      const refs: Array<{ child: string; ref: BaseModelRef }> = [];
      for (const node of level) {
        for (const ref of declaredBaseModels(node.info, node.cardData)) {
          if (seen.has(ref.id.toLowerCase())) continue;
          seen.add(ref.id.toLowerCase());
          if (budget <= 0) {
            notes.push(`base model ${ref.id} not looked up (limit of ${maxBaseModels} base models)`);
            continue;
          }
          budget--;
          refs.push({ child: node.child, ref });
          if (ref.relationFrom === 'inferred') {
            notes.push(`relation of ${node.child} to ${ref.id} inferred as ${ref.relation} from ${ref.inferredFrom}`);
          }
        }
      }
      const results = await Promise.all(refs.map(({ ref }) => limit(() => hub.model(ref.id))));
      const next: typeof level = [];
      const byCanonical = new Map<string, BaseModelEvidence>();
      refs.forEach(({ child, ref }, i) => {
        const res = results[i]!;
        const canonical = res.ok ? res.data.id : ref.id;
        // Two names for one repo (a card's old name next to the Hub's tag): keep one entry.
        const dup = byCanonical.get(canonical.toLowerCase());
        if (res.ok && dup) {
          if (dup.relation === 'unknown' && ref.relation !== 'unknown') dup.relation = ref.relation;
          notes.push(`base models ${dup.id} and ${ref.id} are the same repository (${canonical})`);
          return;
        }
        const source = modelApiSource(urls, canonical);
        const ev: BaseModelEvidence = {
          id: ref.id,
          relation: ref.relation,
          license: res.ok
            ? (extractLicense(res.data.cardData, res.data.tags, source)?.assessment ?? noLicenseDeclared())
            : null,
          hubStatus: res.ok ? 'ok' : res.status,
          source,
          via: child,
          depth,
        };
        if (!res.ok) notes.push(`base model ${ref.id}: ${res.status} (${res.message})`);
        if (res.ok && canonical !== ref.id) notes.push(`base model ${ref.id} is answered by the Hub as ${canonical}`);
        byCanonical.set(canonical.toLowerCase(), ev);
        seen.add(canonical.toLowerCase());
        out.push(ev);
        if (res.ok) next.push({ child: canonical, info: res.data, cardData: res.data.cardData ?? null });
      });
      level = next;
    }
    return out;
  })();

  const [datasets, baseModels] = await Promise.all([
    datasetsPromise,
    basesPromise,
    cardDataFrom === 'api' ? readCard() : undefined,
  ]);

  // Card facts.
  const cardResult = cardRes as HubResult<string> | null;
  const parsedCard = card as ParsedModelCard | null;
  let cardEvidence: ModelEvidence['card'];
  if (cardResult?.ok) {
    cardEvidence = { present: true, source: cardSource };
    sources.push(cardSource);
  } else if (hasReadme === false) {
    // The file list has no README.md: no card, and the record says so.
    cardEvidence = { present: false, source: apiSource };
  } else if (hasReadme === true) {
    // Listed but unread: the card exists; its body (and code links) could not be searched.
    cardEvidence = { present: true, source: apiSource };
    if (cardResult && !cardResult.ok)
      notes.push(
        `model card is listed but could not be read (${cardResult.status}: ${cardResult.message}); code links not searched in it`,
      );
  } else {
    const known = info.cardData !== undefined;
    cardEvidence = { present: known, source: known ? apiSource : null };
    if (cardResult && !cardResult.ok && cardResult.status !== 'not-found') {
      notes.push(
        `model card could not be read (${cardResult.status}: ${cardResult.message}); code links not searched in it`,
      );
    }
  }
  const code = extractCodeLinks(parsedCard?.body ?? null, parsedCard?.frontMatter ?? cardData);
  if (code.tooling.length > 0) {
    notes.push(`links to general-purpose tooling not counted as the model's code: ${code.tooling.join(', ')}`);
  }

  // Licence: declared, or inherited from the base when none is declared.
  let license = extractLicense(cardData, info.tags, metaSource);
  if (!license) {
    const from = inheritableBase(baseModels);
    if (from?.license) {
      license = {
        declared: { license: null, licenseName: null, licenseLink: null },
        assessment: from.license,
        source: from.source,
        inheritedFrom: from.id,
      };
      notes.push(
        `no licence declared; ${from.id}'s licence (${from.license.id ?? from.license.input}) applies, as the model is a ${from.relation === 'unknown' ? 'derivative' : from.relation} of it`,
      );
    } else if (baseModels.length > 0) {
      notes.push('no licence declared, and no single base-model licence to inherit');
    }
  }
  const inheritanceConflict =
    license && !license.inheritedFrom ? findInheritanceConflict(license.assessment, baseModels) : null;

  for (const d of datasets) if (d.hubStatus === 'ok') sources.push(d.source);
  for (const b of baseModels) if (b.hubStatus === 'ok') sources.push(b.source);
  const uniqueSources = [...new Map(sources.map((s) => [s.url, s])).values()];

  const evidence: ModelEvidence = {
    repoId,
    hubStatus: 'ok',
    hubMessage: null,
    fetchedAt: modelRes.fetchedAt,
    license,
    gated: extractGating(info.gated),
    weights: extractWeights(info.siblings, apiSource),
    datasets,
    baseModels,
    inheritanceConflict,
    papers: extractPapers(info.tags),
    codeLinks: code.links,
    card: cardEvidence,
    pipelineTag: info.pipeline_tag ?? cardData?.pipeline_tag ?? null,
    libraryName: info.library_name ?? cardData?.library_name ?? null,
    tags: info.tags ?? [],
    sources: uniqueSources,
    notes,
  };
  // Our own output is a boundary too: a bug here should surface in tests, not as a malformed verdict.
  const checked = ModelEvidenceSchema.safeParse(evidence);
  if (!checked.success) {
    return {
      ...emptyEvidence(
        repoId,
        'bad-response',
        `evidence did not validate: ${checked.error.issues[0]?.message ?? 'invalid'}`,
        apiSource,
      ),
      notes,
    };
  }
  return checked.data;
}
