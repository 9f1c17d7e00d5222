import type { Verdict } from '@/lib/verdict/schema';
import { FreedomsTable } from './FreedomsTable';
import { ComponentsTable } from './ComponentsTable';
import { SourceLinks } from './SourceLinks';
import { LABEL_HINT, LABEL_TEXT, STATUS_SYMBOL } from './labels';

/** The detail view for one model. It renders the verdict as given; it never re-decides it. */
export function VerdictView({ verdict, onRefresh }: { verdict: Verdict; onRefresh?: () => void }) {
  const v = verdict;
  // Each expert record carries the attribution its licence requires (CC-BY-4.0 for the index).
  const attributions = [...new Set(v.expert.map((e) => e.source.attribution).filter((a): a is string => !!a))];
  return (
    <article class="verdict" data-testid="verdict" data-label={v.label}>
      <header class="verdict-head">
        <h2 class="model-id">{v.model}</h2>
        <span class={`label label-${v.label}`} data-testid="verdict-label" title={LABEL_HINT[v.label]}>
          {LABEL_TEXT[v.label]}
        </span>
      </header>
      <p class="summary" data-testid="verdict-summary">{v.summary}</p>
      <p class="freshness">
        {v.mode === 'live'
          ? `Evidence from the Hub, fetched ${v.hub.fetchedAt ? new Date(v.hub.fetchedAt).toLocaleString() : 'now'}.`
          : `Offline: the bundled knowledge pack only${v.hub.message ? ` (${v.hub.message})` : ''}.`}
        {onRefresh && (
          <button type="button" class="link-button" onClick={onRefresh}>
            Check again
          </button>
        )}
      </p>

      <section aria-labelledby="osaid-h">
        <h3 id="osaid-h">
          OSAID 1.0: <span data-testid="osaid-verdict" class={`status status-${v.osaid.verdict}`}>{v.osaid.verdict}</span>
        </h3>
        <p class="muted">
          {v.osaid.reason} {v.osaid.decidedBy === 'osi-validation' && <em>(OSI's own validation decides.)</em>}
        </p>
        <FreedomsTable verdict={v} />
        <ComponentsTable verdict={v} />
      </section>

      <section aria-labelledby="defs-h">
        <h3 id="defs-h">The definitions side by side</h3>
        <table class="grid" aria-label="Definitions side by side">
          <thead>
            <tr>
              <th scope="col">Definition</th>
              <th scope="col">Result</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">OSAID 1.0</th>
              <td class={`status status-${v.osaid.verdict}`}>{v.osaid.verdict}</td>
              <td>{v.osaid.reason}</td>
            </tr>
            <tr data-testid="mof-class">
              <th scope="row">MOF class</th>
              <td>{v.mof.class}</td>
              <td>{v.mof.reason}</td>
            </tr>
            <tr>
              <th scope="row">Open weights</th>
              <td class={`status status-${v.openWeights.status}`}>{STATUS_SYMBOL[v.openWeights.status]} {v.openWeights.status}</td>
              <td>{v.openWeights.reason} <SourceLinks sources={v.openWeights.sources} /></td>
            </tr>
            <tr>
              <th scope="row">FSF-free</th>
              <td class={`status status-${v.fsfFree.status}`}>{STATUS_SYMBOL[v.fsfFree.status]} {v.fsfFree.status}</td>
              <td>{v.fsfFree.reason}</td>
            </tr>
            <tr>
              <th scope="row">EU AI Act exemption (hint)</th>
              <td class={`status status-${v.euAiActHint.status}`}>{STATUS_SYMBOL[v.euAiActHint.status]} {v.euAiActHint.status}</td>
              <td>
                {v.euAiActHint.reason} <small class="muted">{v.euAiActHint.disclaimer}</small>
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="lic-h">
        <h3 id="lic-h">Licence</h3>
        {v.license ? (
          <div data-testid="license">
            <p>
              <strong>{v.license.name ?? v.license.input}</strong> ({v.license.id ?? 'no id'};{' '}
              {v.license.osiApproved === true ? 'OSI-approved' : v.license.osiApproved === false ? 'not OSI-approved' : 'not an SPDX licence'}; {v.license.status}
              ), from {v.license.from}. <SourceLinks sources={v.license.sources} />
            </p>
            <p class="muted">{v.license.reason}</p>
            {v.license.clauses.length > 0 && (
              <ul class="clauses">
                {v.license.clauses.map((c, i) => (
                  <li key={i}>
                    <strong>{c.ref}</strong>: {c.restriction} (breaks {c.freedoms.join(', ')})
                    <blockquote>{c.quote}</blockquote>
                    <SourceLinks sources={[c.source]} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <p>Unknown: no licence is declared and no expert record names one.</p>
        )}
        {(v.inheritance.baseModels.length > 0 || v.inheritance.conflict) && (
          <div data-testid="inheritance">
            <h4>Base models</h4>
            <ul>
              {v.inheritance.baseModels.map((b) => (
                <li key={b.id}>
                  {b.relation} of {b.id}: {b.license ?? 'licence unknown'}
                  {b.licenseStatus ? ` (${b.licenseStatus})` : ''}
                </li>
              ))}
            </ul>
            {v.inheritance.conflict && <p class="warn">Licence conflict: {v.inheritance.conflict.reason}</p>}
          </div>
        )}
      </section>

      {v.expert.length > 0 && (
        <section aria-labelledby="exp-h">
          <h3 id="exp-h">Expert records</h3>
          <ul class="expert">
            {v.expert.map((e) => (
              <li key={`${e.origin}:${e.key}`} data-testid={`expert-${e.origin}`} data-match={e.match}>
                <strong>{e.name}</strong> — {e.origin === 'osi' ? 'OSI validation' : e.origin === 'mot' ? 'Model Openness Tool' : 'European Open Source AI Index'}{' '}
                {e.match === 'family' ? <em>(a record about the family, not this exact model)</em> : <em>(this model)</em>}
                <div class="facts">
                  {Object.entries(e.facts).map(([k, val]) => `${k}: ${val}`).join(' · ')}
                </div>
                <SourceLinks sources={[e.source]} />
              </li>
            ))}
          </ul>
          {attributions.map((a) => (
            <p class="attribution" key={a}>{a}</p>
          ))}
        </section>
      )}

      {v.disagreements.length > 0 && (
        <section aria-labelledby="dis-h" data-testid="disagreements">
          <h3 id="dis-h">Sources disagree</h3>
          {v.disagreements.map((d, i) => (
            <div key={i}>
              <strong>{d.topic}</strong>
              <ul>
                {d.statements.map((s, j) => (
                  <li key={j}>
                    {s.who}: {s.says} <SourceLinks sources={s.sources} />
                  </li>
                ))}
              </ul>
              <p class="muted">{d.resolution}</p>
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="src-h">
        <h3 id="src-h">Sources</h3>
        <ul class="source-list">
          {v.sources.map((s) => (
            <li key={s.url + s.title}>
              {s.title}: <SourceLinks sources={[s]} />
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
