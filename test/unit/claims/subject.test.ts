// @vitest-environment node
/** Issue 11, point 1: only a claim that calls a model (or its release) open source is a model claim. */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../lib/claims/detect';
import { claimSubject, isModelSubject, withSubject } from '../../../lib/claims/subject';

const PHRASE = /open[\s-]?sourc\w*|Open-Source|código abierto|开源/i;

/**
 * The subject the detector gives the first strong or vague claim of `text`; the classifier's own answer when the
 * detector already drops the phrase ("open source framework", "open-source dataset" never reach judgement).
 */
function subjectOf(text: string): string | undefined {
  const c = detectClaims(text).find((x) => x.kind !== 'honest');
  if (c) return withSubject(c).subject;
  const m = PHRASE.exec(text)!;
  return claimSubject(text, m.index, m[0], 'en');
}

describe('claimSubject: what is called open source', () => {
  it.each([
    // Software, libraries, extensions, tools (the first is issue 11's pgvector case, reworded).
    ['pgvector is an open-source extension for PostgreSQL that stores embeddings.', 'code'],
    ['Our Purple Llama tools are open sourced for the community to use.', 'code'],
    ['LangChain is an open source framework for building LLM applications.', 'code'],
    ['We evaluated it with the open-source evaluation tool OpenCompass.', 'code'],
    ['Hugging Face is the open source model site everyone uses.', 'code'],
    ['The code is open source.', 'code'],
    ['vLLM ist eine Open-Source-Bibliothek für schnelle Inferenz.', 'code'],
    ['Ollama est un logiciel open source pour exécuter des modèles en local.', 'code'],
    ['LM Studio no es una herramienta de código abierto, pero llama.cpp es una herramienta de código abierto.', 'code'],
    ['我们使用开源评测工具 OpenCompass 进行评测。', 'code'],
    ['这是一个开源框架,用于训练大模型。', 'code'],
    ['这是一个开源的工具,不是模型。', 'code'],
    // Data and benchmarks.
    ['OpenWebText, an opensource recreation of the WebText dataset used to train GPT-2.', 'data'],
    ['The Pile is an open-source dataset of diverse text.', 'data'],
    ['我们发布了一个开源数据集。', 'data'],
    ['It scores well on standard open-source benchmarks.', 'benchmark'],
    // Communities, movements, policies.
    ['Recently there have been changes in the open-source policy of our organization.', 'community'],
    ['The company is a long-time friend of the open source ecosystem.', 'community'],
    // Models and their release.
    ['Gemma is a collection of lightweight open source generative AI (GenAI) models designed for developers.', 'model'],
    ['InternLM2.5 has open-sourced a 7 billion parameter base model and a chat model.', 'model'],
    ['Mixtral 8x7B is an open-source large language model.', 'model'],
    ['LLaMA est la famille de modèles de langage open-source développée par Meta.', 'model'],
    ['Mistral lance une famille de modèles open source.', 'model'],
    ['Falcon es un modelo de código abierto desarrollado en Abu Dabi.', 'model'],
    ['Meta stellt ein Open-Source-Sprachmodell vor.', 'model'],
    ['GLM-4-9B 是智谱 AI 推出的 GLM-4 系列中的开源版本。', 'model'],
    ['如果您想了解更多关于通义千问-7B开源模型的细节,请参阅代码库。', 'model'],
    ['The code and weights are open source.', 'model'],
    // Nothing says what: judged as a model claim, as before.
    ['Llama 3.1 405B is open source.', 'unspecified'],
    ['As a fully open-source product, Llama 3.2 sparked discussions.', 'unspecified'],
    ['Meta stellt LLaMA 3.1 als Open-Source kostenlos zur Verfügung.', 'unspecified'],
  ])('%s -> %s', (text, expected) => {
    expect(subjectOf(text)).toBe(expected);
  });

  it('reads a licence as the subject of "open-source license"', () => {
    const s = 'Grok-1 is available under the open-source Apache 2.0 license.';
    expect(claimSubject(s, s.indexOf('open-source'), 'open-source', 'en')).toBe('licence');
  });

  it('judges model, unspecified and licence subjects against a model, the others not', () => {
    expect(['model', 'unspecified', 'licence', undefined].map((s) => isModelSubject(s as never))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['code', 'data', 'benchmark', 'community'].map((s) => isModelSubject(s as never))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives no subject to honest wording', () => {
    expect(withSubject(detectClaims('Llama 2 has open weights.')[0]!).subject).toBeUndefined();
  });
});
