/** Options: where Ajar's facts come from, with licence, attribution and version. */
import { useEffect, useState } from 'preact/hooks';
import { BadReplyError, type DataSourcesResponse } from '@/lib/messages';
import { send } from '@/platform/messaging';
import { errorText } from '@/lib/error-text';
import { DEFAULT_HUB_ENDPOINT } from '@/lib/hub/endpoint';
import { t } from '../i18n';

export function DataSources() {
  const [data, setData] = useState<DataSourcesResponse | null>(null);
  useEffect(() => {
    void (async () => {
      try {
        setData(await send({ type: 'data-sources' }));
      } catch (e) {
        setData({ ok: false, message: e instanceof BadReplyError ? t('popup.badReply') : errorText(e) });
      }
    })();
  }, []);
  const attribution = (id: string) => (data?.ok ? data.attributions.find((a) => a.id === id) : undefined);
  return (
    <section id="sources" aria-labelledby="sources-h" class="card" data-testid="data-sources">
      <h2 id="sources-h">{t('sourcesOpt.heading')}</h2>
      <p class="muted small">{t('sourcesOpt.intro')}</p>
      {!data && <p class="muted">{t('common.loading')}</p>}
      {data && !data.ok && (
        <p class="error" role="alert">
          {data.message}
        </p>
      )}
      {data?.ok && (
        <table class="grid" aria-labelledby="sources-h">
          <thead>
            <tr>
              <th scope="col">{t('sourcesOpt.colSource')}</th>
              <th scope="col">{t('sourcesOpt.colLicence')}</th>
              <th scope="col">{t('sourcesOpt.colAttribution')}</th>
              <th scope="col">{t('sourcesOpt.colVersion')}</th>
            </tr>
          </thead>
          <tbody>
            <tr data-testid="source-hub">
              <th scope="row">
                <a href={DEFAULT_HUB_ENDPOINT} target="_blank" rel="noopener noreferrer">
                  Hugging Face Hub
                </a>
              </th>
              <td>{t('sourcesOpt.hubLicence')}</td>
              <td>{t('sourcesOpt.hubAttribution')}</td>
              <td>{t('sourcesOpt.live')}</td>
            </tr>
            {data.provenance.map((p) => {
              const a = attribution(p.id);
              return (
                <tr key={p.id} data-testid={`source-${p.id}`}>
                  <th scope="row">
                    {p.url ? (
                      <a href={p.url} target="_blank" rel="noopener noreferrer">
                        {p.title}
                      </a>
                    ) : (
                      p.title
                    )}
                    {a && (
                      <div class="small">
                        <a href={a.url} target="_blank" rel="noopener noreferrer">
                          {a.name}
                        </a>
                      </div>
                    )}
                  </th>
                  <td>{p.license ?? a?.license ?? t('sourcesOpt.licenceNotStated')}</td>
                  <td class="small">
                    {a?.citation ?? (a ? a.name : '')}
                    {a?.doi && (
                      <>
                        {' '}
                        <a href={`https://doi.org/${a.doi}`} target="_blank" rel="noopener noreferrer">
                          doi:{a.doi}
                        </a>
                      </>
                    )}
                  </td>
                  <td class="small">
                    {[p.commit ? p.commit.slice(0, 10) : null, p.date, t('sourcesOpt.records', { count: p.count })]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
