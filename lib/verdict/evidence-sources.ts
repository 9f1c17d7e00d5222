/** The sources a verdict cites: the Hub page of the model, and a list without repeats. */
import type { Source } from '../sources';
import { DEFAULT_HUB_ENDPOINT } from '../hub/endpoint';
import type { ModelEvidence } from '../evidence/types';

export function hubSource(evidence: ModelEvidence): Source {
  return (
    evidence.sources[0] ?? {
      title: `Hugging Face: ${evidence.repoId}`,
      url: `${DEFAULT_HUB_ENDPOINT}/${evidence.repoId}`,
    }
  );
}

export function dedupeSources(all: Source[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of all) {
    const k = `${s.url}|${s.title}`;
    if (!s.url || seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}
