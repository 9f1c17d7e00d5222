import type { Source } from '@/lib/sources';
import { t } from './i18n';

/** Links to sources. Text is rendered as text; only http(s) URLs become links. */
export function SourceLinks({ sources, max = 3 }: { sources: Source[]; max?: number }) {
  const seen = new Set<string>();
  const unique = sources.filter((s) => s.url && !seen.has(s.url) && seen.add(s.url)).slice(0, max);
  if (unique.length === 0) return null;
  return (
    <span class="sources">
      {unique.map((s) =>
        /^https?:\/\//i.test(s.url) ? (
          <a
            key={s.url}
            href={s.url}
            target="_blank"
            rel="noopener noreferrer"
            title={s.title}
            aria-label={t('common.sourceLink', { host: hostOf(s.url), title: s.title || hostOf(s.url) })}
          >
            {hostOf(s.url)}
          </a>
        ) : (
          <span key={s.url} title={s.title}>
            {s.url}
          </span>
        ),
      )}
    </span>
  );
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
}
