import type { Source } from '../../sources';
import { clause, defineFamily, repoFile, type LicenseFamily } from '../family';
import { named } from '../recognise';

/*
 * Model licences of Baichuan, 01.AI (Yi), Shanghai AI Lab (InternLM), Zhipu / THUDM (GLM, ChatGLM), OpenBMB (MiniCPM)
 * and LG AI Research (EXAONE). Quotes are from the licence texts where they could be read, otherwise from the
 * vendor's model card (named as the source); paraphrases are marked.
 */

const BAICHUAN_CARD: Source = {
  title: 'Baichuan2-7B-Chat model card, Terms and Conditions (licence PDF linked there)',
  url: 'https://huggingface.co/baichuan-inc/Baichuan2-7B-Chat',
};
const BAICHUAN_LICENSE: Source = {
  title: 'Community License for Baichuan 2 Model (PDF)',
  url: 'https://huggingface.co/baichuan-inc/Baichuan2-7B-Chat/blob/main/Community%20License%20for%20Baichuan2%20Model.pdf',
};
const YI_LICENSE: Source = {
  title:
    'Yi Series Models Community License Agreement (01-ai/Yi MODEL_LICENSE_AGREEMENT.txt, before the 2024 switch to Apache-2.0)',
  url: 'https://github.com/01-ai/Yi/blob/main/MODEL_LICENSE_AGREEMENT.txt',
};
const INTERNLM_CARD: Source = {
  title: 'InternLM2.5-7B-Chat model card, Open Source License',
  url: 'https://huggingface.co/internlm/internlm2_5-7b-chat',
};
const CHATGLM3: Source = {
  title: 'The ChatGLM3-6B License (THUDM/ChatGLM3 MODEL_LICENSE)',
  url: 'https://github.com/THUDM/ChatGLM3/blob/main/MODEL_LICENSE',
};
const GLM4: Source = {
  title: 'GLM-4 model licence (THUDM/glm-4-9b-chat LICENSE)',
  url: 'https://huggingface.co/THUDM/glm-4-9b-chat/blob/main/LICENSE',
};
const GML: Source = {
  title: 'OpenBMB General Model License (通用模型许可协议-来源说明-宣传限制-商业授权)',
  url: 'https://github.com/OpenBMB/General-Model-License/blob/main/%E9%80%9A%E7%94%A8%E6%A8%A1%E5%9E%8B%E8%AE%B8%E5%8F%AF%E5%8D%8F%E8%AE%AE-%E6%9D%A5%E6%BA%90%E8%AF%B4%E6%98%8E-%E5%AE%A3%E4%BC%A0%E9%99%90%E5%88%B6-%E5%95%86%E4%B8%9A%E6%8E%88%E6%9D%83.md',
};
const MINICPM_CARD: Source = {
  title: 'MiniCPM-2B-sft-bf16 model card, Model LICENSE',
  url: 'https://huggingface.co/openbmb/MiniCPM-2B-sft-bf16',
};
const EXAONE: Source = {
  title: 'EXAONE AI Model License Agreement 1.1 - NC (LGAI-EXAONE model repos)',
  url: 'https://huggingface.co/LGAI-EXAONE/EXAONE-3.5-7.8B-Instruct/blob/main/LICENSE',
};

export const baichuan: LicenseFamily = defineFamily({
  id: 'baichuan-community',
  name: 'Community License for Baichuan 2 Model',
  recognise: {
    names: [
      named('baichuan-?2?(?:-model)?-community'),
      named('community-license-for-baichuan-?2?(?:-model)?'),
      named('baichuan'),
    ],
    links: [
      repoFile(
        'huggingface.co',
        'baichuan-inc/[^/]+',
        '[^/]*(?:community(?:%20|-|\\s)license|%e7%a4%be%e5%8c%ba)[^/]*\\.pdf',
      ),
    ],
  },
  reason:
    'Baichuan model licence, not OSI-approved: commercial use only after applying to and being approved by Baichuan',
  clauses: [
    clause(
      'Commercial use (per the model card)',
      'commercial use on application',
      ['use'],
      'the card: developers may use the models commercially "after obtaining an official commercial license through [email request]"',
      BAICHUAN_CARD,
    ),
    clause(
      'Commercial licence terms (per the model card)',
      'non-sublicensable, revocable commercial licence',
      ['share'],
      'once approved, Baichuan grants "a non-exclusive, global, non-transferable, non-sublicensable, revocable commercial copyright license"',
      BAICHUAN_CARD,
    ),
  ],
  sources: [BAICHUAN_LICENSE, BAICHUAN_CARD],
});

