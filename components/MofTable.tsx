import type { Verdict } from '@/lib/verdict/schema';
import { StatusCell } from './StatusCell';
import { hostOf } from './SourceLinks';
import { t } from './i18n';

/**
 * The Model Openness Framework's components (17), each present / missing / unknown, with its link.
 * Folded by default (the counts are in the summary): it is the longest table of the detail view.
 */
export function MofTable({ verdict }: { verdict: Verdict }) {
  const comps = verdict.mof.components;
  const counts = { present: 0, missing: 0, unknown: 0 };
  for (const c of comps) counts[c.status]++;
  return (
    <details class="mof-details" data-testid="mof-details">
      <summary>
        {t('mof.caption', { count: comps.length })}
        <span class="caption-note" data-testid="mof-counts">
          {t('mof.counts', counts)}
        </span>
      </summary>
      <table class="grid mof" aria-labelledby="mof-caption" data-testid="mof-components">
        <caption id="mof-caption" class="visually-hidden">
          {t('mof.caption', { count: comps.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('mof.colComponent')}</th>
            <th scope="col">{t('mof.colClass')}</th>
            <th scope="col">{t('common.colStatus')}</th>
            <th scope="col">{t('mof.colLink')}</th>
          </tr>
        </thead>
        <tbody>
          {comps.map((c) => {
            const href = c.url ?? c.source?.url ?? null;
            const safe = href && /^https?:\/\//i.test(href) ? href : null;
            return (
              <tr key={c.name} data-testid="mof-component" data-status={c.status}>
                <th scope="row">
                  {c.name}
                  {c.license && <span class="muted small"> ({c.license})</span>}
                </th>
                <td>
                  {c.mofClass}
                  {!c.required && <span class="muted small"> {t('mof.optional')}</span>}
                </td>
                <StatusCell status={c.status} />
                <td>
                  {safe ? (
                    <a
                      href={safe}
                      target="_blank"
                      rel="noopener noreferrer"
                      title={c.source?.title ?? safe}
                      aria-label={t('mof.linkFor', { name: c.name, host: hostOf(safe) })}
                    >
                      {hostOf(safe)}
                    </a>
                  ) : (
                    <span class="muted">{t('mof.noLink')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
