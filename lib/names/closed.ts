/**
 * Reviewed table of closed AI products: API-only or app-only, no weights released. From
 * ../shared/dev-corpus/closed-products.tsv (one row per product line, with its source). Rows the table marks
 * "verify" are kept with confidence 'verify' and never resolve until a second source is added.
 *
 * Versions whose weights a vendor did release are NOT here: Grok-1, Grok 2.5, Mistral Large 2, gpt-oss, Command R+,
 * Kimi K2 are families in families.ts, and the prefixes below stop short of them.
 */
import type { Source } from '../sources';
import type { ClosedProduct } from './types';

const FMTI_2023: Source = {
  title: 'The Foundation Model Transparency Index (Bommasani et al., 2023), scoring closed flagships',
  url: 'https://arxiv.org/abs/2310.12941',
};
const OPENAI_MODELS: Source = { title: 'OpenAI API: models (hosted models)', url: 'https://platform.openai.com/docs/models' };
const BEDROCK_CLAUDE: Source = {
  title: 'Amazon Bedrock: supported Claude models (hosted only)',
  url: 'https://docs.aws.amazon.com/bedrock/latest/userguide/claude-messages-supported-models.html',
};
const ANTHROPIC_VERTEX: Source = {
  title: 'Anthropic: Claude on Vertex AI (hosted model names)',
  url: 'https://docs.anthropic.com/de/api/claude-on-vertex-ai',
};
const GEMINI_MODELS: Source = { title: 'Gemini API: models (Google AI for Developers)', url: 'https://ai.google.dev/gemini-api/docs/models' };
const XAI_MODELS: Source = { title: 'xAI API: models', url: 'https://docs.x.ai/docs/models' };
const wiki = (page: string, title: string): Source => ({ title: `${title} (Wikipedia)`, url: `https://en.wikipedia.org/wiki/${page}` });

