import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../lib/knowledge';
import { classifyMof, createLicenseCanon, evaluateComponents, isNotIncludedMarker } from '../../../lib/knowledge/mof';

const k = loadKnowledge();
const canon = createLicenseCanon({ mofLicenses: k.mofLicenses, hubLicenses: k.pack.hubLicenses });
const specs = k.mofComponents;

/** A licence MOF lists for each content type, read from the pack rather than assumed. */
const listedFor = (t: 'code' | 'data' | 'document') => k.mofLicenses.find((l) => l.contentTypes.includes(t))!.id;

function allRequired(classes: number[], licence: (t: 'code' | 'data' | 'document') => string | null) {
  return specs
    .filter((c) => c.required && classes.includes(c.class))
    .map((c) => ({ name: c.name, license: licence(c.contentType) }));
}

describe('MOF components and licences in the pack', () => {
  it('has the 17 components with classes 1-3', () => {
    expect(specs).toHaveLength(17);
    expect(new Set(specs.map((c) => c.class))).toEqual(new Set([1, 2, 3]));
    expect(specs.find((c) => c.name === 'Model parameters (Final)')).toMatchObject({
      class: 3,
      required: true,
      contentType: 'data',
    });
  });

  it('merges licences listed once per content type', () => {
    const cc0 = k.mofLicenses.find((l) => l.id === 'CC0-1.0');
    expect(cc0?.contentTypes).toEqual(['data', 'document']);
    expect(new Set(k.mofLicenses.map((l) => l.id)).size).toBe(k.mofLicenses.length);
  });
});

describe('licence canonicalisation', () => {
  it('folds common spellings to SPDX ids', () => {
    expect(canon.canonical('Apache 2.0')).toBe('Apache-2.0');
    expect(canon.canonical('apache-2.0')).toBe('Apache-2.0');
    expect(canon.canonical('MIT license')).toBe('MIT');
    expect(canon.canonical('CC BY-SA 4.0')).toBe('CC-BY-SA-4.0');
    expect(canon.canonical('BSD-3')).toBe('BSD-3-Clause');
    expect(canon.canonical('Llama 2 Community License Agreement')).toBe('llama2');
    expect(canon.canonical('Some Custom Licence')).toBe('Some Custom Licence');
  });

  it('tells type-appropriate from open-but-other-type and not open', () => {
    expect(canon.fit('MIT', 'code')).toBe('type-appropriate');
    expect(canon.fit('Apache-2.0', 'data')).toBe('open-other-type');
    expect(canon.fit('CDLA-Permissive-2.0', 'data')).toBe('type-appropriate');
    expect(canon.fit('BSD-3-Clause', 'code')).toBe('open-other-type');
    expect(canon.fit('llama2', 'data')).toBe('not-open');
    expect(canon.fit('unlicensed', 'code')).toBe('none');
    expect(canon.fit(null, 'code')).toBe('none');
  });
});

describe('presence and inheritance', () => {
  it('reads "Component not included" in its spellings as absent', () => {
    for (const s of [
      'Component not included',
      'Component Component not included',
      'Component not include.',
      'Component Not Include',
    ])
      expect(isNotIncludedMarker(s), s).toBe(true);
    expect(isNotIncludedMarker('unlicensed')).toBe(false);
  });

  it('inherits type licence, then distribution licence; unlicensed stays unlicensed', () => {
    const out = evaluateComponents(
      [
        { name: 'Training code', license: null },
        { name: 'Model parameters (Final)', license: null },
        { name: 'Model card', license: 'unlicensed' },
        { name: 'Datasets', license: 'Component not included' },
      ],
      { distribution: 'Apache-2.0', code: 'MIT' },
      specs,
      canon,
    );
    expect(out).toEqual([
      { name: 'Training code', included: true, effectiveLicense: 'MIT', fit: 'type-appropriate' },
      { name: 'Model parameters (Final)', included: true, effectiveLicense: 'Apache-2.0', fit: 'open-other-type' },
      { name: 'Model card', included: true, effectiveLicense: null, fit: 'none' },
      { name: 'Datasets', included: false, effectiveLicense: null, fit: 'none' },
    ]);
  });
});

describe('class rule', () => {
  const open = (t: 'code' | 'data' | 'document') => listedFor(t);

  it('reaches III, II, I as required components of each class are added', () => {
    const c3 = evaluateComponents(allRequired([3], open), {}, specs, canon);
    expect(classifyMof(c3, specs).mofClass).toBe('III');
    const c2 = evaluateComponents(allRequired([3, 2], open), {}, specs, canon);
    expect(classifyMof(c2, specs).mofClass).toBe('II');
    const c1 = evaluateComponents(allRequired([3, 2, 1], open), {}, specs, canon);
    expect(classifyMof(c1, specs).mofClass).toBe('I');
  });

  it('needs every required class-3 component', () => {
    const c3 = allRequired([3], open).filter((c) => c.name !== 'Technical report');
    expect(classifyMof(evaluateComponents(c3, {}, specs, canon), specs)).toEqual({
      mofClass: null,
      mofClassAnyOpenLicense: null,
    });
  });

  it('counts Apache-2.0 weights only in the relaxed class', () => {
    const c3 = allRequired([3], (t) => (t === 'data' ? 'Apache-2.0' : open(t)));
    expect(classifyMof(evaluateComponents(c3, {}, specs, canon), specs)).toEqual({
      mofClass: null,
      mofClassAnyOpenLicense: 'III',
    });
  });

  it('ignores optional components', () => {
    const c3 = allRequired([3], open);
    const withOptional = [...c3, { name: 'Sample model outputs', license: 'Proprietary' }];
    expect(classifyMof(evaluateComponents(withOptional, {}, specs, canon), specs).mofClass).toBe('III');
  });

  it('stores the computed classes on MOT records', () => {
    for (const r of k.pack.mot) {
      const again = classifyMof(r.components, specs);
      expect(again, r.key).toEqual({ mofClass: r.mofClass, mofClassAnyOpenLicense: r.mofClassAnyOpenLicense });
    }
  });
});