export const yiCommunity: LicenseFamily = defineFamily({
  id: 'yi-license',
  name: 'Yi Series Models Community License Agreement',
  recognise: {
    names: [named('yi(?:-series)?(?:-models?)?-community'), named('yi-license'), named('yi-model')],
    links: [/^github\.com\/01-ai\/yi\/blob\/[^/]+\/model_license_agreement\.txt$/],
  },
  status: 'unknown',
  reason:
    'Yi Series Models Community License (2023 terms, which asked for registration before commercial use): text not reviewed by Ajar; Yi weights now declare Apache-2.0, so check the current licence',
  sources: [YI_LICENSE],
});

export const internlm: LicenseFamily = defineFamily({
  id: 'internlm-license',
  name: 'InternLM model licence',
  recognise: {
    names: [named('internlm(?:-?\\d(?:\\.\\d)?)?(?:-model)?'), named('internlm-weights')],
  },
  reason: 'InternLM weights licence, not OSI-approved: commercial use needs an application to the licensor',
  clauses: [
    clause(
      'Open Source License (per the model card)',
      'commercial use on application',
      ['use'],
      'the card: model weights "allow free commercial usage. To apply for a commercial license, please fill in the application form"',
      INTERNLM_CARD,
    ),
  ],
  sources: [INTERNLM_CARD],
});

export const glm: LicenseFamily = defineFamily({
  id: 'glm-license',
  name: 'ChatGLM / GLM-4 model licence',
  recognise: {
    names: [
      named('(?:the-)?chatglm-?\\d?(?:-6b)?(?:-model)?'),
      named('glm-?4(?:-9b)?(?:-model)?'),
      named('glm(?:-model)?'),
    ],
    links: [
      repoFile('github.com', 'thudm/chatglm\\d?(?:-6b)?', 'model_license'),
      repoFile('huggingface.co', '(?:thudm|zai-org)/(?:chat)?glm[^/]*', '(?:model_)?license'),
    ],
  },
  reason: 'Zhipu / THUDM model licence, not OSI-approved: commercial use after registration, and a ban on military use',
  clauses: [
    clause(
      '§2 License Grant (ChatGLM3-6B License)',
      'commercial use on registration',
      ['use'],
      '"Users who wish to use the models for commercial purposes must register"',
      CHATGLM3,
    ),
    clause(
      '§3 Restrictions (ChatGLM3-6B License)',
      'use restrictions',
      ['use', 'modify', 'share'],
      'no use, copy, modification or distribution "for any military or illegal purposes"',
      CHATGLM3,
    ),
    clause(
      'GLM-4 licence',
      'same family of terms',
      ['use'],
      '(paraphrase; licence text not retrieved) the GLM-4 card points to its own LICENSE for the weights, in the same form as the ChatGLM licences',
      GLM4,
    ),
  ],
  sources: [CHATGLM3, GLM4],
});

export const minicpm: LicenseFamily = defineFamily({
  id: 'minicpm-general-model-license',
  name: 'OpenBMB General Model License (MiniCPM)',
  recognise: {
    names: [named('(?:openbmb-)?general-model'), named('minicpm(?:-model)?'), named('gml')],
    links: [/^github\.com\/openbmb\/general-model-license(?:\/.*)?$/],
  },
  reason: "OpenBMB licence, not OSI-approved: commercial use only with the publisher's written authorisation",
  clauses: [
    clause(
      '§2 商业授权 (Commercial authorisation)',
      'commercial use on written authorisation',
      ['use'],
      '"使用者获得发布者书面授权后，可以以任何商业目的使用此通用模型" (commercial use only after written authorisation)',
      GML,
    ),
    clause(
      'Model LICENSE (per the model card)',
      'commercial use on authorisation',
      ['use'],
      'the card: "If you intend to utilize the model for commercial purposes, please reach out to cpm@modelbest.cn to obtain the certificate of authorization"',
      MINICPM_CARD,
    ),
  ],
  sources: [GML, MINICPM_CARD],
});

export const exaone: LicenseFamily = defineFamily({
  id: 'exaone',
  name: 'EXAONE AI Model License Agreement',
  recognise: {
    names: [named('exaone(?:-ai-model)?(?:-license)?(?:-agreement)?(?:-v?\\d+(?:\\.\\d+)*)?(?:-nc)?')],
    links: [repoFile('huggingface.co', 'lgai-exaone/exaone-[^/]+', 'license(?:\\.md|\\.txt)?')],
  },
  reason: 'LG AI Research licence, not OSI-approved: non-commercial ("NC") research use',
  clauses: [
    clause(
      'Licence name and scope',
      'non-commercial',
      ['use'],
      '(paraphrase; licence text not retrieved) the licence is titled "1.1 - NC" and limits use of the model to non-commercial research purposes',
      EXAONE,
    ),
  ],
  sources: [EXAONE],
});

export const asianModelFamilies = [baichuan, yiCommunity, internlm, glm, minicpm, exaone];
