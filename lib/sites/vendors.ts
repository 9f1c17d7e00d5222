/**
 * The reviewed list of model vendors' and labs' own sites, where models are announced. Each entry is
 * one site; adding a site is one line here plus a line in the README's sites section. Keep the list to
 * sites that announce models: every entry is a host permission users grant at install.
 */
import { articleSite, type ArticleSite } from './article';

export const VENDOR_SITES: readonly ArticleSite[] = [
  { host: '*.llama.com', name: 'Llama (Meta)' },
  { host: 'ai.meta.com', name: 'Meta AI' },
  { host: 'about.fb.com', name: 'Meta Newsroom', paths: ['/news/'] },
  { host: 'ai.google.dev', name: 'Google AI for Developers' },
  { host: 'blog.google', name: 'Google blog' },
  { host: '*.mistral.ai', name: 'Mistral AI' },
  { host: '*.x.ai', name: 'xAI' },
  { host: '*.deepseek.com', name: 'DeepSeek' },
  { host: 'qwenlm.github.io', name: 'Qwen (Alibaba)' },
  { host: '*.allenai.org', name: 'Ai2 (Allen Institute for AI)' },
  { host: '*.eleuther.ai', name: 'EleutherAI' },
  { host: '*.llm360.ai', name: 'LLM360' },
  { host: 'falconllm.tii.ae', name: 'Falcon (TII)' },
  { host: 'stability.ai', name: 'Stability AI' },
  { host: 'www.servicenow.com', name: 'ServiceNow blog', paths: ['/blogs/'] },
];

export const vendorDetectors = VENDOR_SITES.map((s) => articleSite('vendor', s));
