/**
 * Reviewed table of model families and version lines, with the licence each member's Hub record declares.
 *
 * Facts only: repo ids and licence ids as the Hub lists them (checked against the Hub metadata tables of
 * ../shared/dev-corpus/hub-models, captured 2025-04 and 2026-06, and the model cards named as sources). A member
 * is listed only where its licence was seen; a family's licence is never assumed from one member.
 * Names are matched on tokens (see tokens.ts): "Llama-3.1", "llama 3.1" and "Llama3.1" are one name.
 */
import type { Source } from '../sources';
import type { FamilyMember, ModelFamily } from './types';

const hub = (repoOrOrg: string, what = 'Hugging Face Hub'): Source => ({
  title: `${repoOrOrg} (${what})`,
  url: `https://huggingface.co/${repoOrOrg}`,
});

/** Members sharing one licence. */
function with_(license: string, ...repoIds: string[]): FamilyMember[] {
  return repoIds.map((repoId) => ({ repoId, license }));
}

const LLAMA2 = with_(
  'llama2',
  'meta-llama/Llama-2-7b-hf',
  'meta-llama/Llama-2-7b-chat-hf',
  'meta-llama/Llama-2-13b-hf',
  'meta-llama/Llama-2-13b-chat-hf',
  'meta-llama/Llama-2-70b-hf',
  'meta-llama/Llama-2-70b-chat-hf',
);
const LLAMA3 = with_(
  'llama3',
  'meta-llama/Meta-Llama-3-8B',
  'meta-llama/Meta-Llama-3-8B-Instruct',
  'meta-llama/Meta-Llama-3-70B',
  'meta-llama/Meta-Llama-3-70B-Instruct',
);
const LLAMA31 = with_(
  'llama3.1',
  'meta-llama/Llama-3.1-8B',
  'meta-llama/Llama-3.1-8B-Instruct',
  'meta-llama/Llama-3.1-70B',
  'meta-llama/Llama-3.1-70B-Instruct',
  'meta-llama/Llama-3.1-405B',
  'meta-llama/Llama-3.1-405B-Instruct',
);
const LLAMA32 = with_(
  'llama3.2',
  'meta-llama/Llama-3.2-1B',
  'meta-llama/Llama-3.2-1B-Instruct',
  'meta-llama/Llama-3.2-3B',
  'meta-llama/Llama-3.2-3B-Instruct',
  'meta-llama/Llama-3.2-11B-Vision',
  'meta-llama/Llama-3.2-11B-Vision-Instruct',
  'meta-llama/Llama-3.2-90B-Vision',
  'meta-llama/Llama-3.2-90B-Vision-Instruct',
);
const LLAMA4 = with_(
  'llama4',
  'meta-llama/Llama-4-Scout-17B-16E',
  'meta-llama/Llama-4-Scout-17B-16E-Instruct',
  'meta-llama/Llama-4-Maverick-17B-128E',
  'meta-llama/Llama-4-Maverick-17B-128E-Instruct',
);

const GEMMA1 = with_(
  'gemma',
  'google/gemma-2b',
  'google/gemma-2b-it',
  'google/gemma-7b',
  'google/gemma-1.1-2b-it',
  'google/gemma-1.1-7b-it',
);
const GEMMA2 = with_(
  'gemma',
  'google/gemma-2-2b',
  'google/gemma-2-2b-it',
  'google/gemma-2-9b',
  'google/gemma-2-9b-it',
  'google/gemma-2-27b',
  'google/gemma-2-27b-it',
);
const GEMMA3 = with_(
  'gemma',
  'google/gemma-3-270m',
  'google/gemma-3-1b-it',
  'google/gemma-3-4b-it',
  'google/gemma-3-12b-it',
  'google/gemma-3-27b-it',
);
const GEMMA3N = with_(
  'gemma',
  'google/gemma-3n-E2B',
  'google/gemma-3n-E2B-it',
  'google/gemma-3n-E4B',
  'google/gemma-3n-E4B-it',
);
const GEMMA4 = with_(
  'apache-2.0',
  'google/gemma-4-E2B',
  'google/gemma-4-E4B',
  'google/gemma-4-26B-A4B',
  'google/gemma-4-31B',
);

