/** Options: the Hub endpoint, the token and the cache. */
import { useEffect, useState } from 'preact/hooks';
import {
  CACHE_TTL_HOURS,
  DEFAULT_HUB_ENDPOINT,
  HfTokenSchema,
  HubEndpointSchema,
  type Settings,
} from '@/lib/settings/schema';
import { BadReplyError } from '@/lib/messages';
import { send } from '@/platform/messaging';
import { hfTokenItem, hubEndpointItem, saveSettings } from '@/platform/storage';
import { t } from '../i18n';
import { useFeedback, type OnSettings } from './useFeedback';

export function HubSettings({ settings, onChange }: { settings: Settings; onChange: OnSettings }) {
  const fb = useFeedback();
  const [token, setToken] = useState('');
  const [hasToken, setHasToken] = useState(false);
  const [endpoint, setEndpoint] = useState('');
  const [ttl, setTtl] = useState(String(settings.cacheTtlHours));

  useEffect(() => {
    // Storage reads are checked like any input: a stored value that fails its schema shows as the default.
    void hfTokenItem.getValue().then((v) => setHasToken(HfTokenSchema.safeParse(v).success));
    void hubEndpointItem.getValue().then((v) => {
      const parsed = HubEndpointSchema.safeParse(v);
      setEndpoint(parsed.success ? parsed.data : DEFAULT_HUB_ENDPOINT);
    });
  }, []);

  const saveToken = (e: Event) => {
    e.preventDefault();
    void fb.run(async () => {
      const parsed = HfTokenSchema.safeParse(token.trim());
      if (!parsed.success) throw new Error(t('hub.tokenInvalid'));
      await hfTokenItem.setValue(parsed.data);
      setToken('');
      setHasToken(true);
      return t('hub.tokenSaved');
    });
  };

  const saveEndpoint = (e: Event) => {
    e.preventDefault();
    void fb.run(async () => {
      const parsed = HubEndpointSchema.safeParse(endpoint.trim());
      if (!parsed.success) throw new Error(t('hub.endpointInvalid', { value: endpoint }));
      await hubEndpointItem.setValue(parsed.data);
      setEndpoint(parsed.data);
      return t('hub.endpointSaved', { endpoint: parsed.data });
    });
  };

  const saveTtl = (e: Event) => {
    e.preventDefault();
    void fb.run(async () => {
      const n = Number(ttl);
      if (!Number.isInteger(n) || n < CACHE_TTL_HOURS.min || n > CACHE_TTL_HOURS.max)
        throw new Error(t('hub.ttlInvalid', { min: CACHE_TTL_HOURS.min, max: CACHE_TTL_HOURS.max }));
      onChange(await saveSettings({ cacheTtlHours: n }));
      return t('common.savedSetting');
    });
  };

  const clearCache = () =>
    fb.run(async () => {
      const reply = await send({ type: 'clear-cache' }).catch((e: unknown) => {
        throw e instanceof BadReplyError ? new Error(t('popup.badReply')) : e;
      });
      if (!reply.ok) throw new Error(reply.message);
      return t('hub.cacheCleared');
    });

  return (
    <section id="hub" aria-labelledby="hub-h" class="card" data-testid="hub-settings">
      <h2 id="hub-h">{t('hub.heading')}</h2>

      <h3>{t('hub.tokenHeading')}</h3>
      <p class="muted small">{t('hub.tokenIntro')}</p>
      <p data-testid="token-state">{hasToken ? t('hub.tokenStored') : t('hub.tokenNone')}</p>
      <form class="inline-form" onSubmit={saveToken}>
        <label for="hf-token">{t('hub.tokenLabel')}</label>
        <input
          id="hf-token"
          data-testid="hf-token"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={!token.trim()}>
          {t('common.save')}
        </button>
        {hasToken && (
          <button
            type="button"
            onClick={() =>
              void fb.run(async () => {
                await hfTokenItem.setValue(null);
                setHasToken(false);
                return t('hub.tokenRemoved');
              })
            }
          >
            {t('hub.tokenRemove')}
          </button>
        )}
      </form>

      <h3>{t('hub.cacheHeading')}</h3>
      <form class="inline-form" onSubmit={saveTtl}>
        <label for="cache-ttl">{t('hub.ttlLabel')}</label>
        <input
          id="cache-ttl"
          data-testid="cache-ttl"
          type="number"
          min={CACHE_TTL_HOURS.min}
          max={CACHE_TTL_HOURS.max}
          step={1}
          value={ttl}
          onInput={(e) => setTtl((e.target as HTMLInputElement).value)}
        />
        <button type="submit">{t('common.save')}</button>
        <button type="button" data-testid="clear-cache" onClick={() => void clearCache()}>
          {t('hub.clearCache')}
        </button>
      </form>

      <details>
        <summary>{t('hub.advanced')}</summary>
        <p class="muted small">{t('hub.endpointIntro')}</p>
        <form class="inline-form" onSubmit={saveEndpoint}>
          <label for="hub-endpoint">{t('hub.endpointLabel')}</label>
          <input
            id="hub-endpoint"
            data-testid="hub-endpoint"
            type="url"
            value={endpoint}
            onInput={(e) => setEndpoint((e.target as HTMLInputElement).value)}
          />
          <button type="submit">{t('common.save')}</button>
          <button
            type="button"
            onClick={() =>
              void fb.run(async () => {
                await hubEndpointItem.setValue(DEFAULT_HUB_ENDPOINT);
                setEndpoint(DEFAULT_HUB_ENDPOINT);
                return t('hub.endpointSaved', { endpoint: DEFAULT_HUB_ENDPOINT });
              })
            }
          >
            {t('hub.endpointReset')}
          </button>
        </form>
      </details>
      {fb.view('hub')}
    </section>
  );
}
