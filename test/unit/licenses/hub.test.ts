import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  HUB_LICENSES,
  LicenseAssessmentSchema,
  assessLicense,
  hubLicense,
  licenseFamilies,
} from '../../../lib/licenses';

/** The Hub's documented licence ids, straight from the shared data the knowledge pack is built from. */
const TSV_IDS = readFileSync(resolve(import.meta.dirname, '../../../../shared/data/hf-licenses.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0]!.trim())
  .filter(Boolean);

const VERSION_FAMILY_IDS = new Set(['bsd', 'gpl', 'lgpl', 'cc', 'gfdl']);
const familyHubIds = new Set(licenseFamilies.flatMap((f) => f.recognise.hubIds));

describe('Hugging Face Hub licence ids', () => {
  it('knows every id in hf-licenses.tsv, and each id once', () => {
    expect(TSV_IDS.length).toBeGreaterThan(50);
    for (const id of TSV_IDS) expect(hubLicense(id)?.id, id).toBe(id);
    expect(new Set(HUB_LICENSES.map((h) => h.id)).size).toBe(HUB_LICENSES.length);
  });

  it('knows every Hub id a licence family claims, and it classifies to that family', () => {
    for (const f of licenseFamilies) {
      for (const id of f.recognise.hubIds) {
        expect(hubLicense(id), `${f.id}: ${id}`).toBeDefined();
        expect(assessLicense({ license: id }).id, `${f.id}: ${id}`).toBe(f.id);
      }
    }
  });

  it.each(HUB_LICENSES.map((h) => [h.id, h] as const))(
    '%s classifies without throwing into a valid assessment',
    (id) => {
      const a = assessLicense({ license: id });
      expect(() => LicenseAssessmentSchema.parse(a)).not.toThrow();
      expect(a.input).toBe(id);
    },
  );

  it('never calls a Hub id without an OSI-approved SPDX equivalent open, except reviewed content licences', () => {
    for (const h of HUB_LICENSES) {
      const a = assessLicense({ license: h.id });
      if (h.spdx === null && !VERSION_FAMILY_IDS.has(h.id)) {
        // custom model licences, "unknown", "other"
        expect(a.status, h.id).not.toBe('open');
      }
      if (a.status === 'open' && a.osiApproved !== true) {
        // Not OSI: must say which review made it open, and be a content/data or FSF-reviewed licence.
        expect(a.reason, h.id).toMatch(/reviewed/);
      }
    }
  });

  it('calls every Hub id whose SPDX equivalent is OSI-approved open', () => {
    for (const h of HUB_LICENSES.filter((x) => x.osiApproved === true)) {
      const a = assessLicense({ license: h.id });
      expect(a.status, h.id).toBe('open');
      expect(a.osiApproved, h.id).toBe(true);
    }
  });

  it('maps every custom Hub licence to a licence family', () => {
    const custom = HUB_LICENSES.filter(
      (h) => h.spdx === null && !VERSION_FAMILY_IDS.has(h.id) && !['unknown', 'other', 'lgpl-lr'].includes(h.id),
    );
    for (const h of custom) expect(familyHubIds.has(h.id), h.id).toBe(true);
  });

  it('marks free content/data licences open for their content type, not as OSI software licences', () => {
    for (const id of ['cc-by-4.0', 'cc-by-sa-4.0', 'cc0-1.0', 'odc-by', 'pddl', 'cdla-permissive-2.0', 'odbl']) {
      const a = assessLicense({ license: id });
      expect(a.status, id).toBe('open');
      expect(a.osiApproved, id).toBe(false);
      expect(['data', 'document'], id).toContain(a.contentType);
      expect(a.reason, id).toMatch(/^reviewed .*grants use, study, modify, share/);
      expect(
        Object.values(a.freedoms).every((f) => f === 'granted'),
        id,
      ).toBe(true);
    }
  });

  it('restricts every NonCommercial / NoDerivatives Creative Commons id', () => {
    const nc = HUB_LICENSES.filter((h) => /^cc-by-n[cd]/.test(h.id));
    expect(nc).toHaveLength(9);
    for (const h of nc) {
      const a = assessLicense({ license: h.id });
      expect(a.status, h.id).toBe('restricted');
      expect(a.osiApproved, h.id).toBe(false);
      if (/-nc/.test(h.id)) expect(a.freedoms.use, h.id).toBe('restricted');
      if (/-nd/.test(h.id)) {
        expect(a.freedoms.modify, h.id).toBe('restricted');
        expect(a.freedoms.share, h.id).toBe('restricted');
      }
    }
  });

  it('resolves the version-less family ids only when every version is open', () => {
    expect(assessLicense({ license: 'lgpl' }).status).toBe('open');
    for (const id of ['bsd', 'gpl', 'cc', 'gfdl']) {
      const a = assessLicense({ license: id });
      expect(a.status, id).toBe('unknown');
      expect(a.reason, id).toMatch(/version|elements/);
    }
    expect(assessLicense({ license: 'openrail' }).status).toBe('restricted');
  });

  it('treats "unknown" and a bare "other" as unknown', () => {
    expect(assessLicense({ license: 'unknown' }).status).toBe('unknown');
    expect(assessLicense({ license: 'other' }).status).toBe('unknown');
    expect(assessLicense({ license: 'other' }).reason).toMatch(/custom licence/);
    expect(assessLicense({}).status).toBe('unknown');
    expect(assessLicense({ license: null }).reason).toMatch(/no licence declared/);
  });

  it('reads Hub ids case-insensitively', () => {
    expect(assessLicense({ license: 'Apache-2.0' }).id).toBe('Apache-2.0');
    expect(assessLicense({ license: 'LLAMA3.1' }).id).toBe('llama3.1');
  });
});
