// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLAIM_PREFILTER, detectClaims } from '../../../lib/claims/detect';

const kinds = (text: string) => detectClaims(text).map((c) => [c.kind, c.phrase]);
const one = (text: string) => {
  const found = detectClaims(text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
};

describe('claim strength', () => {
  it.each([
    ['Llama 3 is open source.', 'open source'],
    ['Llama 3 is an open-source model.', 'open-source'],
    ['Llama 3 is opensource.', 'opensource'],
    ['Meta is committed to open source AI with Llama 3.', 'open source AI'],
    ['OLMo is fully open.', 'fully open'],
    ['OLMo is a truly open model.', 'truly open'],
    ['OLMo is 100% open.', '100% open'],
    ['Meta open-sourced Llama 3 last year.', 'open-sourced'],
    ['Falcon-40B is the best open-source model available.', 'open-source'],
  ])('strong: %s', (text, phrase) => {
    expect(kinds(text)).toEqual([['strong', phrase]]);
  });

  it.each([
    ['Llama 3 is an open model.', 'open model'],
    ['Llama 3 is openly available to developers.', 'openly available'],
    ['This is an open release of Llama 3.', 'open release'],
    ['This model is open access and available to all.', 'open access'],
    ['StarCoder2 is a family of open-access large language models.', 'open-access'],
    ['Since Meta is openly releasing these models, emissions are not incurred by others.', 'openly releasing'],
  ])('vague: %s', (text, phrase) => {
    expect(kinds(text)).toEqual([['vague', phrase]]);
  });

  it.each([
    ['Llama 3 has open weights.', 'open weights'],
    ['Meta Releases Llama 2 as Open-Weight Model', 'Open-Weight'],
    ['We make the model weights available under the license.', 'weights available'],
    ['The model is source-available.', 'source-available'],
    ['It ships under the Llama 3.1 Community License.', 'Llama 3.1 Community License'],
    ['All models are released under the Apache 2.0 licence.', 'Apache 2.0'],
    ['It is licensed under the Apache License, Version 2.0.', 'Apache License, Version 2.0'],
    ['Weights come under an OpenRAIL-M licence.', 'OpenRAIL-M'],
    ['Weights come under the CreativeML OpenRAIL-M licence.', 'CreativeML OpenRAIL-M'],
    ['The data is CC BY-NC 4.0.', 'CC BY-NC 4.0'],
    ['Use is governed by the Gemma Terms of Use.', 'Gemma Terms of Use'],
    ['Its openly available weights let developers run it.', 'openly available weights'],
  ])('honest: %s', (text, phrase) => {
    expect(kinds(text)).toEqual([['honest', phrase]]);
  });

  it('"open-weight" wins over "open", and "open weights" over "fully open"', () => {
    expect(kinds('An open-weight model.')).toEqual([['honest', 'open-weight']]);
    expect(kinds('OLMo is fully open weights.')).toEqual([['honest', 'open weights']]);
    expect(kinds('Open-weight only models like Llama 3.1 and Qwen 2.5.')).toEqual([['honest', 'Open-weight']]);
  });

  it('"not open source but open weights": the negated phrase goes, the honest one stays', () => {
    expect(kinds('Llama 2 is not open source but open weights.')).toEqual([['honest', 'open weights']]);
    expect(kinds('Llama 2 is an open-weight model, not open source.')).toEqual([['honest', 'open-weight']]);
  });

  it('reports offsets, language and the sentence', () => {
    const text = 'Intro sentence here. Llama 3 is open source. Another one.';
    const c = one(text);
    expect(text.slice(c.start, c.end)).toBe('open source');
    expect(c.sentence).toBe('Llama 3 is open source.');
    expect(c.sentenceStart).toBe(text.indexOf('Llama 3 is'));
    expect(c.lang).toBe('en');
  });

  it('keeps a long sentence to a window around the phrase', () => {
    const text = `${'word '.repeat(300)}Llama 3 is open source ${'word '.repeat(300)}.`;
    const c = one(text);
    expect(c.sentence.length).toBeLessThanOrEqual(400);
    expect(c.sentence).toContain('open source');
    expect(text.slice(c.sentenceStart!, c.sentenceStart! + c.sentence.length)).toBe(c.sentence);
  });
});

describe('negated and critical uses are not claims', () => {
  it.each([
    'Llama 3 is not open source.',
    "Llama 3 isn't truly open.",
    'Llama 3 isn’t truly open.',
    'It is not really open source.',
    'Llama 3 is far from open source.',
    'Llama 3 was never open source.',
    'The model was released under a custom license, though it was not technically "open source" in the OSI definition.',
    'Llama is available in the open, but not in the classic open-source sense: it carries a community license with restrictions.',
    'I agree, of course, that Falcon 180B is not open source (and that Falcon 40B is).',
    'It is non-open-source software.',
  ])('negation: %s', (text) => {
    expect(detectClaims(text).filter((c) => c.kind !== 'honest')).toEqual([]);
  });

  it('"not only open source" is not a negation', () => {
    expect(kinds('OLMo is not only open source, it is fast.')).toEqual([['strong', 'open source']]);
  });

  it.each([
    'The so-called "open source" Llama 3 model has a licence with limits.',
    'The so-called open source Llama 3 model has a licence with limits.',
    'Meta promotes its “open source” Llama 3.',
    'Meta promotes its "open source" Llama 3.',
    'Das „Open Source“-Modell Llama 3 hat Einschränkungen.',
    'Le modèle « open source » Llama 3 a des limites.',
    'Meta 推出了所谓"开源"的 Llama 3 模型。',
    'Meta 推出了“开源”的 Llama 3 模型。',
  ])('scare quotes: %s', (text) => {
    expect(detectClaims(text)).toEqual([]);
  });

  it.each([
    'Meta calls Llama "open source".',
    'Meta calls Llama open source.',
    'Llama 3 is marketed as open source.',
    'Llama 3 claims to be open source.',
    'Meta claims Llama 3 is open source.',
    'While Meta describes these models as open-source, their licensing terms have sparked controversy.',
    'Falcon LLM is proprietary license, while deceptfully advertised as "Open Source"',
    'The Open Source Initiative has questioned the legitimacy of Meta’s open-source claims.',
    'Great example of why I don\'t like the trend of calling licenses like this "open source" when they aren\'t compatible with the OSI definition.',
    'This is openwashing: Llama 3 is open source.',
    'Llama 3 does not meet the OSI definition of open source.',
    'Calling Llama 3 open source is misleading.',
    'Meta’s open-source label does not fit Llama 3.',
    'Is Llama 3.1 Really Open Source?',
    'Whether Llama 2 is open source or not has been debated since its release.',
    'Meta says Llama 3 is open source, but its licence restricts use.',
    'According to Meta, Llama 3 is open source.',
    'People often say Llama 2 is open source; it is not.',
    'Meta touts Llama 3 as open source.',
    'Llama 2 is open source in name only.',
    'Meta 声称 Llama 3 是开源的。',
  ])('critic quoting or doubting the claim: %s', (text) => {
    expect(detectClaims(text).filter((c) => c.kind !== 'honest')).toEqual([]);
  });

  it.each([
    'Llama-2-Chat models outperform open-source chat models on most benchmarks we tested.',
    'They outperform many of the available open source and closed chat models on common industry benchmarks.',
    'It shows superior performance compared to many open-source and commercial chat models.',
    'Unlike open-source models such as OLMo, Llama 3 has a custom licence.',
  ])('comparison with other open-source models: %s', (text) => {
    expect(detectClaims(text)).toEqual([]);
  });

  it.each([
    'We support the open source community.',
    'The Open Source Initiative published a definition.',
    'It was trained on open-source large-scale datasets.',
    'But open source is quickly closing the gap.',
    'See https://example.com/blog/llama2-open-source/ for more.',
    'Read example.org/open-source-ai today please.',
    'Open Source',
  ])('not a claim about a model: %s', (text) => {
    expect(detectClaims(text)).toEqual([]);
  });

  it.each([
    'Meta’s Llama 4 and the open source question',
    "Meta's Llama 4 and the open-source question.",
    'Llama 4 reopens the open source AI debate.',
    'Where Llama 4 leaves the open-source debates',
    'The open model dilemma for Meta and Llama 4',
    'Llama 4 und die Open-Source-Debatte',
    'Llama 4 und die Open-Source-Frage',
  ])('open source as the topic, not a property: %s', (text) => {
    expect(detectClaims(text)).toEqual([]);
  });

  it.each([
    ['OLMo is an open-source question answering model.', 'open-source'],
    ['OLMo is an open-source question-answering model.', 'open-source'],
    ['Llama 4 is open source, which settles the question.', 'open source'],
  ])('still a claim beside the word "question": %s', (text, phrase) => {
    expect(kinds(text)).toEqual([['strong', phrase]]);
  });
});

describe('word edges', () => {
  // The detector spells letters and digits out as ranges (cheaper to compile than \p{L} under /iu). Over the
  // scripts it reads, a phrase glued to a letter or digit must be rejected exactly where \p{L}/\p{N} would.
  const ranges: [number, number][] = [
    [0, 0x370],
    [0x2000, 0x2100],
    [0x3000, 0x3100],
    [0x3400, 0x4dc0],
    [0x4e00, 0xa000],
    [0xff00, 0xffbf],
  ];
  const chars: string[] = [];
  for (const [a, z] of ranges) for (let c = a; c < z; c += z - a > 0x1000 ? 97 : 1) chars.push(String.fromCharCode(c));
  const wordChar = /[\p{L}\p{N}_]/iu; // as the detector used to write it
  const glued = new Set(['-', '_', '/', '\\', '.', '=', '#', '@', '+', '~']);

  it('a letter or digit just before the phrase', () => {
    const wrong = chars.filter((ch) => {
      if (glued.has(ch)) return false;
      const text = `Llama 3 is ${ch}open source, as everyone knows.`;
      const at = text.indexOf('open source');
      return detectClaims(text).some((c) => c.start === at) === wordChar.test(ch);
    });
    expect(wrong.map((ch) => ch.charCodeAt(0).toString(16))).toEqual([]);
  });

  it('a letter or digit just after the phrase', () => {
    const wrong = chars.filter((ch) => {
      if (ch === '?' || ch === '？') return false; // a question is never a claim
      const text = `Llama 3 is open source${ch} really.`;
      const at = text.indexOf('open source') + 'open source'.length;
      return detectClaims(text).some((c) => c.end === at) === wordChar.test(ch);
    });
    expect(wrong.map((ch) => ch.charCodeAt(0).toString(16))).toEqual([]);
  });
});

describe('languages', () => {
  it.each([
    ['Llama 3 ist Open Source.', 'strong', 'Open Source', 'de'],
    ['Llama 3 ist quelloffen.', 'strong', 'quelloffen', 'de'],
    ['Das ist ein quelloffenes Modell.', 'strong', 'quelloffenes', 'de'],
    ['Llama 3 est open source.', 'strong', 'open source', 'fr'],
    ['Llama 3 est publié en code source ouvert.', 'strong', 'code source ouvert', 'fr'],
    ['Llama 3 es de código abierto.', 'strong', 'código abierto', 'es'],
    ['Llama 3 是开源的。', 'strong', '开源', 'zh'],
    ['Llama 3 是完全开源的。', 'strong', '完全开源', 'zh'],
    ['Llama 3 提供开放权重。', 'honest', '开放权重', 'zh'],
    ['Llama 3 hat offene Gewichte.', 'honest', 'offene Gewichte', 'de'],
  ])('%s', (text, kind, phrase, lang) => {
    const c = one(text);
    expect([c.kind, c.phrase, c.lang]).toEqual([kind, phrase, lang]);
  });

  it.each([
    'Llama 3 ist nicht Open Source.',
    'Llama 3 ist kein Open-Source-Modell.',
    "Llama 3 n'est pas open source.",
    'Llama 3 n’est pas vraiment open source.',
    "Ce n'est pas vraiment de l'open source.",
    'Llama 3 no es de código abierto.',
    'Llama 3 no es realmente código abierto.',
    'Gemma no es un modelo de código abierto.',
    'Gemma n’est pas un modèle open source.',
    'Llama 3 不是一个真正的开源模型。',
    'Llama 3 不是开源模型。',
    'Llama 3 并非真正的开源模型。',
  ])('negated: %s', (text) => {
    expect(detectClaims(text)).toEqual([]);
  });
});

describe('prefilter', () => {
  const fixture = JSON.parse(
    readFileSync(join(import.meta.dirname, '../../fixtures/claims/corpus-sentences.json'), 'utf8'),
  ) as { sentence: string }[];
  const samples = [
    ...fixture.map((f) => f.sentence),
    'Llama 3 ist quelloffen.',
    'Llama 3 es de código abierto.',
    'Llama 3 是开源的。',
    'Llama 3 提供开放权重。',
    'Licensed CC BY-NC 4.0.',
    'Use is governed by the Gemma Terms of Use.',
    'Released under Apache 2.0.',
    'It ships under the MIT License.',
  ];

  it('is true for every text the detector finds a claim in', () => {
    for (const s of samples) if (detectClaims(s).length > 0) expect(CLAIM_PREFILTER.test(s), s).toBe(true);
  });

  it('is false for ordinary text', () => {
    expect(CLAIM_PREFILTER.test('The committee met on Tuesday to discuss the budget.')).toBe(false);
  });
});

describe('hostile text', () => {
  it('keeps markup in claim text as text', () => {
    const text = '<img src=x onerror=alert(1)> Llama 3 is open source <script>alert("x")</script>';
    const c = one(text);
    expect(c.sentence).toBe(text);
    expect(c.phrase).toBe('open source');
  });

  it.each([
    ['open ', 200_000],
    ['open open-', 100_000],
    ['open source ', 90_000],
    ['"open source" ', 70_000],
    ['not open source. ', 60_000],
    ['fully ', 170_000],
    ['开源', 500_000],
    ['open-weights-', 80_000],
  ])('1 MB of %j does not blow up', (unit, n) => {
    const text = unit.repeat(n);
    const t0 = performance.now();
    const found = detectClaims(text);
    const ms = performance.now() - t0;
    console.log(
      `detectClaims on ${(text.length / 1e6).toFixed(2)} MB of ${JSON.stringify(unit)}: ${ms.toFixed(1)} ms, ${found.length} claims`,
    );
    expect(found.length).toBeLessThanOrEqual(2000);
  });
});

describe('speed', () => {
  it('prints the time on ordinary prose', () => {
    const para =
      'Meta has introduced the fourth generation of its Llama models as part of its effort to lead in the open-source AI space. ' +
      'The committee met on Tuesday to discuss the budget for next year, and nothing else happened. ';
    const article = para.repeat(2000);
    const plain =
      'The committee met on Tuesday to discuss the budget for next year, and nothing else happened. '.repeat(5000);
    const time = (s: string) => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        detectClaims(s);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const a = time(article);
    const p = time(plain);
    const small = time(para);
    console.log(
      `detectClaims: ${(article.length / 1e3).toFixed(0)} kB prose with a claim every ${para.length} chars: ${a.toFixed(2)} ms; ` +
        `${(plain.length / 1e3).toFixed(0)} kB prose without claims: ${p.toFixed(2)} ms; one ${para.length}-char paragraph: ${(small * 1000).toFixed(0)} µs`,
    );
    expect(a).toBeGreaterThanOrEqual(0);
  });
});
