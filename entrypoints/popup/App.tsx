import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CheckModelResponseSchema, type CheckModelRequest, type CheckModelResponse } from '@/lib/messages';
import { ModelSearch } from '@/components/ModelSearch';
import { VerdictView } from '@/components/VerdictView';

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; query: string }
  | { kind: 'done'; query: string; response: CheckModelResponse };

async function askBackground(query: string, refresh = false): Promise<CheckModelResponse> {
  const request: CheckModelRequest = { type: 'check-model', query, refresh };
  try {
    const parsed = CheckModelResponseSchema.safeParse(await browser.runtime.sendMessage(request));
    return parsed.success ? parsed.data : { ok: false, error: 'internal', message: 'The background sent a reply Ajar does not understand.' };
  } catch (e) {
    return { ok: false, error: 'internal', message: `The background did not answer: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A Hugging Face model page in the active tab gives the popup its first question. */
async function modelFromActiveTab(): Promise<string | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const url = tab?.url ? new URL(tab.url) : null;
    if (!url || url.hostname !== 'huggingface.co') return null;
    const [org, name] = url.pathname.split('/').filter(Boolean);
    const reserved = new Set(['models', 'datasets', 'spaces', 'docs', 'blog', 'papers', 'collections', 'settings', 'login', 'join', 'pricing', 'organizations', 'api']);
    return org && name && !reserved.has(org) ? `${org}/${name}` : null;
  } catch {
    return null;
  }
}

export function App() {
  const fromUrl = new URLSearchParams(location.search).get('q') ?? '';
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [initial, setInitial] = useState(fromUrl);

  const run = async (query: string, refresh = false) => {
    setState({ kind: 'loading', query });
    setState({ kind: 'done', query, response: await askBackground(query, refresh) });
  };

  useEffect(() => {
    if (fromUrl) void run(fromUrl);
    else
      void modelFromActiveTab().then((m) => {
        if (m) {
          setInitial(m);
          void run(m);
        }
      });
  }, []);

  return (
    <main data-testid="popup-root">
      <header class="app-head">
        <h1>Ajar</h1>
        <p class="tagline">Is this AI model really open?</p>
      </header>
      <ModelSearch key={initial} initial={initial} onSearch={(q) => void run(q)} busy={state.kind === 'loading'} />
      <div aria-live="polite" data-testid="popup-state" data-state={state.kind === 'done' ? (state.response.ok ? 'verdict' : 'error') : state.kind}>
        {state.kind === 'idle' && <p class="muted">No model on this page. Type a Hugging Face id (e.g. allenai/OLMo-7B), a huggingface.co URL, or a name like “Llama 2”.</p>}
        {state.kind === 'loading' && <p class="muted">Checking {state.query}: reading the licence, weights, code and data…</p>}
        {state.kind === 'done' && !state.response.ok && (
          <p class="error" data-testid="popup-error" role="alert">
            {state.response.message}
          </p>
        )}
        {state.kind === 'done' && state.response.ok && (
          <VerdictView verdict={state.response.verdict} onRefresh={() => void run(state.query, true)} />
        )}
      </div>
    </main>
  );
}
