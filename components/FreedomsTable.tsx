import type { Verdict } from '@/lib/verdict/schema';
import { StatusCell } from './StatusCell';
import { SourceLinks } from './SourceLinks';
import { t, type MessageKey } from './i18n';

const FREEDOMS = ['use', 'study', 'modify', 'share'] as const;

/** The four OSAID freedoms: status, the reason, the licence clause quoted, and links to the sources. */
export function FreedomsTable({ verdict }: { verdict: Verdict }) {
  return (
    <table class="grid" aria-labelledby="freedoms-caption">
      <caption id="freedoms-caption">{t('freedoms.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('freedoms.colFreedom')}</th>
          <th scope="col">{t('common.colStatus')}</th>
          <th scope="col">{t('freedoms.colWhy')}</th>
        </tr>
      </thead>
      <tbody>
        {FREEDOMS.map((f) => {
          const fr = verdict.osaid.freedoms[f];
          return (
            <tr key={f} data-testid={`freedom-${f}`} data-status={fr.status}>
              <th scope="row" title={t(`freedoms.help.${f}` as MessageKey)}>
                {t(`freedoms.name.${f}` as MessageKey)}
              </th>
              <StatusCell status={fr.status} />
              <td>
                {fr.reasons.length === 0 && <span class="muted">{t('common.noReason')}</span>}
                <ul class="reasons">
                  {fr.reasons.map((r, i) => (
                    <li key={i}>
                      {r.text}
                      {r.clause && (
                        <blockquote data-testid="clause-quote" cite={r.clause.source.url}>
                          <span class="clause-ref">{r.clause.ref}: </span>
                          {r.clause.quote}
                        </blockquote>
                      )}
                      <SourceLinks sources={r.clause ? [r.clause.source, ...r.sources] : r.sources} />
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
