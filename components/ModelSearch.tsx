import { useState } from 'preact/hooks';
import { t } from './i18n';

/** Look up any model by Hub id, huggingface.co URL or name. */
export function ModelSearch({
  initial,
  onSearch,
  busy,
}: {
  initial: string;
  onSearch: (q: string) => void;
  busy: boolean;
}) {
  const [value, setValue] = useState(initial);
  return (
    <form
      class="search"
      role="search"
      aria-label={t('search.label')}
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSearch(value.trim());
      }}
    >
      <label for="model-query" class="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="model-query"
        data-testid="model-query"
        type="search"
        placeholder={t('search.placeholder')}
        value={value}
        maxLength={500}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
      />
      <button type="submit" data-testid="check-button" disabled={busy}>
        {t('search.check')}
      </button>
    </form>
  );
}
