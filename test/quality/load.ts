/**
 * Held-out evaluation data for issues 10 and 11: the claims corpus (documents with a curator's assessment and
 * short quoted excerpts, each with its expected outcome) and the truthfulness set (real models with the label
 * they should get). See test/quality/README.md for how both were built.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const QUALITY_DIR = dirname(fileURLToPath(import.meta.url));
export const CORPUS_FILE = join(QUALITY_DIR, 'claims-corpus.json');
export const MODELS_FILE = join(QUALITY_DIR, 'models.json');

/** Excerpts are short quotes, never whole passages. */
export const MAX_EXCERPT_CHARS = 400;

export const Label = z.enum(['open-source', 'open-weights', 'restricted-weights', 'closed', 'unknown']);
export type Label = z.infer<typeof Label>;

/**
 * flag: an openwashing claim (strong wording about a restricted-weights or closed model): must be flagged.
 * unverified: an open-source claim about an open-weights model: at most the medium "unverified" note.
 * no-flag: no openwashing flag (honest, critical, reported, negated, talk about the term, or not about a model).
 */
export const Expect = z.enum(['flag', 'unverified', 'no-flag']);
export type Expect = z.infer<typeof Expect>;

export const Assessment = z.enum(['OW', 'HON', 'CRIT', 'REF']);
export const Kind = z.enum(['model-card', 'vendor-post', 'news', 'forum', 'blog', 'docs']);
export const Language = z.enum(['en', 'de', 'fr', 'es', 'zh']);
export const Split = z.enum(['dev', 'test']);

export const Excerpt = z.object({
  text: z.string().min(1).max(MAX_EXCERPT_CHARS),
  expect: Expect,
  /** The model(s) the claim is about; for a list of models, each one the outcome applies to. */
  subjects: z.array(z.string().min(1)),
  reason: z.string().min(1),
  /** Where the excerpt sits when the quote alone lacks its subject (a table row's heading, a list item). */
  context: z.string().optional(),
  /** A hard-case tag: software, table, model-list, licence-named, term-talk, comparison, benchmark, ... */
  pattern: z.string().optional(),
});
export type Excerpt = z.infer<typeof Excerpt>;

export const DocumentModel = z.object({
  name: z.string().min(1),
  licence: z.string().min(1),
  licenceSource: z.string().min(1),
  label: Label,
  note: z.string().optional(),
});

export const CorpusDocument = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  /** Documents added later form a new batch, split among themselves, so earlier splits never move (default 1). */
  batch: z.number().int().positive().optional(),
  kind: Kind,
  language: Language,
  split: Split,
  source: z.object({
    /** Where the text is public. */
    url: z.string().min(1),
    /** The whole document under ../shared, when it comes from there (path relative to the project root). */
    local: z.string().optional(),
    /** The public copy the local file was taken from (repo@commit:path). */
    copy: z.string().optional(),
  }),
  assessment: Assessment,
  /** True when some excerpt must be flagged as openwashing: the document-level expectation. */
  expectDocumentFlag: z.boolean(),
  /** Why the assessment holds: the licence fact and where it comes from. */
  why: z.string().min(1),
  models: z.array(DocumentModel),
  excerpts: z.array(Excerpt).min(1),
  note: z.string().optional(),
});
export type CorpusDocument = z.infer<typeof CorpusDocument>;

export const ClaimsCorpus = z.object({ version: z.literal(1), documents: z.array(CorpusDocument) });

export const TruthModel = z.object({
  /** A Hub repo id, or the product/family name when there is no repo. */
  id: z.string().min(1),
  kind: z.enum(['repo', 'family', 'product']),
  /** Names as pages write them. */
  names: z.array(z.string().min(1)).min(1),
  expectedLabel: Label,
  /** Licence id or name; null for closed products and unsettled families. */
  licence: z.string().nullable(),
  sources: z.array(z.string().min(1)).min(1),
  note: z.string().optional(),
});
export type TruthModel = z.infer<typeof TruthModel>;

export const TruthSet = z.object({ version: z.literal(1), models: z.array(TruthModel) });

type SplitKey = Pick<CorpusDocument, 'id' | 'kind' | 'language' | 'assessment' | 'batch'>;

/** The stratum of the split: batch, kind, English or not, assessment. */
export function stratumOf(d: Omit<SplitKey, 'id'>): string {
  return `${d.batch ?? 1}/${d.kind}/${d.language === 'en' ? 'en' : 'other'}/${d.assessment}`;
}

/**
 * The split rule, stratified and deterministic: within each stratum (per batch), documents sorted by sha256(id);
 * the 2nd, 5th, 8th, ... are dev, the rest test (so about a third is dev, and a stratum of one is held out).
 */
export function computeSplits(docs: SplitKey[]): Map<string, 'dev' | 'test'> {
  const hash = (id: string) => createHash('sha256').update(id).digest('hex');
  const strata = new Map<string, { id: string; h: string }[]>();
  for (const d of docs) {
    const key = stratumOf(d);
    if (!strata.has(key)) strata.set(key, []);
    strata.get(key)!.push({ id: d.id, h: hash(d.id) });
  }
  const out = new Map<string, 'dev' | 'test'>();
  for (const members of strata.values()) {
    members.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    members.forEach((m, n) => out.set(m.id, n % 3 === 1 ? 'dev' : 'test'));
  }
  return out;
}

export function loadClaimsCorpus(path = CORPUS_FILE): CorpusDocument[] {
  return ClaimsCorpus.parse(JSON.parse(readFileSync(path, 'utf8'))).documents;
}

export function loadTruthSet(path = MODELS_FILE): TruthModel[] {
  return TruthSet.parse(JSON.parse(readFileSync(path, 'utf8'))).models;
}

/** Documents of one split: rules may be written against 'dev' only; 'test' is held out. */
export function documentsOf(split: 'dev' | 'test', docs = loadClaimsCorpus()): CorpusDocument[] {
  return docs.filter((d) => d.split === split);
}