const QWEN15: FamilyMember[] = [
  ...with_('tongyi-qianwen-research', 'Qwen/Qwen1.5-0.5B', 'Qwen/Qwen1.5-1.8B', 'Qwen/Qwen1.5-4B', 'Qwen/Qwen1.5-32B'),
  ...with_(
    'tongyi-qianwen',
    'Qwen/Qwen1.5-7B',
    'Qwen/Qwen1.5-14B',
    'Qwen/Qwen1.5-72B',
    'Qwen/Qwen1.5-110B',
    'Qwen/Qwen1.5-MoE-A2.7B',
  ),
];
const QWEN2: FamilyMember[] = [
  ...with_(
    'apache-2.0',
    'Qwen/Qwen2-0.5B',
    'Qwen/Qwen2-1.5B',
    'Qwen/Qwen2-1.5B-Instruct',
    'Qwen/Qwen2-7B',
    'Qwen/Qwen2-57B-A14B',
  ),
  ...with_('tongyi-qianwen', 'Qwen/Qwen2-72B'),
];
const QWEN25: FamilyMember[] = [
  ...with_(
    'apache-2.0',
    'Qwen/Qwen2.5-0.5B',
    'Qwen/Qwen2.5-0.5B-Instruct',
    'Qwen/Qwen2.5-1.5B',
    'Qwen/Qwen2.5-1.5B-Instruct',
    'Qwen/Qwen2.5-7B',
    'Qwen/Qwen2.5-7B-Instruct',
    'Qwen/Qwen2.5-14B',
    'Qwen/Qwen2.5-14B-Instruct',
    'Qwen/Qwen2.5-32B',
    'Qwen/Qwen2.5-32B-Instruct',
  ),
  ...with_('qwen-research', 'Qwen/Qwen2.5-3B', 'Qwen/Qwen2.5-3B-Instruct'),
  ...with_('qwen', 'Qwen/Qwen2.5-72B', 'Qwen/Qwen2.5-72B-Instruct'),
];
const QWEN25_CODER: FamilyMember[] = [
  ...with_(
    'apache-2.0',
    'Qwen/Qwen2.5-Coder-0.5B',
    'Qwen/Qwen2.5-Coder-1.5B',
    'Qwen/Qwen2.5-Coder-7B',
    'Qwen/Qwen2.5-Coder-7B-Instruct',
    'Qwen/Qwen2.5-Coder-14B',
    'Qwen/Qwen2.5-Coder-14B-Instruct',
    'Qwen/Qwen2.5-Coder-32B',
    'Qwen/Qwen2.5-Coder-32B-Instruct',
  ),
  ...with_('qwen-research', 'Qwen/Qwen2.5-Coder-3B'),
];
const QWEN3 = with_(
  'apache-2.0',
  'Qwen/Qwen3-1.7B',
  'Qwen/Qwen3-8B',
  'Qwen/Qwen3-14B',
  'Qwen/Qwen3-32B',
  'Qwen/Qwen3-235B-A22B',
  'Qwen/Qwen3-235B-A22B-Instruct-2507',
  'Qwen/Qwen3-30B-A3B-Instruct-2507',
  'Qwen/Qwen3-Next-80B-A3B-Instruct',
);

const PHI2 = with_('mit', 'microsoft/phi-2');
const PHI3 = with_(
  'mit',
  'microsoft/Phi-3-mini-4k-instruct',
  'microsoft/Phi-3-mini-128k-instruct',
  'microsoft/Phi-3-small-8k-instruct',
  'microsoft/Phi-3-small-128k-instruct',
  'microsoft/Phi-3-medium-4k-instruct',
  'microsoft/Phi-3-medium-128k-instruct',
);
const PHI35 = with_(
  'mit',
  'microsoft/Phi-3.5-mini-instruct',
  'microsoft/Phi-3.5-MoE-instruct',
  'microsoft/Phi-3.5-vision-instruct',
);
const PHI4 = with_(
  'mit',
  'microsoft/phi-4',
  'microsoft/Phi-4-mini-instruct',
  'microsoft/Phi-4-multimodal-instruct',
  'microsoft/Phi-4-reasoning',
);

const OLMO1 = with_(
  'apache-2.0',
  'allenai/OLMo-1B-hf',
  'allenai/OLMo-7B',
  'allenai/OLMo-7B-Instruct',
  'allenai/OLMo-7B-0424',
);
const OLMO2 = with_(
  'apache-2.0',
  'allenai/OLMo-2-1124-7B',
  'allenai/OLMo-2-1124-7B-Instruct',
  'allenai/OLMo-2-1124-13B',
  'allenai/OLMo-2-1124-13B-Instruct',
  'allenai/OLMo-2-0325-32B-Instruct',
);

const MISTRAL_LARGE_2 = with_('mrl', 'mistralai/Mistral-Large-Instruct-2407', 'mistralai/Mistral-Large-Instruct-2411');

const SD1 = with_(
  'creativeml-openrail-m',
  'CompVis/stable-diffusion-v1-4',
  'stable-diffusion-v1-5/stable-diffusion-v1-5',
);
const SD2 = with_('openrail++', 'stabilityai/stable-diffusion-2', 'stabilityai/stable-diffusion-2-1');
const SD3 = with_(
  'stabilityai-ai-community',
  'stabilityai/stable-diffusion-3-medium',
  'stabilityai/stable-diffusion-3.5-medium',
  'stabilityai/stable-diffusion-3.5-large',
);

const FALCON1: FamilyMember[] = [
  ...with_(
    'apache-2.0',
    'tiiuae/falcon-7b',
    'tiiuae/falcon-7b-instruct',
    'tiiuae/falcon-40b',
    'tiiuae/falcon-40b-instruct',
  ),
  // The Hub records say "unknown"; the model card names the Falcon-180B TII License.
  ...with_('falcon-180b-license', 'tiiuae/falcon-180B', 'tiiuae/falcon-180B-chat'),
];
const FALCON2 = with_('TII Falcon License 2.0', 'tiiuae/falcon-11B');
const FALCON3 = with_(
  'falcon-llm-license',
  'tiiuae/Falcon3-1B-Base',
  'tiiuae/Falcon3-3B-Base',
  'tiiuae/Falcon3-7B-Base',
  'tiiuae/Falcon3-10B-Base',
  'tiiuae/Falcon3-Mamba-7B-Base',
);

