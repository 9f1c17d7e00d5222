import { useState } from 'preact/hooks';

/** Look up any model by Hub id, huggingface.co URL or name. */
export function ModelSearch({ initial, onSearch, busy }: { initial: string; onSearch: (q: string) => void; busy: boolean }) {
  const [value, setValue] = useState(initial);
  return (
    <form
      class="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) onSearch(value.trim());
      }}
    >
      <label for="model-query" class="visually-hidden">
        Model: Hub id, huggingface.co URL or name
      </label>
      <input
        id="model-query"
        data-testid="model-query"
        type="search"
        placeholder="org/name, huggingface.co URL or name"
        value={value}
        maxLength={500}
        onInput={(e) => setValue((e.target as HTMLInputElement).value)}
      />
      <button type="submit" data-testid="check-button" disabled={busy}>
        Check
      </button>
    </form>
  );
}
