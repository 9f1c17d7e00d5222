import { useEffect, useRef, useState } from 'preact/hooks';
import type { Verdict } from '@/lib/verdict/schema';
import { FreedomsTable } from './FreedomsTable';
import { ComponentsTable } from './ComponentsTable';
import { MofTable } from './MofTable';
import { SourceLinks } from './SourceLinks';
import { StatusCell } from './StatusCell';
import { formatDate, labelHint, labelText, statusText, t } from './i18n';

const ORIGIN_KEY = { osi: 'expert.origin.osi', mot: 'expert.origin.mot', 'osai-index': 'expert.origin.index' } as const;

/**
 * The detail view for one model. It renders the verdict as given; it never re-decides it.
 * The top (label, summary, freshness, freedoms, artifacts) is painted first; the longer sections follow in the
 * next frame (`data-complete` tells when), so the answer shows as soon as it arrives.
 */
export function VerdictView({
  verdict,
  onRefresh,
  refreshing = false,
  onPainted,
}: {
  verdict: Verdict;
  onRefresh?: () => void;
  refreshing?: boolean;
  /** Called after the first frame showing this verdict has been painted. */
  onPainted?: () => void;
}) {
  const v = verdict;
  const painted = useRef(false);
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    if (painted.current) return;
    painted.current = true;
    // rAF runs just before the frame with this verdict is painted; a message posted from it is delivered
    // right after that paint.
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        onPainted?.();
        setComplete(true);
      };
      ch.port2.postMessage(null);
    });
  }, [v]);

  const fetched = v.hub.fetchedAt ? formatDate(v.hub.fetchedAt) : null;
  return (
    <article
      class="verdict"
      data-testid="verdict"
      data-label={v.label}
      data-complete={String(complete)}
      aria-labelledby="verdict-model"
    >
      <header class="verdict-head">
        <h2 class="model-id" id="verdict-model">
          {v.model}
        </h2>
        <span class={`label label-${v.label}`} data-testid="verdict-label" title={labelHint(v.label)}>
          {labelText(v.label)}
        </span>
      </header>
      <p class="summary" data-testid="verdict-summary">
        {v.summary}
      </p>
      <p class="freshness" data-testid="freshness">
        <span>
          {v.mode === 'live'
            ? t('verdict.freshLive', { when: fetched ?? formatDate(v.evaluatedAt) })
            : t('verdict.freshOffline', { why: v.hub.message ? ` (${v.hub.message})` : '' })}
        </span>
        {onRefresh && (
          <button type="button" class="link-button" data-testid="check-again" onClick={onRefresh} disabled={refreshing}>
            {refreshing ? t('verdict.checking') : t('verdict.checkAgain')}
          </button>
        )}
      </p>

      <section aria-labelledby="osaid-h">
        <h3 id="osaid-h">
          {t('verdict.osaidHeading')}{' '}
          <span data-testid="osaid-verdict" class={`status status-${v.osaid.verdict}`}>
            {statusText(v.osaid.verdict)}
          </span>
        </h3>
        <p class="muted">
          {v.osaid.reason} {v.osaid.decidedBy === 'osi-validation' && <em>{t('verdict.osiDecides')}</em>}
        </p>
        <FreedomsTable verdict={v} />
        <ComponentsTable verdict={v} />
      </section>

      {complete && <VerdictDetails v={v} />}
    </article>
  );
}

