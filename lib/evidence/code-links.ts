/** Links to a model's own code (GitHub, GitLab, Codeberg) in its card and metadata, apart from general tooling. */
import { GITHUB_RESERVED_FIRST } from '../knowledge/repo-ids';

const CODE_URL =
  /https?:\/\/(?:www\.)?(github\.com|gitlab\.com|codeberg\.org|raw\.githubusercontent\.com)\/[^\s<>()[\]{}"'`|\\,;]+/gi;
const GITLAB_STOP = new Set([
  '-',
  'blob',
  'tree',
  'raw',
  'issues',
  'merge_requests',
  'commit',
  'commits',
  'wikis',
  'releases',
]);
const NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * General-purpose libraries and tools that cards link to for installation or inference. A link to one of
 * these says how to *run* a model, not where *its* code is, so it is not counted as the model's code.
 */
export const GENERAL_TOOLING_REPOS: ReadonlySet<string> = new Set([
  'github.com/huggingface/transformers',
  'github.com/huggingface/diffusers',
  'github.com/huggingface/optimum',
  'github.com/huggingface/peft',
  'github.com/huggingface/accelerate',
  'github.com/huggingface/text-generation-inference',
  'github.com/huggingface/huggingface_hub',
  'github.com/pytorch/pytorch',
  'github.com/google/jax',
  'github.com/jax-ml/jax',
  'github.com/tensorflow/tensorflow',
  'github.com/openai/triton',
  'github.com/triton-lang/triton',
  'github.com/nvidia/apex',
  'github.com/facebookresearch/xformers',
  'github.com/dao-ailab/flash-attention',
  'github.com/ggerganov/llama.cpp',
  'github.com/ggml-org/llama.cpp',
  'github.com/vllm-project/vllm',
  'github.com/openai/tiktoken',
  'github.com/pytorch/executorch',
]);

/** The repository root of a code-hosting URL (https://github.com/owner/repo), or null for other pages. */
export function codeRepoRoot(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '');
  // Markdown escapes (llama3\_3) and trailing punctuation leak into URLs found in prose.
  const segs = u.pathname
    .split('/')
    .map((s) => decodeURIComponentSafe(s).replace(/\\/g, ''))
    .filter((s) => s.length > 0);
  // pip-style "repo.git@ref", ".git" suffixes and trailing punctuation are not part of the name.
  const clean = (s: string) =>
    s
      .replace(/@.*$/, '')
      .replace(/\.git$/i, '')
      .replace(/[.}]+$/, '');
  if (host === 'github.com' || host === 'raw.githubusercontent.com') {
    const [owner, repo] = segs;
    if (!owner || !repo) return null;
    if (host === 'github.com' && GITHUB_RESERVED_FIRST.has(owner.toLowerCase())) return null;
    const o = clean(owner);
    const r = clean(repo);
    if (!NAME.test(o) || !NAME.test(r) || !o || !r) return null;
    return `https://github.com/${o}/${r}`;
  }
  if (host === 'codeberg.org') {
    const [owner, repo] = segs;
    if (!owner || !repo) return null;
    const o = clean(owner);
    const r = clean(repo);
    if (!NAME.test(o) || !NAME.test(r) || !o || !r) return null;
    return `https://codeberg.org/${o}/${r}`;
  }
  if (host === 'gitlab.com') {
    // group[/subgroup...]/project, up to the "/-/" separator or a page name.
    const path: string[] = [];
    for (const s of segs) {
      if (GITLAB_STOP.has(s)) break;
      path.push(clean(s));
    }
    if (path.length < 2 || !path.every((s) => NAME.test(s) && s.length > 0)) return null;
    return `https://gitlab.com/${path.join('/')}`;
  }
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Strings in card metadata worth scanning for links (licence prompts and widgets excluded). */
function metadataStrings(value: unknown, out: string[], depth = 0): void {
  if (depth > 6 || out.length > 2000) return;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) metadataStrings(v, out, depth + 1);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // Gating prompts quote licence text (with its own links); widgets are example inputs.
      if (k.startsWith('extra_gated') || k === 'widget') continue;
      metadataStrings(v, out, depth + 1);
    }
  }
}

export interface CodeLinks {
  /** Repository roots linked from the card, tooling excluded, in order of first appearance. */
  links: string[];
  /** Repository roots of general-purpose tooling that were linked but not counted. */
  tooling: string[];
}

/** GitHub / GitLab / Codeberg repositories linked from a card body and its metadata. */
export function extractCodeLinks(body: string | null | undefined, cardData: unknown): CodeLinks {
  const texts: string[] = [];
  metadataStrings(cardData, texts);
  if (body) texts.push(body);
  const links: string[] = [];
  const tooling: string[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(CODE_URL)) {
      const root = codeRepoRoot(m[0]);
      if (!root) continue;
      const key = root.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      if (GENERAL_TOOLING_REPOS.has(key.replace(/^https:\/\//, ''))) tooling.push(root);
      else links.push(root);
    }
  }
  return { links, tooling };
}
