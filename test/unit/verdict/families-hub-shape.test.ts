// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubStandIn, type HubStandIn } from '../../fixtures/hub/server';
import { createHubClient } from '../../../lib/hub/client';
import { loadKnowledge } from '../../../lib/knowledge';
import { checkModel } from '../../../lib/check';
import { licenseFamilies, type LicenseFamily } from '../../../lib/licenses';

/**
 * Every licence family, declared the way repos on the Hub declare it (a Hub licence id, or `other` with
 * license_name and license_link), on a repo with safetensors weights, judged end to end.
 */
function declaration(f: LicenseFamily): Record<string, string> {
  if (f.recognise.hubIds[0]) return { license: f.recognise.hubIds[0] };
  if (f.recognise.spdxIds[0]) return { license: f.recognise.spdxIds[0] };
  return { license: 'other', license_name: f.name, license_link: f.sources[0]!.url };
}

function modelJson(id: string, cardData: Record<string, unknown>) {
  return {
    _id: id,
    id,
    modelId: id,
    author: id.split('/')[0],
    private: false,
    gated: false,
    tags: [
      'transformers',
      'safetensors',
      ...(typeof cardData.license === 'string' ? [`license:${cardData.license}`] : []),
    ],
    cardData,
    siblings: [{ rfilename: 'config.json' }, { rfilename: 'model.safetensors' }, { rfilename: 'README.md' }],
  };
}

const knowledge = loadKnowledge();
/** Repo names cannot hold '+' (openrail++). */
const repoFor = (familyId: string) => `ajar-families/${familyId.replace(/\+/g, 'plus')}`;
const models: Record<string, unknown> = {};
for (const f of licenseFamilies) models[repoFor(f.id)] = modelJson(repoFor(f.id), declaration(f));
for (const spdx of ['apache-2.0', 'mit', 'bsd-3-clause', 'gpl-3.0', 'cc-by-4.0'])
  models[`ajar-families/${spdx}`] = modelJson(`ajar-families/${spdx}`, { license: spdx });
models['ajar-families/unheard-of'] = modelJson('ajar-families/unheard-of', {
  license: 'other',
  license_name: 'acme-model-license-v9',
});

let standIn: HubStandIn;
beforeAll(async () => {
  standIn = await startHubStandIn({ models });
});
afterAll(async () => {
  await standIn.close();
});

async function verdict(id: string) {
  const hub = createHubClient({ endpoint: standIn.url, fetch });
  const r = await checkModel(id, { knowledge, hub, now: () => new Date('2026-11-22T00:00:00Z') });
  if (!r.ok) throw new Error(r.message);
  return r.verdict;
}

describe('each licence family, in the Hub shape', () => {
  it.each(licenseFamilies.filter((f) => f.status === 'restricted').map((f) => [f.id, f] as const))(
    '%s → restricted-weights with its clauses quoted',
    async (id, f) => {
      const v = await verdict(repoFor(id));
      expect([f.id, ...f.recognise.spdxIds]).toContain(v.license?.id);
      expect(v.label).toBe('restricted-weights');
      expect(v.osaid.verdict).toBe('fail');
      const restricted = (['use', 'study', 'modify', 'share'] as const).filter(
        (fr) => v.osaid.freedoms[fr].status === 'restricted',
      );
      expect(restricted.length).toBeGreaterThan(0);
      for (const fr of restricted) {
        const clause = v.osaid.freedoms[fr].reasons.find((r) => r.clause)?.clause;
        if (f.clauses.some((c) => c.freedoms.includes(fr))) {
          expect(clause, `${id}/${fr}`).toBeDefined();
          expect(clause!.source.url).toMatch(/^https?:\/\//);
        }
      }
    },
  );

  it.each(licenseFamilies.filter((f) => f.status === 'unknown').map((f) => f.id))(
    '%s (not reviewed) → unknown, never open',
    async (id) => {
      const v = await verdict(repoFor(id));
      expect(v.label).toBe('unknown');
      expect(v.license?.status).toBe('unknown');
      expect(v.openWeights.status).toBe('unknown');
    },
  );

  it.each(['apache-2.0', 'mit', 'bsd-3-clause', 'gpl-3.0', 'cc-by-4.0'])(
    '%s weights → open-weights, OSAID not shown',
    async (spdx) => {
      const v = await verdict(`ajar-families/${spdx}`);
      expect(v.label).toBe('open-weights');
      expect(v.osaid.verdict).toBe('unknown');
      expect(v.openWeights.status).toBe('yes');
    },
  );

  it('an unrecognised licence name is unknown', async () => {
    const v = await verdict('ajar-families/unheard-of');
    expect(v.label).toBe('unknown');
    expect(v.license?.status).toBe('unknown');
    // The one line the badge and the popup's page list show says what is missing: the licence is not known.
    expect(v.summary).toMatch(/Its licence \(.*acme-model-license-v9\) is not one Ajar recognises or has reviewed/);
  });
});
