/**
 * Recognising a licence by the text of a LICENSE file (when the metadata says `other`, nothing, or contradicts
 * itself). Licence texts open with their title ("OPT-175B LICENSE AGREEMENT", "TENCENT HUNYUAN COMMUNITY LICENSE
 * AGREEMENT", "The ChatGLM3-6B License"), so the first lines are read as licence names with the same anchored
 * patterns as license_name; Apache-2.0 and MIT are told by their grant wording, because their files often start
 * with a copyright line. A modified licence ("Modified MIT License") is never taken for the original.
 */
import { assessLicense } from './index';
import type { LicenseAssessment } from './types';

export interface TextRecognition {
  assessment: LicenseAssessment;
  /** The line or phrase of the text that identified the licence (a short quote). */
  evidence: string;
}

/** How many non-empty lines from the top may hold the title. */
const TITLE_LINES = 12;

function cleanLine(line: string): string {
  return line
    .replace(/<[^>]+>/g, ' ')
    .replace(/[#*_`>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const MODIFIED = /\b(?:modified|amended|adapted|custom)\b/i;

export function recogniseLicenseText(text: string): TextRecognition | null {
  const lines = text
    .split(/\r?\n/)
    .map(cleanLine)
    .filter((l) => l.length > 0);
  const head = lines.slice(0, TITLE_LINES);
  if (head.some((l) => MODIFIED.test(l) && /licen[cs]e/i.test(l))) {
    // "Modified MIT License" and the like: a different licence with a familiar name.
    return null;
  }
  for (const line of head) {
    if (line.length > 120 || !/licen[cs]e|agreement|terms/i.test(line)) continue;
    const a = assessLicense({ license: 'other', licenseName: line });
    if (a.id !== null) return { assessment: a, evidence: line };
  }
  // Only a file that IS the licence counts: "based on the Apache License" inside another licence does not.
  const first = head[0] ?? '';
  if (/^Apache License\b/i.test(first) && head.slice(0, 3).some((l) => /Version 2\.0/i.test(l))) {
    return { assessment: assessLicense({ license: 'apache-2.0' }), evidence: 'Apache License, Version 2.0' };
  }
  const titled = /^(?:The )?MIT License\b/i.test(first) || /^Copyright\b/i.test(first);
  const flat = lines.slice(0, 12).join(' ');
  const mit = /Permission is hereby granted, free of charge, to any person obtaining a copy/i.exec(flat);
  if (titled && mit && /THE SOFTWARE IS PROVIDED "AS IS"/i.test(text)) {
    return { assessment: assessLicense({ license: 'mit' }), evidence: mit[0] };
  }
  return null;
}
