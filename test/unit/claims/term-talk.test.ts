// @vitest-environment node
/** Issue 11, point 4: talk about the term (definitions, comparisons of terms, questions) is not a claim. */
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../lib/claims/detect';

const claims = (t: string) =>
  detectClaims(t)
    .filter((c) => c.kind !== 'honest')
    .map((c) => c.phrase);

describe('talk about the term is not a claim', () => {
  it.each([
    // Comparisons of terms.
    ["It's essential to differentiate between free to use and open source when choosing Llama 3.1 405B."],
    ['People often confuse open weights versus open source, but Gemma 2 is a different case.'],
    ['Open source vs. open weights: what Mixtral 8x7B really offers.'],
    ['Hay que distinguir entre gratuito y código abierto al hablar de Llama 2.'],
    ['Il faut faire la différence entre gratuit et open source pour Llama 2.'],
    // Definitions and meaning.
    ['What open source means for Llama 2 users is still unclear.'],
    ['The term open source was coined for software, not for Llama 2.'],
    ['Open source means that anyone can study and modify the code.'],
    ['Open-source AI is the data, not the weights.'],
    ['Voici ce que signifie open source pour Llama 2.'],
    ['Was Open Source bei Llama 2 bedeutet, ist umstritten.'],
    ['El término código abierto no encaja con Llama 2.'],
    ['什么是开源大模型?这是一个问题'],
    ['“开源”一词最早用于软件。'],
    // Questions, with or without a question mark.
    ['Is Llama open source? What you actually need to know'],
    ['Is Llama 2 open source: what you actually need to know'],
    ['¿Es Llama 2 de código abierto'],
    ['Llama 2 est-il vraiment open source'],
    ['Llama 2 是开源的吗'],
    // Reported claims in a that-clause, and a class of others after a comparison.
    ['En el sitio web oficial los responsables de Meta indicaban que Llama 2 era Open Source y gratuito.'],
    ['Outperforms Llama-3-8B-Instruct and open-source finetunes/merges'],
    ['Most, like Llama and Falcon, are labeled as "open" or "open source."'],
  ])('%s', (text) => {
    expect(claims(text)).toEqual([]);
  });

  it.each([
    ['Llama 3.1 405B is open source.'],
    ['Gemma is a collection of lightweight open source generative AI models.'],
    ['Meta veröffentlicht LLaMA 3.1 und stellt es als Open-Source zur Verfügung.'],
    ["Ce qui distingue vraiment Llama, c'est sa nature open-source."],
    ['Llama es completamente open source, permitiendo uso comercial.'],
    ['GLM-4-9B 是 GLM-4 系列中的开源版本。'],
    ['The difference is that Llama 2 is open source and free for commercial use.'],
  ])('still a claim: %s', (text) => {
    expect(claims(text).length).toBeGreaterThan(0);
  });
});
