import { z } from 'zod';
import { parseDocument } from 'yaml';

/*
 * Schemas for the Hugging Face Hub API, in the shape of huggingface.js `ApiModelInfo` / `ApiDatasetInfo`.
 *
 * Policy: the Hub adds fields all the time and user-written card metadata is free-form YAML, so records
 * are loose (unknown keys kept) and every non-essential field is "lenient": missing or of the wrong type
 * it becomes undefined instead of rejecting the record. Only `id` is essential: without a string id the
 * answer is not a repo record at all and the caller reports a bad response.
 */

/** A field that is undefined when absent or of the wrong type, never a reason to reject the record. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** An array of strings; non-string entries are dropped (card YAML may hold numbers or nulls). */
export const StringListSchema = z.preprocess((v) => (Array.isArray(v) ? v.filter(isString) : v), z.array(z.string()));

/** A string or a list of strings, as card metadata allows for license, base_model, datasets, language. */
export const StringOrListSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter(isString) : v),
  z.union([z.string(), z.array(z.string())]),
);

/** `false`, `"auto"` or `"manual"`; older API answers used `true` (mode not stated). */
export const GatedSchema = z.union([z.literal(false), z.literal(true), z.literal('auto'), z.literal('manual')]);
export type Gated = z.infer<typeof GatedSchema>;

/** Model card metadata (the README front matter as the Hub returns it in `cardData`). */
export const CardDataSchema = z.looseObject({
  license: lenient(StringOrListSchema),
  license_name: lenient(z.string()),
  license_link: lenient(z.string()),
  base_model: lenient(StringOrListSchema),
  base_model_relation: lenient(z.string()),
  datasets: lenient(StringOrListSchema),
  tags: lenient(StringListSchema),
  language: lenient(StringOrListSchema),
  pipeline_tag: lenient(z.string()),
  library_name: lenient(z.string()),
  new_version: lenient(z.string()),
  inference: lenient(z.unknown()),
  extra_gated_prompt: lenient(z.string()),
  extra_gated_heading: lenient(z.string()),
  extra_gated_fields: lenient(z.record(z.string(), z.unknown())),
  // dataset cards
  pretty_name: lenient(z.string()),
  task_categories: lenient(StringListSchema),
  size_categories: lenient(StringOrListSchema),
});
export type CardData = z.infer<typeof CardDataSchema>;

const SiblingSchema = z.looseObject({
  rfilename: z.string(),
  size: lenient(z.number()),
  blobId: lenient(z.string()),
});
export type Sibling = z.infer<typeof SiblingSchema>;

/** Siblings: entries without a string rfilename are dropped rather than failing the list. */
export const SiblingsSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v.filter((s) => SiblingSchema.safeParse(s).success) : v),
  z.array(SiblingSchema),
);

const SafetensorsSchema = z.looseObject({
  parameters: lenient(z.record(z.string(), z.number())),
  total: lenient(z.number()),
});

const GgufSchema = z.looseObject({
  total: lenient(z.number()),
  architecture: lenient(z.string()),
  context_length: lenient(z.number()),
});

/** The essential field: a missing or non-string id makes the whole answer a bad response. */
const RepoIdField = z.string().min(1);

/** Fields models and datasets share (huggingface.js ApiModelInfo / ApiDatasetInfo). */
const REPO_FIELDS = {
  id: RepoIdField,
  _id: lenient(z.string()),
  author: lenient(z.string()),
  sha: lenient(z.string()),
  private: lenient(z.boolean()),
  gated: lenient(GatedSchema),
  disabled: lenient(z.boolean()),
  downloads: lenient(z.number()),
  likes: lenient(z.number()),
  tags: lenient(StringListSchema),
  cardData: lenient(CardDataSchema),
  siblings: lenient(SiblingsSchema),
  createdAt: lenient(z.string()),
  lastModified: lenient(z.string()),
  usedStorage: lenient(z.number()),
};

/** `GET /api/models/{id}` (huggingface.js ApiModelInfo, all optional except id). */
export const ModelInfoSchema = z.looseObject({
  ...REPO_FIELDS,
  modelId: lenient(z.string()),
  downloadsAllTime: lenient(z.number()),
  pipeline_tag: lenient(z.string()),
  library_name: lenient(z.string()),
  spaces: lenient(StringListSchema),
  safetensors: lenient(SafetensorsSchema),
  gguf: lenient(GgufSchema),
  config: lenient(z.record(z.string(), z.unknown())),
  transformersInfo: lenient(z.record(z.string(), z.unknown())),
  inference: lenient(z.string()),
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

/** `GET /api/datasets/{id}` (huggingface.js ApiDatasetInfo, all optional except id). */
export const DatasetInfoSchema = z.looseObject({
  ...REPO_FIELDS,
  description: lenient(z.string()),
});
export type DatasetInfo = z.infer<typeof DatasetInfoSchema>;

/** A model card split into its YAML front matter and its Markdown body. */
export interface ParsedModelCard {
  /** The front matter as a plain object, or null when there is none or it could not be read. */
  frontMatter: Record<string, unknown> | null;
  /** The front matter read through CardDataSchema (same shape as the API's cardData), or null. */
  cardData: CardData | null;
  /** Everything after the front matter (the whole text when there is none). */
  body: string;
  /** Why the front matter was ignored, when it was. */
  notes: string[];
}

// Front matter must open on the very first line (HF's rule); tolerate a BOM and CRLF line ends.
const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
/** Cards bigger than this are not YAML-parsed (a pathological card should not stall the caller). */
const MAX_FRONT_MATTER_CHARS = 512 * 1024;

/** Split a README.md into front matter and body. Never throws: bad YAML gives no front matter and a note. */
export function parseModelCard(raw: string): ParsedModelCard {
  const text = typeof raw === 'string' ? raw : '';
  const match = FRONT_MATTER.exec(text);
  if (!match) return { frontMatter: null, cardData: null, body: text.replace(/^\uFEFF/, ''), notes: [] };
  const yamlText = match[1] ?? '';
  const body = text.slice(match[0].length);
  const notes: string[] = [];
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
    notes.push(`front matter ignored: larger than ${MAX_FRONT_MATTER_CHARS} characters`);
    return { frontMatter: null, cardData: null, body, notes };
  }
  let value: unknown;
  try {
    // maxAliasCount guards against alias-expansion bombs; errors are collected, not thrown.
    const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      notes.push(`front matter ignored: invalid YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'parse error'})`);
      return { frontMatter: null, cardData: null, body, notes };
    }
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    notes.push(
      `front matter ignored: invalid YAML (${err instanceof Error ? err.message.split('\n')[0] : 'parse error'})`,
    );
    return { frontMatter: null, cardData: null, body, notes };
  }
  if (value === null || value === undefined) return { frontMatter: null, cardData: null, body, notes };
  if (typeof value !== 'object' || Array.isArray(value)) {
    notes.push('front matter ignored: it is not a key/value mapping');
    return { frontMatter: null, cardData: null, body, notes };
  }
  const frontMatter = value as Record<string, unknown>;
  const parsed = CardDataSchema.safeParse(frontMatter);
  return { frontMatter, cardData: parsed.success ? parsed.data : null, body, notes };
}