export const CLOSED_PRODUCTS: readonly ClosedProduct[] = [
  // --- OpenAI (gpt-oss is open weights: families.ts)
  { id: 'gpt-3', name: 'GPT-3 / GPT-3.5', vendor: 'OpenAI', modality: 'LLM',
    aliases: ['GPT-3', 'GPT-3.5', 'GPT-3.5 Turbo', 'gpt-3.5-turbo', 'davinci', 'text-davinci-003', 'InstructGPT'],
    prefixes: ['gpt 3', 'gpt 3.5'], source: wiki('GPT-3', 'GPT-3'), secondSource: OPENAI_MODELS,
    note: 'API only; OpenAI released no LLM weights between GPT-2 (2019) and gpt-oss (2025)', confidence: 'ok' },
  { id: 'gpt-4', name: 'GPT-4', vendor: 'OpenAI', modality: 'LLM (text and vision)',
    aliases: ['GPT-4', 'GPT-4 Turbo', 'GPT-4V', 'gpt-4-0613'], prefixes: ['gpt 4'], source: FMTI_2023, secondSource: OPENAI_MODELS,
    note: 'API and ChatGPT only', confidence: 'ok' },
  { id: 'gpt-4o', name: 'GPT-4o', vendor: 'OpenAI', modality: 'multimodal LLM',
    aliases: ['GPT-4o', 'GPT-4o mini', 'chatgpt-4o-latest'], prefixes: ['gpt 4o'], source: OPENAI_MODELS,
    note: 'API and ChatGPT only', confidence: 'ok' },
  { id: 'gpt-4.1', name: 'GPT-4.1', vendor: 'OpenAI', modality: 'LLM', aliases: ['GPT-4.1', 'GPT-4.1 mini', 'GPT-4.1 nano'],
    prefixes: ['gpt 4.1'], source: OPENAI_MODELS, note: 'API only (2025-04)', confidence: 'ok' },
  { id: 'gpt-4.5', name: 'GPT-4.5', vendor: 'OpenAI', modality: 'LLM', aliases: ['GPT-4.5', 'gpt-4.5-preview'], prefixes: ['gpt 4.5'],
    source: OPENAI_MODELS, note: 'API and ChatGPT research preview only (2025-02)', confidence: 'ok' },
  { id: 'gpt-5', name: 'GPT-5', vendor: 'OpenAI', modality: 'LLM', aliases: ['GPT-5', 'GPT-5 mini', 'GPT-5 nano', 'GPT-5 Thinking'],
    prefixes: ['gpt 5'], source: OPENAI_MODELS, note: 'API and ChatGPT only (2025-08); not the open-weight gpt-oss', confidence: 'ok' },
  { id: 'openai-o1', name: 'OpenAI o1', vendor: 'OpenAI', modality: 'reasoning LLM',
    aliases: ['o1', 'o1-preview', 'o1-mini', 'o1-pro', 'OpenAI o1'], source: wiki('OpenAI_o1', 'OpenAI o1'), secondSource: OPENAI_MODELS,
    note: 'API and ChatGPT only (2024-09 onward)', confidence: 'ok' },
  { id: 'openai-o3', name: 'OpenAI o3 / o4-mini', vendor: 'OpenAI', modality: 'reasoning LLM',
    aliases: ['o3', 'o3-mini', 'o3-pro', 'o4-mini', 'OpenAI o3', 'OpenAI o4-mini'], source: OPENAI_MODELS,
    note: 'API and ChatGPT only', confidence: 'ok' },
  { id: 'chatgpt', name: 'ChatGPT', vendor: 'OpenAI', modality: 'chat app', aliases: ['ChatGPT', 'ChatGPT Plus', 'ChatGPT Pro'],
    prefixes: ['chatgpt'], source: wiki('ChatGPT', 'ChatGPT'), note: 'consumer app on hosted GPT and o-series models', confidence: 'ok' },
  { id: 'dall-e', name: 'DALL·E', vendor: 'OpenAI', modality: 'text-to-image', aliases: ['DALL-E', 'DALL·E', 'DALL-E 2', 'DALL-E 3', 'gpt-image-1'],
    prefixes: ['dall e'], source: wiki('DALL-E', 'DALL-E'),
    note: 'API and ChatGPT only; "DALL·E mini" (Craiyon) is an unrelated community model', confidence: 'ok' },
  { id: 'sora', name: 'Sora', vendor: 'OpenAI', modality: 'text-to-video', aliases: ['Sora', 'Sora 2', 'Sora Turbo'], prefixes: ['sora'],
    source: wiki('Sora_(text-to-video_model)', 'Sora'), note: 'app and API only (2024-12 onward)', confidence: 'ok' },

  // --- Anthropic: no Claude weights were ever released, so every "Claude ..." name is closed.
  { id: 'claude-2', name: 'Claude 1 / Claude 2 / Claude Instant', vendor: 'Anthropic', modality: 'LLM',
    aliases: ['Claude 1', 'Claude 1.3', 'Claude Instant', 'Claude 2', 'Claude 2.1', 'claude-2'], prefixes: ['claude 1', 'claude 2', 'claude instant'],
    source: FMTI_2023, secondSource: BEDROCK_CLAUDE, note: 'API and app only; scored as Anthropic\'s closed flagship in FMTI 2023', confidence: 'ok' },
  { id: 'claude-3', name: 'Claude 3', vendor: 'Anthropic', modality: 'multimodal LLM',
    aliases: ['Claude 3', 'Claude 3 Haiku', 'Claude 3 Sonnet', 'Claude 3 Opus'], prefixes: ['claude 3'], source: BEDROCK_CLAUDE,
    note: 'API, app and cloud marketplaces only', confidence: 'ok' },
  { id: 'claude-3.5', name: 'Claude 3.5', vendor: 'Anthropic', modality: 'multimodal LLM',
    aliases: ['Claude 3.5 Sonnet', 'Claude 3.5 Haiku', 'claude-3-5-sonnet-20241022'], prefixes: ['claude 3.5', 'claude 3 5'],
    source: ANTHROPIC_VERTEX, secondSource: BEDROCK_CLAUDE, note: 'API and app only', confidence: 'ok' },
  { id: 'claude-3.7', name: 'Claude 3.7 Sonnet', vendor: 'Anthropic', modality: 'LLM', aliases: ['Claude 3.7 Sonnet', 'claude-3-7-sonnet-20250219'],
    prefixes: ['claude 3.7', 'claude 3 7'], source: ANTHROPIC_VERTEX, note: 'API and app only', confidence: 'ok' },
  { id: 'claude-4', name: 'Claude 4', vendor: 'Anthropic', modality: 'LLM',
    aliases: ['Claude 4', 'Claude Sonnet 4', 'Claude Opus 4', 'Claude Opus 4.1'],
    prefixes: ['claude 4', 'claude sonnet', 'claude opus', 'claude haiku'], source: BEDROCK_CLAUDE, note: 'API and app only', confidence: 'ok' },
  { id: 'claude', name: 'Claude', vendor: 'Anthropic', modality: 'LLM family', aliases: ['Claude', 'Anthropic Claude'], prefixes: ['claude'],
    source: BEDROCK_CLAUDE, secondSource: FMTI_2023, note: 'every Claude model is served by API and apps only', confidence: 'ok' },

  // --- Google (Gemma is a separate open-weights family: families.ts)
  { id: 'gemini-1.0', name: 'Gemini 1.0', vendor: 'Google DeepMind', modality: 'multimodal LLM',
    aliases: ['Gemini Pro', 'Gemini Ultra', 'Gemini Nano', 'Gemini 1.0', 'Gemini 1.0 Pro'], prefixes: ['gemini 1.0', 'gemini 1'],
    source: GEMINI_MODELS, note: 'API and apps only; Nano runs on devices but its weights are not released', confidence: 'ok' },
  { id: 'gemini-1.5', name: 'Gemini 1.5', vendor: 'Google DeepMind', modality: 'multimodal LLM',
    aliases: ['Gemini 1.5 Pro', 'Gemini 1.5 Flash', 'Gemini 1.5 Flash-8B'], prefixes: ['gemini 1.5'], source: GEMINI_MODELS,
    note: 'API and apps only', confidence: 'ok' },
  { id: 'gemini-2.0', name: 'Gemini 2.0', vendor: 'Google DeepMind', modality: 'multimodal LLM',
    aliases: ['Gemini 2.0 Flash', 'Gemini 2.0 Flash-Lite', 'Gemini 2.0 Pro'], prefixes: ['gemini 2.0', 'gemini 2'], source: GEMINI_MODELS,
    note: 'API and apps only', confidence: 'ok' },
  { id: 'gemini-2.5', name: 'Gemini 2.5', vendor: 'Google DeepMind', modality: 'multimodal LLM',
    aliases: ['Gemini 2.5 Pro', 'Gemini 2.5 Flash', 'Gemini 2.5 Flash-Lite'], prefixes: ['gemini 2.5'], source: GEMINI_MODELS,
    note: 'API and apps only', confidence: 'ok' },
  { id: 'gemini', name: 'Gemini', vendor: 'Google DeepMind', modality: 'multimodal LLM family', aliases: ['Gemini', 'Google Gemini'],
    prefixes: ['gemini'], source: GEMINI_MODELS, note: 'every Gemini model is served by API and apps only', confidence: 'ok' },
  { id: 'bard', name: 'Bard', vendor: 'Google', modality: 'chat app', aliases: ['Bard', 'Google Bard'], source: wiki('Gemini_(chatbot)', 'Gemini (chatbot)'),
    note: 'consumer app on hosted LaMDA, PaLM 2 and Gemini; renamed Gemini in 2024-02', confidence: 'ok' },
  { id: 'palm', name: 'PaLM / PaLM 2', vendor: 'Google', modality: 'LLM',
    aliases: ['PaLM', 'PaLM 2', 'text-bison', 'chat-bison', 'Med-PaLM 2', 'Flan-PaLM'], prefixes: ['palm', 'med palm', 'flan palm'],
    source: FMTI_2023, note: 'API only; PaLM 2 scored as Google\'s closed flagship in FMTI 2023 (T5 and Flan-T5 are separate open models)',
    confidence: 'ok' },
  { id: 'imagen', name: 'Imagen', vendor: 'Google DeepMind', modality: 'text-to-image', aliases: ['Imagen', 'Imagen 2', 'Imagen 3', 'Imagen 4'],
    prefixes: ['imagen'],
    source: { title: 'Vertex AI: Imagen on Vertex AI (hosted API)', url: 'https://cloud.google.com/vertex-ai/generative-ai/docs/image/overview' },
    secondSource: GEMINI_MODELS, note: 'API and apps only', confidence: 'ok' },
  { id: 'veo', name: 'Veo', vendor: 'Google DeepMind', modality: 'text-to-video', aliases: ['Veo', 'Veo 2', 'Veo 3'], prefixes: ['veo'],
    source: { title: 'Veo (Google DeepMind)', url: 'https://deepmind.google/models/veo/' }, secondSource: GEMINI_MODELS,
    note: 'API and apps only', confidence: 'ok' },

  // --- Others
  { id: 'midjourney', name: 'Midjourney', vendor: 'Midjourney', modality: 'text-to-image', aliases: ['Midjourney', 'Niji'], prefixes: ['midjourney'],
    source: wiki('Midjourney', 'Midjourney'), note: 'Discord and web app only', confidence: 'ok' },
  { id: 'mistral-large-1', name: 'Mistral Large (24.02)', vendor: 'Mistral AI', modality: 'LLM',
    aliases: ['Mistral Large 1', 'mistral-large-2402', 'Mistral Large 24.02'],
    source: { title: 'Au Large: Mistral Large (Mistral AI)', url: 'https://mistral.ai/news/mistral-large/' },
    secondSource: { title: 'Mistral Large 1 (ai-tldr.dev): API only', url: 'https://ai-tldr.dev/models/mistral-large-1/' },
    note: 'API only from 2024-02; never released as weights. Mistral Large 2 (24.07) weights were released under a research licence',
    confidence: 'ok' },
  { id: 'mistral-medium-3', name: 'Mistral Medium 3', vendor: 'Mistral AI', modality: 'LLM', aliases: ['Mistral Medium 3', 'mistral-medium-2505'],
    source: { title: 'Mistral AI models overview', url: 'https://docs.mistral.ai/getting-started/models/models_overview/' },
    note: 'API only at release (2025-05)', confidence: 'verify' },
  { id: 'cohere-command', name: 'Cohere Command (2023)', vendor: 'Cohere', modality: 'LLM', aliases: ['Cohere Command', 'Command Light', 'command-nightly'],
    source: FMTI_2023, note: 'API only; Command R+ weights were released later (families.ts)', confidence: 'ok' },
  { id: 'jurassic-2', name: 'Jurassic-2', vendor: 'AI21 Labs', modality: 'LLM', aliases: ['Jurassic-2', 'J2 Ultra', 'J2 Mid', 'J2 Light'],
    prefixes: ['jurassic'], source: FMTI_2023, note: 'API only (AI21 later released Jamba weights, a different family)', confidence: 'ok' },
  { id: 'grok-1.5', name: 'Grok-1.5', vendor: 'xAI', modality: 'LLM', aliases: ['Grok-1.5', 'Grok-1.5V'], source: wiki('Grok_(chatbot)', 'Grok (chatbot)'),
    note: 'app and API only', confidence: 'verify' },
  { id: 'grok-3', name: 'Grok 3', vendor: 'xAI', modality: 'reasoning LLM', aliases: ['Grok 3', 'Grok 3 mini'], source: XAI_MODELS,
    note: 'app and API only as of the sources seen; xAI said it would release it later', confidence: 'verify' },
  { id: 'grok-4', name: 'Grok 4', vendor: 'xAI', modality: 'reasoning LLM', aliases: ['Grok 4', 'Grok 4 Heavy', 'Grok 4 Fast'], prefixes: ['grok 4'],
    source: XAI_MODELS, note: 'app and API only', confidence: 'ok' },
  { id: 'ernie-bot', name: 'ERNIE Bot', vendor: 'Baidu', modality: 'LLM / chat app',
    aliases: ['ERNIE Bot', 'Ernie Bot', 'ERNIE 3.5', 'ERNIE 4.0', 'ERNIE 4.0 Turbo', 'ERNIE 4.5 Turbo', 'Wenxin Yiyan'],
    source: wiki('Ernie_Bot', 'Ernie Bot'), note: 'app and API only; the ERNIE 4.5 open models (2025-06) are the exception', confidence: 'ok' },
  { id: 'kimi-app', name: 'Kimi (chat app, moonshot-v1, k1.5)', vendor: 'Moonshot AI', modality: 'LLM / chat app',
    aliases: ['Kimi k1.5', 'moonshot-v1'], source: hub('moonshotai/Kimi-K2-Instruct'),
    note: 'k1.5 weights status not confirmed; Kimi K2 weights were released (families.ts)', confidence: 'verify' },
  { id: 'inflection', name: 'Inflection / Pi', vendor: 'Inflection AI', modality: 'LLM / chat app',
    aliases: ['Inflection-1', 'Inflection-2', 'Inflection-2.5', 'Inflection-3', 'Inflection Pi'], prefixes: ['inflection'], source: FMTI_2023,
    note: 'app and API only', confidence: 'ok' },
  { id: 'amazon-titan', name: 'Amazon Titan', vendor: 'Amazon', modality: 'LLM / embeddings / image',
    aliases: ['Amazon Titan', 'Titan Text', 'Titan Text Express', 'Titan Text Lite', 'Titan Text Premier', 'Titan Image Generator'],
    source: FMTI_2023, secondSource: { title: 'Amazon Titan (AWS)', url: 'https://aws.amazon.com/bedrock/titan/' },
    note: 'Bedrock API only', confidence: 'ok' },
  { id: 'amazon-nova', name: 'Amazon Nova', vendor: 'Amazon', modality: 'multimodal LLM / image / video / speech',
    aliases: ['Amazon Nova', 'Nova Micro', 'Nova Lite', 'Nova Pro', 'Nova Premier', 'Nova Canvas', 'Nova Reel', 'Nova Sonic'],
    source: { title: 'Amazon Nova (AWS)', url: 'https://aws.amazon.com/ai/generative-ai/nova/' }, note: 'Bedrock API only (2024-12 onward)',
    confidence: 'ok' },
  { id: 'copilot', name: 'Microsoft Copilot / GitHub Copilot', vendor: 'Microsoft', modality: 'assistant apps',
    aliases: ['Bing Chat', 'Microsoft Copilot', 'Microsoft 365 Copilot', 'GitHub Copilot'], source: wiki('Microsoft_Copilot', 'Microsoft Copilot'),
    note: 'products on hosted models; no weights', confidence: 'ok' },
];

function hub(repo: string): Source {
  return { title: `${repo} (Hugging Face Hub)`, url: `https://huggingface.co/${repo}` };
}