/** Everything below the freedoms and artifacts. */
function VerdictDetails({ v }: { v: Verdict }) {
  // Each expert record carries the attribution its licence requires (CC-BY-4.0 for the index).
  const attributions = [...new Set(v.expert.map((e) => e.source.attribution).filter((a): a is string => !!a))];
  return (
    <>
      <section aria-labelledby="mof-h">
        <h3 id="mof-h">
          {t('mof.heading')}{' '}
          <span data-testid="mof-class-value">
            {v.mof.class === 'none' || v.mof.class === 'unknown'
              ? statusText(v.mof.class)
              : t('mof.class', { cls: v.mof.class })}
          </span>
        </h3>
        <p class="muted">
          {v.mof.reason} {v.mof.decidedBy === 'mot' && <em>{t('mof.motDecides')}</em>}
        </p>
        <MofTable verdict={v} />
      </section>

      <section aria-labelledby="defs-h">
        <h3 id="defs-h">{t('defs.heading')}</h3>
        <table class="grid" aria-labelledby="defs-h" data-testid="definitions">
          <thead>
            <tr>
              <th scope="col">{t('defs.colDefinition')}</th>
              <th scope="col">{t('defs.colResult')}</th>
              <th scope="col">{t('defs.colWhy')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('defs.osaid')}</th>
              <StatusCell status={v.osaid.verdict} />
              <td>{v.osaid.reason}</td>
            </tr>
            <tr data-testid="mof-class">
              <th scope="row">{t('defs.mof')}</th>
              <td>{v.mof.class === 'none' || v.mof.class === 'unknown' ? statusText(v.mof.class) : v.mof.class}</td>
              <td>{v.mof.reason}</td>
            </tr>
            <tr>
              <th scope="row">{t('defs.openWeights')}</th>
              <StatusCell status={v.openWeights.status} />
              <td>
                {v.openWeights.reason} <SourceLinks sources={v.openWeights.sources} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('defs.fsf')}</th>
              <StatusCell status={v.fsfFree.status} />
              <td>
                {v.fsfFree.reason} <SourceLinks sources={v.fsfFree.sources} />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('defs.euAiAct')}</th>
              <StatusCell status={v.euAiActHint.status} />
              <td>
                {v.euAiActHint.reason} <SourceLinks sources={v.euAiActHint.sources} />{' '}
                <small class="muted">{v.euAiActHint.disclaimer}</small>
              </td>
            </tr>
          </tbody>
        </table>
      </section>

      <section aria-labelledby="lic-h">
        <h3 id="lic-h">{t('license.heading')}</h3>
        {v.license ? (
          <div data-testid="license">
            <p>
              <strong>{v.license.name ?? v.license.input}</strong> ({v.license.id ?? t('license.noId')};{' '}
              {v.license.osiApproved === true
                ? t('license.osiApproved')
                : v.license.osiApproved === false
                  ? t('license.notOsiApproved')
                  : t('license.notSpdx')}
              ; {statusText(v.license.status)}). {t('license.from', { from: v.license.from })}{' '}
              <SourceLinks sources={v.license.sources} />
            </p>
            <p class="muted">{v.license.reason}</p>
            {v.license.clauses.length > 0 && (
              <ul class="clauses">
                {v.license.clauses.map((c, i) => (
                  <li key={i}>
                    <strong>{c.ref}</strong>: {c.restriction} (
                    {t('license.breaks', { freedoms: c.freedoms.map((f) => t(`freedoms.name.${f}`)).join(', ') })})
                    <blockquote cite={c.source.url}>{c.quote}</blockquote>
                    <SourceLinks sources={[c.source]} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <p>{t('license.none')}</p>
        )}
        <div data-testid="inheritance">
          <h4>{t('license.inheritance')}</h4>
          {v.inheritance.baseModels.length === 0 ? (
            <p class="muted">{t('license.noBase')}</p>
          ) : (
            <ul>
              {v.inheritance.baseModels.map((b) => (
                <li key={b.id}>
                  {t('license.baseLine', {
                    relation: b.relation,
                    id: b.id,
                    license: b.license ?? t('license.unknownLicense'),
                  })}
                  {b.licenseStatus ? ` (${statusText(b.licenseStatus)})` : ''}
                </li>
              ))}
            </ul>
          )}
          {v.inheritance.conflict && (
            <p class="warn" data-testid="inheritance-conflict">
              {t('license.conflict', { reason: v.inheritance.conflict.reason })}
            </p>
          )}
        </div>
      </section>

      <section aria-labelledby="exp-h">
        <h3 id="exp-h">{t('expert.heading')}</h3>
        {v.expert.length === 0 ? (
          <p class="muted">{t('expert.none')}</p>
        ) : (
          <ul class="expert">
            {v.expert.map((e) => (
              <li key={`${e.origin}:${e.key}`} data-testid={`expert-${e.origin}`} data-match={e.match}>
                <strong>{e.name}</strong> — {t(ORIGIN_KEY[e.origin])}{' '}
                {e.match === 'family' ? <em>{t('expert.family')}</em> : <em>{t('expert.exact')}</em>}
                <div class="facts">
                  {Object.entries(e.facts)
                    .map(([k, val]) => `${k}: ${val}`)
                    .join(' · ')}
                </div>
                <SourceLinks sources={[e.source]} />
              </li>
            ))}
          </ul>
        )}
        {attributions.map((a) => (
          <p class="attribution" key={a}>
            {a}
          </p>
        ))}
        <div data-testid="disagreements">
          {v.disagreements.length === 0 ? (
            v.expert.length > 0 && <p class="muted">{t('expert.agree')}</p>
          ) : (
            <>
              <h4>{t('expert.disagree')}</h4>
              {v.disagreements.map((d, i) => (
                <div key={i} class="disagreement">
                  <strong>{d.topic}</strong>
                  <ul>
                    {d.statements.map((s, j) => (
                      <li key={j}>
                        {s.who}: {s.says} <SourceLinks sources={s.sources} />
                      </li>
                    ))}
                  </ul>
                  <p class="muted">{t('expert.resolution', { resolution: d.resolution })}</p>
                </div>
              ))}
            </>
          )}
        </div>
      </section>

      {v.data.length > 0 && (
        <section aria-labelledby="data-h">
          <h3 id="data-h">{t('verdict.dataHeading')}</h3>
          <ul class="source-list">
            {v.data.map((d) => (
              <li key={d.id}>
                {/^https?:\/\//i.test(d.url) ? (
                  <a href={d.url} target="_blank" rel="noopener noreferrer">
                    {d.id}
                  </a>
                ) : (
                  d.id
                )}
                : {d.dataClass} — {d.reason}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="src-h">
        <h3 id="src-h">{t('sources.heading')}</h3>
        <ul class="source-list">
          {v.sources.map((s) => (
            <li key={s.url + s.title}>
              {s.title}: <SourceLinks sources={[s]} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
