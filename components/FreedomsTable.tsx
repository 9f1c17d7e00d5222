import type { Verdict } from '@/lib/verdict/schema';
import { STATUS_SYMBOL } from './labels';
import { SourceLinks } from './SourceLinks';

const FREEDOM_HELP = {
  use: 'use for any purpose without asking permission',
  study: 'study how it works and inspect its components',
  modify: 'modify it for any purpose',
  share: 'share it, with or without changes',
} as const;

export function FreedomsTable({ verdict }: { verdict: Verdict }) {
  return (
    <table class="grid" aria-label="The four freedoms of the OSI Open Source AI Definition">
      <caption>Freedoms (OSAID 1.0)</caption>
      <thead>
        <tr>
          <th scope="col">Freedom</th>
          <th scope="col">Status</th>
          <th scope="col">Why, and says who</th>
        </tr>
      </thead>
      <tbody>
        {(['use', 'study', 'modify', 'share'] as const).map((f) => {
          const fr = verdict.osaid.freedoms[f];
          return (
            <tr key={f} data-testid={`freedom-${f}`} data-status={fr.status}>
              <th scope="row" title={FREEDOM_HELP[f]}>{f}</th>
              <td class={`status status-${fr.status}`}>
                <span aria-hidden="true">{STATUS_SYMBOL[fr.status]} </span>
                {fr.status}
              </td>
              <td>
                <ul class="reasons">
                  {fr.reasons.map((r, i) => (
                    <li key={i}>
                      {r.text}
                      {r.clause && <blockquote>{r.clause.quote}</blockquote>}
                      <SourceLinks sources={r.sources} />
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
