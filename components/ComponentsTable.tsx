import type { Verdict } from '@/lib/verdict/schema';
import { STATUS_SYMBOL } from './labels';
import { SourceLinks } from './SourceLinks';

const GROUPS = [
  ['data', 'Data information'],
  ['code', 'Code'],
  ['parameters', 'Parameters'],
] as const;

export function ComponentsTable({ verdict }: { verdict: Verdict }) {
  return (
    <table class="grid" aria-label="OSAID component groups">
      <caption>Artifacts (OSAID component groups)</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Status</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {GROUPS.map(([key, name]) => {
          const c = verdict.osaid.components[key];
          return (
            <tr key={key} data-testid={`component-${key}`} data-status={c.status}>
              <th scope="row">{name}</th>
              <td class={`status status-${c.status}`}>
                <span aria-hidden="true">{STATUS_SYMBOL[c.status]} </span>
                {c.status}
              </td>
              <td>
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
