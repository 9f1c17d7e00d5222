import type { KnowledgePack } from '../../lib/knowledge/types';

/**
 * pack.json text: one record per line inside each top-level array, so a data update shows up as a
 * readable diff without paying for full indentation (the extension bundles the parsed object anyway).
 */
export function serializePack(pack: KnowledgePack): string {
  const parts = Object.entries(pack).map(([k, v]) => {
    const value = Array.isArray(v) ? `[\n${v.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n ]` : JSON.stringify(v);
    return ` ${JSON.stringify(k)}: ${value}`;
  });
  return `{\n${parts.join(',\n')}\n}\n`;
}
