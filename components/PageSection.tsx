import type { Label } from '@/lib/verdict/schema';
import { labelHint, labelText, t, tn } from './i18n';
import { oneLine } from '@/lib/reports/public';

export interface PageModel {
  id: string;
  label: Label;
  summary: string;
}
export interface PageClaim {
  id: string;
  text: string;
  model: string | null;
  label: Label;
  openwashing: boolean;
  severity: 'high' | 'medium' | 'none';
  reason: string;
}

const MAX_QUOTE = 140;

/** In quotation marks, unless the text already opens with one (a quote of a quote). */
function quoted(text: string): string {
  return /^["“„«'‘]/.test(text) ? text : `“${text}”`;
}

/** "On this page": the models the content script found, with labels, and the claims as short quotes. */
export function PageSection({
  models,
  claims,
  selected,
  canScroll,
  onOpenModel,
  onScrollTo,
  onReport,
}: {
  models: PageModel[];
  claims: PageClaim[];
  selected: string | null;
  canScroll: boolean;
  onOpenModel: (id: string) => void;
  onScrollTo: (claimId: string) => void;
  onReport: (claim: PageClaim) => void;
}) {
  if (models.length === 0 && claims.length === 0) return null;
  const flagged = claims.filter((c) => c.openwashing).length;
  return (
    <section class="page-section" aria-labelledby="page-h" data-testid="page-section">
      <h2 id="page-h" class="section-title">
        {t('page.heading')}
        {flagged > 0 && <span class="flag-count">{tn('page.flagged', flagged)}</span>}
      </h2>
      {models.length > 0 && (
        <ul class="page-models" aria-label={t('page.modelsLabel')}>
          {models.map((m) => (
            <li key={m.id} data-testid="page-model" data-model={m.id}>
              <button
                type="button"
                class="model-row"
                aria-current={selected === m.id ? 'true' : undefined}
                onClick={() => onOpenModel(m.id)}
                title={m.summary}
              >
                <span class="model-name">{m.id}</span>
                <span class={`label label-small label-${m.label}`} title={labelHint(m.label)}>
                  {labelText(m.label)}
                </span>
              </button>
              {/* Why there is no label (e.g. the Hub could not be reached): said on screen, not only in a tooltip. */}
              {m.label === 'unknown' && m.summary && (
                <p class="model-why small muted" data-testid="page-model-why">
                  {oneLine(m.summary, MAX_QUOTE)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {claims.length > 0 && (
        <>
          <h3 class="subtle-heading">{tn('page.claims', claims.length)}</h3>
          <ul class="claims" aria-label={t('page.claimsLabel')}>
            {claims.map((c) => (
              <li
                key={c.id}
                class={c.openwashing ? `claim claim-${c.severity}` : 'claim'}
                data-testid="page-claim"
                data-claim={c.id}
                data-openwashing={String(c.openwashing)}
              >
                <span class="claim-quote" data-testid="claim-quote">
                  {quoted(oneLine(c.text, MAX_QUOTE))}
                </span>
                <div class="claim-meta">
                  {c.openwashing && (
                    <strong class="ow">{c.severity === 'high' ? t('page.openwashing') : t('page.unverified')}</strong>
                  )}
                  <span class={`label label-small label-${c.label}`}>{labelText(c.label)}</span>
                  <span class="muted">{c.model ?? t('page.modelUnknown')}</span>
                </div>
                <p class="claim-reason muted">{c.reason}</p>
                <div class="row-actions">
                  {canScroll && (
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => onScrollTo(c.id)}
                      aria-label={t('page.showOnPageFor', { quote: oneLine(c.text, 60) })}
                    >
                      {t('page.showOnPage')}
                    </button>
                  )}
                  {c.model && (
                    <button
                      type="button"
                      class="link-button"
                      onClick={() => onOpenModel(c.model!)}
                      aria-label={t('page.detailsFor', { model: c.model })}
                    >
                      {t('page.details')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="link-button"
                    data-testid="report-claim"
                    onClick={() => onReport(c)}
                    aria-label={t('page.reportFor', { quote: oneLine(c.text, 60) })}
                  >
                    {t('page.report')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
