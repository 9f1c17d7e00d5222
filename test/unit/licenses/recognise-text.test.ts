import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { recogniseLicenseText } from '../../../lib/licenses/recognise-text';

const corpus = resolve(__dirname, '../../../../shared/corpus/model_cards');

describe('recognising a LICENSE file by its text', () => {
  it.each([
    ['OPT-175B LICENSE AGREEMENT\n\nThis License Agreement ...', 'opt-175b'],
    ['<h2 align="center"> OPT-175B LICENSE AGREEMENT </h2>\n\nThis License Agreement ...', 'opt-175b'],
    [
      'TENCENT HUNYUAN COMMUNITY LICENSE AGREEMENT\nTencent Hunyuan Release Date: 2024/5/14\n',
      'tencent-hunyuan-community',
    ],
    ['NVIDIA Open Model License Agreement\n\nIMPORTANT NOTICE\n', 'nvidia-open-model-license'],
    ['The ChatGLM3-6B License\n\n1. 定义\n', 'glm-license'],
    ['AI2 ImpACT License – Low Risk Artifacts\n=====\n### Version 2.0\n', 'ai2-impact-license-low-risk'],
    ['LLAMA 2 COMMUNITY LICENSE AGREEMENT\nLlama 2 Version Release Date: July 18, 2023\n', 'llama2'],
  ])('recognises %j', (text, id) => {
    expect(recogniseLicenseText(text)?.assessment.id).toBe(id);
  });

  it('recognises Apache-2.0 and MIT only when the file is that licence', () => {
    expect(
      recogniseLicenseText(
        '                                 Apache License\n                           Version 2.0, January 2004\n',
      )?.assessment.id,
    ).toBe('Apache-2.0');
    const mit =
      'MIT License\n\nCopyright (c) 2024 Someone\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software...\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY';
    expect(recogniseLicenseText(mit)?.assessment.id).toBe('MIT');
    // A custom licence that mentions Apache is not Apache.
    expect(
      recogniseLicenseText(
        'Some Model License Version 1.0\n\nThis license is, in part, based on the Apache License Version 2.0',
      ),
    ).toBeNull();
    // A modified MIT licence is not MIT.
    expect(recogniseLicenseText(mit.replace('MIT License', 'Modified MIT License'))).toBeNull();
  });

  it('returns null for text that names no licence', () => {
    expect(recogniseLicenseText('# My model\n\nSome words.')).toBeNull();
    expect(recogniseLicenseText('')).toBeNull();
  });

  it.skipIf(!existsSync(corpus))('reads the real LICENSE files of the corpus', () => {
    const llama = readFileSync(resolve(corpus, 'meta-llama__Llama-2-7b-hf.LICENSE.txt'), 'utf8');
    expect(recogniseLicenseText(llama)?.assessment.id).toBe('llama2');
    // The May-2023 Falcon licence is a modified Apache licence with royalties: not Apache-2.0.
    const falcon = readFileSync(resolve(corpus, 'tiiuae__falcon-40b.early-TII-license.LICENSE.txt'), 'utf8');
    expect(recogniseLicenseText(falcon)?.assessment.id ?? null).not.toBe('Apache-2.0');
  });
});
