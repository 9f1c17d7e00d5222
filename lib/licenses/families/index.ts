import type { LicenseFamily } from '../family';
import { ai2ImpactFamilies } from './ai2-impact';
import { appleFamilies } from './apple';
import { ccNcFamilies, ccOtherFamilies } from './cc-nc';
import { deepseek } from './deepseek';
import { falconFamilies } from './falcon';
import { fluxDev } from './flux';
import { gemma } from './gemma';
import { llamaFamilies } from './llama';
import { mistralFamilies } from './mistral';
import { modelVendorFamilies } from './model-vendors';
import { asianModelFamilies } from './model-vendors-asia';
import { openrailFamilies } from './openrail';
import { qwenFamilies } from './qwen';
import { researchFamilies } from './research';
import { stabilityCommunity } from './stability';
import { unreviewedFamilies } from './unreviewed';

/** Every licence family Ajar recognises, in matching order (more specific first where patterns could overlap). */
export const licenseFamilies: readonly LicenseFamily[] = [
  ...llamaFamilies,
  gemma,
  ...qwenFamilies,
  deepseek,
  ...mistralFamilies,
  stabilityCommunity,
  ...falconFamilies,
  fluxDev,
  ...openrailFamilies,
  ...ccNcFamilies,
  ...ccOtherFamilies,
  ...appleFamilies,
  ...researchFamilies,
  ...ai2ImpactFamilies,
  ...modelVendorFamilies,
  ...asianModelFamilies,
  ...unreviewedFamilies,
];

const ids = new Set<string>();
for (const f of licenseFamilies) {
  if (ids.has(f.id)) throw new Error(`duplicate licence family id ${f.id}`);
  ids.add(f.id);
}

export function licenseFamily(id: string): LicenseFamily | undefined {
  return licenseFamilies.find((f) => f.id === id);
}
