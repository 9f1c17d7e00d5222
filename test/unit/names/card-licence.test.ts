import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assessLicense } from '../../../lib/licenses';
import { cardLicenceConflicts, readCardLicenceStatements } from '../../../lib/names';

const devCards = resolve(__dirname, '../../../../shared/dev-corpus/model-cards');
const cards = resolve(__dirname, '../../../../shared/corpus/model_cards');

// The distilled-model case of issue 10: metadata `license: mit`, card naming the Llama 3.1 licence of its base.
const DISTILLED = [
  '---',
  'license: mit',
  'library_name: transformers',
  '---',
  '# DeepSeek-R1-Distill-Llama-8B',
  '',
  'DeepSeek-R1-Distill-Llama-8B is derived from Llama3.1-8B-Base and is originally licensed under llama3.1 license.',
  '',
].join('\n');

describe('licence statements in the card body', () => {
  it('reads "derived from X and originally licensed under Y" (the distilled model)', () => {
    const [s, ...rest] = readCardLicenceStatements(DISTILLED);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({
      kind: 'originally-licensed',
      scope: 'model',
      licence: 'llama3.1 license',
      derivedFrom: 'Llama3.1-8B-Base',
    });
    expect(s!.assessment.id).toBe('llama3.1');
    expect(s!.assessment.status).toBe('restricted');
    expect(s!.quote).toContain('originally licensed under llama3.1 license');
  });

  it('flags the conflict with the metadata, the stricter card side winning', () => {
    const metadata = assessLicense({ license: 'mit' });
    const conflicts = cardLicenceConflicts(metadata, readCardLicenceStatements(DISTILLED));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.stricter).toBe('card');
    expect(conflicts[0]!.statement.assessment.id).toBe('llama3.1');
    // No conflict when the card repeats its metadata.
    expect(cardLicenceConflicts(assessLicense({ license: 'llama3.1' }), readCardLicenceStatements(DISTILLED))).toEqual(
      [],
    );
  });

  it('reads "released under", markdown links and **License:** fields', () => {
    const st = readCardLicenceStatements(
      [
        'The weights are released under the [TII Falcon License 2.0](https://falconllm-staging.tii.ae/falcon-2-terms-and-conditions.html), which includes an acceptable use policy.',
        '- **License:** [AI2 ImpACT](https://allenai.org/impact-license) Low-risk license.',
        'This model is licensed under the Llama 3.1 Community License.',
      ].join('\n'),
    );
    expect(st.map((s) => [s.kind, s.assessment.id])).toEqual([
      ['licensed-under', 'tii-falcon'],
      ['license-field', 'ai2-impact-license-low-risk'],
      ['licensed-under', 'llama3.1'],
    ]);
  });

  it('keeps code licences apart from the weights', () => {
    const st = readCardLicenceStatements(
      'The code is licensed under Apache-2.0, while the model weights are subject to the Model License Agreement.',
    );
    expect(st[0]).toMatchObject({ scope: 'code', licence: 'Apache-2.0' });
    expect(st[1]).toMatchObject({ scope: 'model', licence: 'Model License Agreement' });
    expect(cardLicenceConflicts(assessLicense({ license: 'other' }), st).map((c) => c.statement.scope)).not.toContain(
      'code',
    );
  });

  it('ignores descriptions that are not licence names', () => {
    expect(
      readCardLicenceStatements(
        '- **License:** A custom commercial license is available at: https://ai.meta.com/resources/models-and-libraries/llama-downloads/',
      ),
    ).toEqual([]);
    expect(readCardLicenceStatements('Use of this model is governed by this Agreement.')).toEqual([]);
    expect(readCardLicenceStatements('No licence words here at all.')).toEqual([]);
  });

  it.skipIf(!existsSync(devCards))('reads the real dev-corpus cards', () => {
    const read = (f: string) => readCardLicenceStatements(readFileSync(resolve(devCards, f), 'utf8'));
    const orca = read('microsoft__Orca-2-13b.README.md');
    expect(orca.map((s) => s.assessment.id)).toEqual(['microsoft-research-license', 'llama2']);
    // The second sentence is about Llama 2, the base: its subject says so.
    expect(orca[1]!.subject).toMatch(/Llama 2/);
    expect(read('allenai__tulu-2-dpo-70b.README.md')[0]?.assessment.id).toBe('ai2-impact-license-low-risk');
    expect(read('internlm__internlm2_5-7b-chat.README.md').map((s) => s.scope)).toEqual(['code']);
    expect(read('TheBloke__Falcon-180B-Chat-GGUF.README.md')[0]?.assessment.id).toBe('falcon-180b');
    expect(read('bigcode__starcoder2-15b.README.md')[0]?.assessment.id).toBe('bigcode-openrail-m');
  });

  it.skipIf(!existsSync(cards))('reads the real corpus cards', () => {
    const falcon2 = readCardLicenceStatements(readFileSync(resolve(cards, 'tiiuae__falcon-11B.README.md'), 'utf8'));
    expect(falcon2[0]?.assessment.id).toBe('tii-falcon');
    // Metadata "unknown" against a recognised card licence: reported, with no side known stricter.
    const conflicts = cardLicenceConflicts(assessLicense({ license: 'unknown' }), falcon2);
    expect(conflicts[0]?.statement.assessment.id).toBe('tii-falcon');
  });
});
