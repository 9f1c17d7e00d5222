import type { Verdict } from '@/lib/verdict/schema';
import { StatusCell } from './StatusCell';
import { SourceLinks } from './SourceLinks';
import { t, type MessageKey } from './i18n';

const GROUPS = ['data', 'code', 'parameters'] as const;

/** Artifacts by OSAID component group: data information, code, parameters. */
export function ComponentsTable({ verdict }: { verdict: Verdict }) {
  return (
    <table class="grid" aria-labelledby="groups-caption">
      <caption id="groups-caption">{t('groups.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('groups.colGroup')}</th>
          <th scope="col">{t('common.colStatus')}</th>
          <th scope="col">{t('groups.colEvidence')}</th>
        </tr>
      </thead>
      <tbody>
        {GROUPS.map((key) => {
          const c = verdict.osaid.components[key];
          return (
            <tr key={key} data-testid={`component-${key}`} data-status={c.status}>
              <th scope="row">{t(`groups.name.${key}` as MessageKey)}</th>
              <StatusCell status={c.status} />
              <td>
                {c.evidence.length === 0 && <span class="muted">{t('common.noReason')}</span>}
                <ul class="reasons">
                  {c.evidence.map((r, i) => (
                    <li key={i}>
                      {r.text} <SourceLinks sources={r.sources} />
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