export const MODEL_FAMILIES: readonly ModelFamily[] = [
  // --- Meta Llama
  {
    id: 'llama-2',
    name: 'Llama 2',
    vendor: 'Meta',
    names: ['Llama 2', 'Llama-2', 'Llama 2 Chat'],
    members: LLAMA2,
    source: hub('meta-llama/Llama-2-7b-hf'),
  },
  {
    id: 'llama-3',
    name: 'Llama 3',
    vendor: 'Meta',
    names: ['Llama 3', 'Meta Llama 3', 'Meta-Llama-3'],
    members: LLAMA3,
    source: hub('meta-llama/Meta-Llama-3-8B'),
  },
  {
    id: 'llama-3.1',
    name: 'Llama 3.1',
    vendor: 'Meta',
    names: ['Llama 3.1', 'Meta Llama 3.1', 'Meta-Llama-3.1'],
    members: LLAMA31,
    source: hub('meta-llama/Llama-3.1-8B'),
  },
  {
    id: 'llama-3.2',
    name: 'Llama 3.2',
    vendor: 'Meta',
    names: ['Llama 3.2'],
    members: LLAMA32,
    source: hub('meta-llama/Llama-3.2-1B'),
  },
  {
    id: 'llama-3.3',
    name: 'Llama 3.3',
    vendor: 'Meta',
    names: ['Llama 3.3'],
    members: with_('llama3.3', 'meta-llama/Llama-3.3-70B-Instruct'),
    source: hub('meta-llama/Llama-3.3-70B-Instruct'),
  },
  {
    id: 'llama-4',
    name: 'Llama 4',
    vendor: 'Meta',
    names: ['Llama 4'],
    members: LLAMA4,
    source: hub('meta-llama/Llama-4-Scout-17B-16E'),
  },
  {
    id: 'llama',
    name: 'Llama',
    vendor: 'Meta',
    names: ['Llama', 'LLaMA'],
    members: [],
    includes: ['llama-2', 'llama-3', 'llama-3.1', 'llama-3.2', 'llama-3.3', 'llama-4'],
    source: hub('meta-llama', 'Hub organisation'),
    note: 'the original 2023 LLaMA weights were research-only and not on the Hub; later lines are listed',
  },
  {
    id: 'code-llama',
    name: 'Code Llama',
    vendor: 'Meta',
    names: ['Code Llama', 'CodeLlama'],
    members: with_('llama2', 'codellama/CodeLlama-7b-hf', 'codellama/CodeLlama-7b-Instruct-hf'),
    source: hub('codellama/CodeLlama-7b-hf'),
  },

  // --- Google Gemma (Gemini is closed: see closed.ts)
  {
    id: 'gemma-1',
    name: 'Gemma',
    vendor: 'Google',
    names: ['Gemma 1', 'Gemma 1.1'],
    members: GEMMA1,
    source: hub('google/gemma-7b'),
  },
  {
    id: 'gemma-2',
    name: 'Gemma 2',
    vendor: 'Google',
    names: ['Gemma 2'],
    members: GEMMA2,
    source: hub('google/gemma-2-9b'),
  },
  {
    id: 'gemma-3',
    name: 'Gemma 3',
    vendor: 'Google',
    names: ['Gemma 3'],
    members: GEMMA3,
    source: hub('google/gemma-3-27b-it'),
  },
  {
    id: 'gemma-3n',
    name: 'Gemma 3n',
    vendor: 'Google',
    names: ['Gemma 3n'],
    members: GEMMA3N,
    source: hub('google/gemma-3n-E4B'),
  },
  {
    id: 'gemma-4',
    name: 'Gemma 4',
    vendor: 'Google',
    names: ['Gemma 4'],
    members: GEMMA4,
    source: hub('google/gemma-4-31B'),
    note: 'Gemma 4 repos declare apache-2.0 (with a Gemma 4 licence page link); earlier Gemma use the Gemma Terms of Use',
  },
  {
    id: 'gemma',
    name: 'Gemma',
    vendor: 'Google',
    names: ['Gemma'],
    members: [],
    includes: ['gemma-1', 'gemma-2', 'gemma-3', 'gemma-3n', 'gemma-4'],
    source: hub('google', 'Hub organisation'),
  },

  // --- Alibaba Qwen
  {
    id: 'qwen1.5',
    name: 'Qwen1.5',
    vendor: 'Alibaba Qwen',
    names: ['Qwen1.5', 'Qwen 1.5'],
    members: QWEN15,
    source: hub('Qwen/Qwen1.5-7B'),
  },
  {
    id: 'qwen2',
    name: 'Qwen2',
    vendor: 'Alibaba Qwen',
    names: ['Qwen2', 'Qwen 2'],
    members: QWEN2,
    source: hub('Qwen/Qwen2-7B'),
  },
  {
    id: 'qwen2.5',
    name: 'Qwen2.5',
    vendor: 'Alibaba Qwen',
    names: ['Qwen2.5', 'Qwen 2.5'],
    members: QWEN25,
    source: hub('Qwen/Qwen2.5-7B'),
    note: '3B under the Qwen Research licence, 72B under the Qwen licence, the other sizes Apache-2.0',
  },
  {
    id: 'qwen2.5-coder',
    name: 'Qwen2.5-Coder',
    vendor: 'Alibaba Qwen',
    names: ['Qwen2.5-Coder', 'Qwen2.5 Coder', 'Qwen 2.5 Coder'],
    members: QWEN25_CODER,
    source: hub('Qwen/Qwen2.5-Coder-7B'),
    note: '3B under the Qwen Research licence, the other sizes Apache-2.0',
  },
  {
    id: 'qwq',
    name: 'QwQ',
    vendor: 'Alibaba Qwen',
    names: ['QwQ'],
    members: with_('apache-2.0', 'Qwen/QwQ-32B', 'Qwen/QwQ-32B-Preview'),
    source: hub('Qwen/QwQ-32B'),
  },
  {
    id: 'qwen3',
    name: 'Qwen3',
    vendor: 'Alibaba Qwen',
    names: ['Qwen3', 'Qwen 3'],
    members: QWEN3,
    source: hub('Qwen/Qwen3-32B'),
  },
  {
    id: 'qwen',
    name: 'Qwen',
    vendor: 'Alibaba Qwen',
    names: ['Qwen', 'Tongyi Qianwen'],
    members: [],
    includes: ['qwen1.5', 'qwen2', 'qwen2.5', 'qwen2.5-coder', 'qwq', 'qwen3'],
    source: hub('Qwen', 'Hub organisation'),
  },

  // --- Microsoft Phi
  {
    id: 'phi-2',
    name: 'Phi-2',
    vendor: 'Microsoft',
    names: ['Phi-2', 'Phi 2'],
    members: PHI2,
    source: hub('microsoft/phi-2'),
  },
  {
    id: 'phi-3',
    name: 'Phi-3',
    vendor: 'Microsoft',
    names: ['Phi-3', 'Phi 3'],
    members: PHI3,
    source: hub('microsoft/Phi-3-mini-4k-instruct'),
  },
  {
    id: 'phi-3.5',
    name: 'Phi-3.5',
    vendor: 'Microsoft',
    names: ['Phi-3.5'],
    members: PHI35,
    source: hub('microsoft/Phi-3.5-mini-instruct'),
  },
  {
    id: 'phi-4',
    name: 'Phi-4',
    vendor: 'Microsoft',
    names: ['Phi-4', 'Phi 4'],
    members: PHI4,
    source: hub('microsoft/phi-4'),
  },
  {
    id: 'phi',
    name: 'Phi',
    vendor: 'Microsoft',
    names: ['Phi'],
    members: with_('mit', 'microsoft/phi-1', 'microsoft/phi-1_5'),
    includes: ['phi-2', 'phi-3', 'phi-3.5', 'phi-4'],
    source: hub('microsoft/phi-1'),
  },

  // --- Ai2 OLMo
  { id: 'olmo-1', name: 'OLMo', vendor: 'Ai2', names: ['OLMo 1'], members: OLMO1, source: hub('allenai/OLMo-7B') },
  {
    id: 'olmo-2',
    name: 'OLMo 2',
    vendor: 'Ai2',
    names: ['OLMo 2', 'OLMo-2'],
    members: OLMO2,
    source: hub('allenai/OLMo-2-1124-7B'),
  },
  {
    id: 'olmo-3',
    name: 'Olmo 3',
    vendor: 'Ai2',
    names: ['Olmo 3', 'Olmo 3.1'],
    members: with_(
      'apache-2.0',
      'allenai/Olmo-3-1125-32B',
      'allenai/Olmo-3.1-32B-Instruct',
      'allenai/Olmo-3.1-32B-Think',
    ),
    source: hub('allenai/Olmo-3-1125-32B'),
  },
  {
    id: 'olmoe',
    name: 'OLMoE',
    vendor: 'Ai2',
    names: ['OLMoE'],
    members: with_('apache-2.0', 'allenai/OLMoE-1B-7B-0924'),
    source: hub('allenai/OLMoE-1B-7B-0924'),
  },
  {
    id: 'olmo',
    name: 'OLMo',
    vendor: 'Ai2',
    names: ['OLMo'],
    members: [],
    includes: ['olmo-1', 'olmo-2', 'olmo-3'],
    source: hub('allenai', 'Hub organisation'),
  },

  // --- Mistral AI
  {
    id: 'mistral-7b',
    name: 'Mistral 7B',
    vendor: 'Mistral AI',
    names: ['Mistral 7B'],
    members: with_(
      'apache-2.0',
      'mistralai/Mistral-7B-v0.1',
      'mistralai/Mistral-7B-Instruct-v0.1',
      'mistralai/Mistral-7B-Instruct-v0.2',
      'mistralai/Mistral-7B-v0.3',
      'mistralai/Mistral-7B-Instruct-v0.3',
    ),
    source: hub('mistralai/Mistral-7B-v0.1'),
  },
  {
    id: 'mistral-nemo',
    name: 'Mistral NeMo',
    vendor: 'Mistral AI',
    names: ['Mistral Nemo', 'Mistral-NeMo'],
    members: with_('apache-2.0', 'mistralai/Mistral-Nemo-Base-2407', 'mistralai/Mistral-Nemo-Instruct-2407'),
    source: hub('mistralai/Mistral-Nemo-Base-2407'),
  },
  {
    id: 'mistral-small',
    name: 'Mistral Small',
    vendor: 'Mistral AI',
    names: ['Mistral Small'],
    members: [
      ...with_('mrl', 'mistralai/Mistral-Small-Instruct-2409'),
      ...with_('apache-2.0', 'mistralai/Mistral-Small-24B-Base-2501', 'mistralai/Mistral-Small-24B-Instruct-2501'),
    ],
    source: hub('mistralai/Mistral-Small-24B-Base-2501'),
    note: 'the 2409 release is under the Mistral Research License, 2501 is Apache-2.0',
  },
  {
    id: 'mistral-large-2',
    name: 'Mistral Large 2',
    vendor: 'Mistral AI',
    names: ['Mistral Large 2', 'Mistral Large 24.07', 'Mistral Large 24.11'],
    members: MISTRAL_LARGE_2,
    source: hub('mistralai/Mistral-Large-Instruct-2407'),
  },
  {
    id: 'mistral-large-3',
    name: 'Mistral Large 3',
    vendor: 'Mistral AI',
    names: ['Mistral Large 3'],
    members: with_('apache-2.0', 'mistralai/Mistral-Large-3-675B-Instruct-2512'),
    source: hub('mistralai/Mistral-Large-3-675B-Instruct-2512'),
  },
  {
    id: 'mistral-large',
    name: 'Mistral Large',
    vendor: 'Mistral AI',
    names: ['Mistral Large'],
    members: [],
    includes: ['mistral-large-2', 'mistral-large-3'],
    closedVersions: ['mistral-large-1'],
    source: hub('mistralai', 'Hub organisation'),
    note: 'the first Mistral Large (24.02) was API-only; Large 2 weights came under a research licence',
  },
  {
    id: 'mixtral',
    name: 'Mixtral',
    vendor: 'Mistral AI',
    names: ['Mixtral'],
    members: with_(
      'apache-2.0',
      'mistralai/Mixtral-8x7B-v0.1',
      'mistralai/Mixtral-8x7B-Instruct-v0.1',
      'mistralai/Mixtral-8x22B-v0.1',
      'mistralai/Mixtral-8x22B-Instruct-v0.1',
    ),
    source: hub('mistralai/Mixtral-8x7B-v0.1'),
  },
  {
    id: 'codestral',
    name: 'Codestral',
    vendor: 'Mistral AI',
    names: ['Codestral'],
    members: with_('mnpl', 'mistralai/Codestral-22B-v0.1'),
    source: hub('mistralai/Codestral-22B-v0.1'),
  },
  {
    id: 'ministral',
    name: 'Ministral',
    vendor: 'Mistral AI',
    names: ['Ministral'],
    members: with_('mrl', 'mistralai/Ministral-8B-Instruct-2410'),
    source: hub('mistralai/Ministral-8B-Instruct-2410'),
  },

  // --- DeepSeek
  {
    id: 'deepseek-llm',
    name: 'DeepSeek LLM',
    vendor: 'DeepSeek',
    names: ['DeepSeek LLM'],
    members: with_(
      'deepseek',
      'deepseek-ai/deepseek-llm-7b-base',
      'deepseek-ai/deepseek-llm-7b-chat',
      'deepseek-ai/deepseek-llm-67b-base',
      'deepseek-ai/deepseek-llm-67b-chat',
    ),
    source: hub('deepseek-ai/deepseek-llm-7b-base'),
  },
  {
    id: 'deepseek-coder',
    name: 'DeepSeek Coder',
    vendor: 'DeepSeek',
    names: ['DeepSeek Coder', 'DeepSeek-Coder'],
    members: with_(
      'deepseek',
      'deepseek-ai/deepseek-coder-1.3b-instruct',
      'deepseek-ai/deepseek-coder-6.7b-instruct',
      'deepseek-ai/deepseek-coder-33b-instruct',
    ),
    source: hub('deepseek-ai/deepseek-coder-6.7b-instruct'),
  },
  {
    id: 'deepseek-coder-v2',
    name: 'DeepSeek-Coder-V2',
    vendor: 'DeepSeek',
    names: ['DeepSeek-Coder-V2', 'DeepSeek Coder V2'],
    members: with_(
      'deepseek-license',
      'deepseek-ai/DeepSeek-Coder-V2-Instruct',
      'deepseek-ai/DeepSeek-Coder-V2-Lite-Instruct',
    ),
    source: hub('deepseek-ai/DeepSeek-Coder-V2-Instruct'),
  },
  {
    id: 'deepseek-v2',
    name: 'DeepSeek-V2',
    vendor: 'DeepSeek',
    names: ['DeepSeek-V2', 'DeepSeek V2', 'DeepSeek-V2.5'],
    members: with_(
      'deepseek',
      'deepseek-ai/DeepSeek-V2',
      'deepseek-ai/DeepSeek-V2-Chat',
      'deepseek-ai/DeepSeek-V2-Lite',
      'deepseek-ai/DeepSeek-V2-Lite-Chat',
      'deepseek-ai/DeepSeek-V2.5',
    ),
    source: hub('deepseek-ai/DeepSeek-V2'),
  },
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    vendor: 'DeepSeek',
    names: ['DeepSeek-V3', 'DeepSeek V3'],
    members: [
      ...with_('deepseek', 'deepseek-ai/DeepSeek-V3'),
      ...with_(
        'mit',
        'deepseek-ai/DeepSeek-V3-0324',
        'deepseek-ai/DeepSeek-V3.1-Terminus',
        'deepseek-ai/DeepSeek-V3.2',
      ),
    ],
    source: hub('deepseek-ai/DeepSeek-V3'),
    note: 'the first V3 card puts the weights under the DeepSeek Model License (no licence in its metadata); later V3 releases declare MIT',
  },
  {
    id: 'deepseek-r1',
    name: 'DeepSeek-R1',
    vendor: 'DeepSeek',
    names: ['DeepSeek-R1', 'DeepSeek R1'],
    members: with_('mit', 'deepseek-ai/DeepSeek-R1', 'deepseek-ai/DeepSeek-R1-0528'),
    source: hub('deepseek-ai/DeepSeek-R1'),
  },
  {
    id: 'deepseek-r1-distill',
    name: 'DeepSeek-R1-Distill',
    vendor: 'DeepSeek',
    names: ['DeepSeek-R1-Distill', 'DeepSeek R1 Distill'],
    members: with_(
      'mit',
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B',
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B',
      'deepseek-ai/DeepSeek-R1-Distill-Llama-8B',
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-14B',
      'deepseek-ai/DeepSeek-R1-Distill-Qwen-32B',
      'deepseek-ai/DeepSeek-R1-Distill-Llama-70B',
    ),
    source: hub('deepseek-ai/DeepSeek-R1'),
    note: 'the Hub records say MIT; the Llama and Qwen bases keep their own licences (see the R1 card)',
  },
  {
    id: 'deepseek',
    name: 'DeepSeek',
    vendor: 'DeepSeek',
    names: ['DeepSeek'],
    members: [],
    includes: ['deepseek-llm', 'deepseek-coder', 'deepseek-coder-v2', 'deepseek-v2', 'deepseek-v3', 'deepseek-r1'],
    source: hub('deepseek-ai', 'Hub organisation'),
  },

  // --- BigCode
  {
    id: 'starcoder',
    name: 'StarCoder',
    vendor: 'BigCode',
    names: ['StarCoder'],
    members: with_('bigcode-openrail-m', 'bigcode/starcoder'),
    source: hub('bigcode/starcoder'),
  },
  {
    id: 'starcoder2',
    name: 'StarCoder2',
    vendor: 'BigCode',
    names: ['StarCoder2', 'StarCoder 2'],
    members: with_('bigcode-openrail-m', 'bigcode/starcoder2-3b', 'bigcode/starcoder2-7b', 'bigcode/starcoder2-15b'),
    source: hub('bigcode/starcoder2-15b'),
  },

  // --- Stability AI
  {
    id: 'stable-diffusion-1',
    name: 'Stable Diffusion 1.x',
    vendor: 'CompVis / Runway / Stability AI',
    names: ['Stable Diffusion 1', 'Stable Diffusion v1', 'SD 1'],
    members: SD1,
    source: hub('stable-diffusion-v1-5/stable-diffusion-v1-5'),
  },
  {
    id: 'stable-diffusion-1.4',
    name: 'Stable Diffusion 1.4',
    vendor: 'CompVis',
    names: ['Stable Diffusion 1.4', 'Stable Diffusion v1.4', 'SD 1.4'],
    members: with_('creativeml-openrail-m', 'CompVis/stable-diffusion-v1-4'),
    source: hub('CompVis/stable-diffusion-v1-4'),
  },
  {
    id: 'stable-diffusion-1.5',
    name: 'Stable Diffusion 1.5',
    vendor: 'Runway',
    names: ['Stable Diffusion 1.5', 'Stable Diffusion v1.5', 'SD 1.5'],
    members: with_('creativeml-openrail-m', 'stable-diffusion-v1-5/stable-diffusion-v1-5'),
    source: hub('stable-diffusion-v1-5/stable-diffusion-v1-5'),
  },
  {
    id: 'stable-diffusion-2',
    name: 'Stable Diffusion 2',
    vendor: 'Stability AI',
    names: ['Stable Diffusion 2', 'Stable Diffusion v2', 'SD 2'],
    members: SD2,
    source: hub('stabilityai/stable-diffusion-2-1'),
  },
  {
    id: 'stable-diffusion-2.1',
    name: 'Stable Diffusion 2.1',
    vendor: 'Stability AI',
    names: ['Stable Diffusion 2.1', 'SD 2.1'],
    members: with_('openrail++', 'stabilityai/stable-diffusion-2-1'),
    source: hub('stabilityai/stable-diffusion-2-1'),
  },
  {
    id: 'stable-diffusion-xl',
    name: 'Stable Diffusion XL',
    vendor: 'Stability AI',
    names: ['Stable Diffusion XL', 'SDXL', 'SD XL'],
    members: with_('openrail++', 'stabilityai/stable-diffusion-xl-base-1.0'),
    source: hub('stabilityai/stable-diffusion-xl-base-1.0'),
    note: 'the name denotes SDXL base 1.0; SDXL Turbo is its own name (non-commercial licence)',
  },
  {
    id: 'sdxl-turbo',
    name: 'SDXL Turbo',
    vendor: 'Stability AI',
    names: ['SDXL Turbo', 'Stable Diffusion XL Turbo'],
    members: with_('sai-nc-community', 'stabilityai/sdxl-turbo'),
    source: hub('stabilityai/sdxl-turbo'),
  },
  {
    id: 'stable-diffusion-3',
    name: 'Stable Diffusion 3',
    vendor: 'Stability AI',
    names: ['Stable Diffusion 3', 'SD3', 'SD 3', 'Stable Diffusion 3.5', 'SD3.5'],
    members: SD3,
    source: hub('stabilityai/stable-diffusion-3-medium'),
  },
  {
    id: 'stable-diffusion',
    name: 'Stable Diffusion',
    vendor: 'Stability AI',
    names: ['Stable Diffusion'],
    members: [],
    includes: ['stable-diffusion-1', 'stable-diffusion-2', 'stable-diffusion-xl', 'sdxl-turbo', 'stable-diffusion-3'],
    source: hub('stabilityai', 'Hub organisation'),
  },

  // --- TII Falcon
  {
    id: 'falcon-1',
    name: 'Falcon',
    vendor: 'TII',
    names: ['Falcon 1'],
    members: FALCON1,
    source: hub('tiiuae/falcon-40b'),
  },
  {
    id: 'falcon-2',
    name: 'Falcon 2',
    vendor: 'TII',
    names: ['Falcon 2', 'Falcon2'],
    members: FALCON2,
    source: hub('tiiuae/falcon-11B'),
  },
  {
    id: 'falcon-3',
    name: 'Falcon 3',
    vendor: 'TII',
    names: ['Falcon 3', 'Falcon3'],
    members: FALCON3,
    source: hub('tiiuae/Falcon3-7B-Base'),
  },
  {
    id: 'falcon-mamba',
    name: 'Falcon Mamba',
    vendor: 'TII',
    names: ['Falcon Mamba', 'FalconMamba'],
    members: with_('falcon-mamba-7b-license', 'tiiuae/falcon-mamba-7b'),
    source: hub('tiiuae/falcon-mamba-7b'),
  },
  {
    id: 'falcon',
    name: 'Falcon',
    vendor: 'TII',
    names: ['Falcon'],
    members: [],
    includes: ['falcon-1', 'falcon-2', 'falcon-3', 'falcon-mamba'],
    source: hub('tiiuae', 'Hub organisation'),
  },

  // --- IBM, NVIDIA, 01.AI, xAI, OpenAI, Moonshot, LLM360, others
  {
    id: 'granite-3',
    name: 'Granite 3',
    vendor: 'IBM',
    names: ['Granite 3', 'Granite 3.0', 'Granite 3.1', 'Granite 3.2', 'Granite 3.3'],
    members: with_(
      'apache-2.0',
      'ibm-granite/granite-3.0-8b-base',
      'ibm-granite/granite-3.0-8b-instruct',
      'ibm-granite/granite-3.1-8b-base',
      'ibm-granite/granite-3.1-8b-instruct',
      'ibm-granite/granite-3.3-8b-base',
      'ibm-granite/granite-3.3-8b-instruct',
    ),
    source: hub('ibm-granite/granite-3.3-8b-base'),
  },
  {
    id: 'granite',
    name: 'Granite',
    vendor: 'IBM',
    names: ['Granite', 'IBM Granite'],
    members: with_(
      'apache-2.0',
      'ibm-granite/granite-7b-base',
      'ibm-granite/granite-8b-code-instruct-4k',
      'ibm-granite/granite-4.0-micro',
      'ibm-granite/granite-4.0-h-small',
    ),
    includes: ['granite-3'],
    source: hub('ibm-granite', 'Hub organisation'),
  },
  {
    id: 'nemotron',
    name: 'Nemotron',
    vendor: 'NVIDIA',
    names: ['Nemotron', 'NVIDIA Nemotron'],
    members: [
      ...with_(
        'nvidia-open-model-license',
        'nvidia/Nemotron-4-340B-Instruct',
        'nvidia/Nemotron-4-340B-Reward',
        'nvidia/Nemotron-Mini-4B-Instruct',
        'nvidia/Llama-3_3-Nemotron-Super-49B-v1',
        'nvidia/Llama-3_1-Nemotron-Ultra-253B-v1',
      ),
      ...with_('llama3.1', 'nvidia/Llama-3.1-Nemotron-70B-Instruct'),
    ],
    source: hub('nvidia/Nemotron-4-340B-Instruct'),
    note: 'most Nemotron repos declare the NVIDIA Open Model License; the 70B Llama 3.1 fine-tune declares llama3.1',
  },
  {
    id: 'nemotron-4',
    name: 'Nemotron-4',
    vendor: 'NVIDIA',
    names: ['Nemotron-4', 'Nemotron 4'],
    members: with_('nvidia-open-model-license', 'nvidia/Nemotron-4-340B-Instruct', 'nvidia/Nemotron-4-340B-Reward'),
    source: hub('nvidia/Nemotron-4-340B-Instruct'),
  },
  {
    id: 'yi',
    name: 'Yi',
    vendor: '01.AI',
    names: ['Yi'],
    members: with_('apache-2.0', '01-ai/Yi-6B', '01-ai/Yi-6B-Chat', '01-ai/Yi-9B', '01-ai/Yi-34B', '01-ai/Yi-34B-Chat'),
    includes: ['yi-1.5'],
    source: hub('01-ai/Yi-34B-Chat'),
  },
  {
    id: 'yi-1.5',
    name: 'Yi-1.5',
    vendor: '01.AI',
    names: ['Yi-1.5', 'Yi 1.5'],
    members: with_(
      'apache-2.0',
      '01-ai/Yi-1.5-6B',
      '01-ai/Yi-1.5-6B-Chat',
      '01-ai/Yi-1.5-9B',
      '01-ai/Yi-1.5-9B-Chat',
      '01-ai/Yi-1.5-34B',
      '01-ai/Yi-1.5-34B-Chat',
    ),
    source: hub('01-ai/Yi-1.5-34B'),
  },
  {
    id: 'grok-1',
    name: 'Grok-1',
    vendor: 'xAI',
    names: ['Grok-1', 'Grok 1'],
    members: with_('apache-2.0', 'xai-org/grok-1'),
    source: { title: 'Open Release of Grok-1 (xAI)', url: 'https://x.ai/blog/grok-os' },
  },
  {
    id: 'grok-2',
    name: 'Grok 2.5',
    vendor: 'xAI',
    names: ['Grok 2.5', 'Grok-2.5'],
    members: with_('grok2-community', 'xai-org/grok-2'),
    source: hub('xai-org/grok-2'),
    note: 'weights published 2025-08 under the Grok 2 Community License',
  },
  {
    id: 'grok',
    name: 'Grok',
    vendor: 'xAI',
    names: ['Grok'],
    members: [],
    includes: ['grok-1', 'grok-2'],
    closedVersions: ['grok-4'],
    source: hub('xai-org', 'Hub organisation'),
    note: 'Grok-1 and Grok 2.5 weights were released; later Grok models are API-only',
  },
  {
    id: 'gpt-oss',
    name: 'gpt-oss',
    vendor: 'OpenAI',
    names: ['gpt-oss'],
    members: with_('apache-2.0', 'openai/gpt-oss-20b', 'openai/gpt-oss-120b'),
    source: { title: 'Introducing gpt-oss (OpenAI)', url: 'https://openai.com/index/introducing-gpt-oss/' },
  },
  {
    id: 'kimi-k2',
    name: 'Kimi K2',
    vendor: 'Moonshot AI',
    names: ['Kimi K2', 'Kimi-K2'],
    members: with_(
      'modified-mit',
      'moonshotai/Kimi-K2-Base',
      'moonshotai/Kimi-K2-Instruct',
      'moonshotai/Kimi-K2-Thinking',
    ),
    source: hub('moonshotai/Kimi-K2-Instruct'),
  },
  {
    id: 'llm360-k2',
    name: 'K2 (LLM360)',
    vendor: 'LLM360',
    names: ['LLM360 K2'],
    members: with_('apache-2.0', 'LLM360/K2', 'LLM360/K2-Chat', 'LLM360/K2-Think', 'LLM360/K2-V2'),
    source: hub('LLM360/K2'),
  },
  {
    id: 'k2',
    name: 'K2',
    vendor: 'several',
    names: ['K2'],
    members: [],
    includes: ['kimi-k2', 'llm360-k2'],
    source: hub('LLM360/K2'),
    note: "two unrelated lines share the name: Moonshot AI's Kimi K2 and LLM360's K2",
  },
  {
    id: 'cohere-command-r-plus',
    name: 'Command R+',
    vendor: 'Cohere',
    names: ['Command R+', 'Command R Plus', 'C4AI Command R+'],
    members: with_('cc-by-nc-4.0', 'CohereLabs/c4ai-command-r-plus', 'CohereLabs/c4ai-command-r-plus-08-2024'),
    source: hub('CohereLabs/c4ai-command-r-plus'),
  },
];
