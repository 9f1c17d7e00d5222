/** The Model Openness Framework class: from an exact MOT record, else from the live evidence per component. */
import type { Source } from '../sources';
import type { ModelEvidence } from '../evidence/types';
import type { MofComponent, MotRecord } from '../knowledge/types';
import type { Verdict } from './schema';
import type { ChosenLicense } from './license-freedoms';

/** One of the 17 MOF components, as the knowledge pack lists them. */
export type MofComponentSpec = Pick<MofComponent, 'name' | 'class' | 'required'>;

export function mofFor(
  evidence: ModelEvidence | null,
  lic: ChosenLicense | null,
  mot: MotRecord[],
  specs: readonly MofComponentSpec[],
): Verdict['mof'] {
  const rec = mot[0];
  if (rec) {
    const components = specs.map((spec) => {
      const c = rec.components.find((x) => x.name.toLowerCase() === spec.name.toLowerCase());
      const open = !!c && c.included && (c.fit === 'type-appropriate' || c.fit === 'open-other-type');
      return {
        name: spec.name,
        mofClass: spec.class,
        required: spec.required,
        status: open ? ('present' as const) : c?.included ? ('unknown' as const) : ('missing' as const),
        license: c?.effectiveLicense ?? null,
        url: c?.path || null,
        source: rec.source,
      };
    });
    // MOF recommends licences by content type; we count any open licence (as MOF 1.0 accepts
    // OSI-approved licences for parameters) and say when the strict reading gives a lower class.
    const cls = rec.mofClassAnyOpenLicense;
    const strict = rec.mofClass;
    const strictNote =
      cls && strict !== cls
        ? ` Counting only MOF's type-appropriate licences, it reaches ${strict ? `Class ${strict}` : 'no class'}.`
        : '';
    return {
      class: cls ?? 'none',
      reason:
        (cls
          ? `Model Openness Tool record "${rec.name}" reaches Class ${cls}.`
          : `Model Openness Tool record "${rec.name}" does not complete Class III: not every required component is released under an open licence.`) +
        strictNote,
      decidedBy: 'mot',
      components,
    };
  }
  // Live evidence speaks to few components: the final parameters, the model card and papers.
  const components = specs.map((s) => {
    let status: 'present' | 'missing' | 'unknown' = 'unknown';
    let license: string | null = null;
    let url: string | null = null;
    let source: Source | null = null;
    if (evidence && evidence.hubStatus === 'ok') {
      if (s.name === 'Model parameters (Final)') {
        source = evidence.weights.source;
        if (evidence.weights.status === 'absent') status = 'missing';
        else if (evidence.weights.status === 'present' && lic) {
          license = lic.assessment.id ?? lic.assessment.input;
          status =
            lic.assessment.status === 'open'
              ? 'present'
              : lic.assessment.status === 'restricted'
                ? 'missing'
                : 'unknown';
        }
      } else if (s.name === 'Model card') {
        status = evidence.card.present ? 'present' : 'unknown';
        source = evidence.card.source;
        url = evidence.card.source?.url ?? null;
      } else if (s.name === 'Research paper' && evidence.papers.length > 0) {
        status = 'present';
        url = evidence.papers[0]!.url;
        source = { title: `arXiv ${evidence.papers[0]!.id}`, url };
      }
    }
    return { name: s.name, mofClass: s.class, required: s.required, status, license, url, source };
  });
  const params = components.find((c) => c.name === 'Model parameters (Final)');
  if (params?.status === 'missing') {
    return {
      class: 'none',
      reason: 'Class III needs the final parameters under an open licence; they are missing or restricted.',
      decidedBy: 'evidence',
      components,
    };
  }
  return {
    class: 'unknown',
    reason:
      'No Model Openness Tool record for this model, and the Hub does not show the licences of the other required components.',
    decidedBy: 'evidence',
    components,
  };
}
