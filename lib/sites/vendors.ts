/**
 * The reviewed list of model vendors' and labs' own sites, where models are announced. Each entry is
 * one site, with an article URL as its example; adding a site is one entry here plus a line in the README's
 * sites section and in the manifest test's reviewed hosts. Keep the list to sites that announce models:
 * every entry is a host permission users grant at install.
 */
import { articleSite, articleSiteExamples, type ArticleSite } from './article';

export const VENDOR_SITES: readonly ArticleSite[] = [
  { host: '*.llama.com', name: 'Llama (Meta)', example: 'https://www.llama.com/docs/overview/' },
  { host: 'ai.meta.com', name: 'Meta AI', example: 'https://ai.meta.com/blog/meta-llama-3-1/' },
  {
    host: 'about.fb.com',
    name: 'Meta Newsroom',
    paths: ['/news/'],
    example: 'https://about.fb.com/news/2024/07/open-source-ai-is-the-path-forward/',
  },
  { host: 'ai.google.dev', name: 'Google AI for Developers', example: 'https://ai.google.dev/gemma/docs/core' },
  { host: 'blog.google', name: 'Google blog', example: 'https://blog.google/technology/developers/gemma-open-models/' },
  { host: '*.mistral.ai', name: 'Mistral AI', example: 'https://mistral.ai/news/mistral-large-2407' },
  { host: '*.x.ai', name: 'xAI', example: 'https://x.ai/news/grok-os' },
  { host: '*.deepseek.com', name: 'DeepSeek', example: 'https://api-docs.deepseek.com/news/news250120' },
  { host: 'qwenlm.github.io', name: 'Qwen (Alibaba)', example: 'https://qwenlm.github.io/blog/qwen2.5/' },
  { host: '*.allenai.org', name: 'Ai2 (Allen Institute for AI)', example: 'https://allenai.org/blog/olmo2' },
  { host: '*.eleuther.ai', name: 'EleutherAI', example: 'https://www.eleuther.ai/artifacts/pythia' },
  { host: '*.llm360.ai', name: 'LLM360', example: 'https://www.llm360.ai/blog/k2.html' },
  { host: 'falconllm.tii.ae', name: 'Falcon (TII)', example: 'https://falconllm.tii.ae/falcon-models.html' },
  { host: 'stability.ai', name: 'Stability AI', example: 'https://stability.ai/news/stable-diffusion-3-5' },
  {
    host: 'www.servicenow.com',
    name: 'ServiceNow blog',
    paths: ['/blogs/'],
    example: 'https://www.servicenow.com/blogs/2024/starcoder2-open-code-llm',
  },
];

export const vendorDetectors = VENDOR_SITES.map((s) => articleSite('vendor', s));

/** What each site here must yield (test/unit/sites/examples.test.ts); pure, so bundles without tests drop it. */
export const EXAMPLES = /* @__PURE__ */ articleSiteExamples('vendor', VENDOR_SITES);
