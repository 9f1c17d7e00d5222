import parseSpdx from 'spdx-expression-parse';
import spdxLicenseList from 'spdx-license-list';
import { FSF_LIBRE_BY_SPDX } from './hub-docs';

/** An entry of the SPDX License List as shipped by spdx-license-list. */
export interface SpdxLicense {
  id: string;
  name: string;
  url: string;
  osiApproved: boolean;
}

const SPDX_BY_LOWER = new Map<string, SpdxLicense>();
for (const [id, info] of Object.entries(spdxLicenseList)) {
  SPDX_BY_LOWER.set(id.toLowerCase(), { id, name: info.name, url: info.url, osiApproved: info.osiApproved });
}

/** Case-insensitive SPDX lookup ("apache-2.0" → Apache-2.0; deprecated ids like "GPL-3.0" are on the list too). */
export function spdxLicense(id: string): SpdxLicense | undefined {
  return SPDX_BY_LOWER.get(id.trim().toLowerCase());
}

/** Every SPDX license id (canonical spelling). */
export function spdxIds(): string[] {
  return [...SPDX_BY_LOWER.values()].map((l) => l.id);
}

/**
 * SPDX exception ids, so WITH clauses can be matched case-insensitively before spdx-expression-parse (which is
 * case-sensitive) sees them. Identifiers only, from the SPDX exceptions list.
 */
const SPDX_EXCEPTIONS = [
  '389-exception',
  'Asterisk-exception',
  'Autoconf-exception-2.0',
  'Autoconf-exception-3.0',
  'Autoconf-exception-generic',
  'Autoconf-exception-generic-3.0',
  'Autoconf-exception-macro',
  'Bison-exception-1.24',
  'Bison-exception-2.2',
  'Bootloader-exception',
  'Classpath-exception-2.0',
  'CLISP-exception-2.0',
  'cryptsetup-OpenSSL-exception',
  'DigiRule-FOSS-exception',
  'eCos-exception-2.0',
  'Fawkes-Runtime-exception',
  'FLTK-exception',
  'fmt-exception',
  'Font-exception-2.0',
  'freertos-exception-2.0',
  'GCC-exception-2.0',
  'GCC-exception-2.0-note',
  'GCC-exception-3.1',
  'Gmsh-exception',
  'GNAT-exception',
  'GNOME-examples-exception',
  'GNU-compiler-exception',
  'gnu-javamail-exception',
  'GPL-3.0-interface-exception',
  'GPL-3.0-linking-exception',
  'GPL-3.0-linking-source-exception',
  'GPL-CC-1.0',
  'GStreamer-exception-2005',
  'GStreamer-exception-2008',
  'i2p-gpl-java-exception',
  'KiCad-libraries-exception',
  'LGPL-3.0-linking-exception',
  'libpri-OpenH323-exception',
  'Libtool-exception',
  'Linux-syscall-note',
  'LLGPL',
  'LLVM-exception',
  'LZMA-exception',
  'mif-exception',
  'OCaml-LGPL-linking-exception',
  'OCCT-exception-1.0',
  'OpenJDK-assembly-exception-1.0',
  'openvpn-openssl-exception',
  'PS-or-PDF-font-exception-20170817',
  'QPL-1.0-INRIA-2004-exception',
  'Qt-GPL-exception-1.0',
  'Qt-LGPL-exception-1.1',
  'Qwt-exception-1.0',
  'SANE-exception',
  'SHL-2.0',
  'SHL-2.1',
  'stunnel-exception',
  'SWI-exception',
  'Swift-exception',
  'Texinfo-exception',
  'u-boot-exception-2.0',
  'UBDL-exception',
  'Universal-FOSS-exception-1.0',
  'vsftpd-openssl-exception',
  'WxWindows-exception-3.1',
  'x11vnc-openssl-exception',
] as const;
const EXCEPTION_BY_LOWER = new Map<string, string>(SPDX_EXCEPTIONS.map((e) => [e.toLowerCase(), e]));

/** FSF-libre flag for an SPDX id when we have it (Hub table facts; "-only", "-or-later" and deprecated forms share it). */
export function fsfLibre(id: string): boolean | null {
  const lower = id.toLowerCase();
  const direct = FSF_LIBRE_BY_SPDX.get(lower);
  if (direct !== undefined) return direct;
  const base = lower.replace(/-(only|or-later)$/, '').replace(/\+$/, '');
  return FSF_LIBRE_BY_SPDX.get(`${base}-only`) ?? FSF_LIBRE_BY_SPDX.get(base) ?? null;
}

/** A parsed SPDX expression, as returned by spdx-expression-parse. */
export type SpdxNode = parseSpdx.Info;
export type SpdxLeaf = parseSpdx.LicenseInfo;

export interface ParsedExpression {
  tree: SpdxNode;
  /** Placeholder LicenseRef → the original word it stands for (a Hub id or anything not on the SPDX list). */
  placeholders: Map<string, string>;
}

const PLACEHOLDER_PREFIX = 'LicenseRef-ajar-placeholder-';
const OPERATORS = new Set(['AND', 'OR', 'WITH']);

/**
 * Parse an SPDX expression case-insensitively. spdx-expression-parse only knows exact SPDX spellings, so each word is
 * first mapped to its canonical id; words it cannot know (Hub ids such as "llama3.1") become LicenseRef placeholders
 * that the caller resolves. Returns null for anything that is not a well-formed expression; never throws.
 */
export function parseExpression(input: string): ParsedExpression | null {
  const words = input.match(/\(|\)|[^\s()]+/g);
  if (!words || words.length === 0) return null;
  const placeholders = new Map<string, string>();
  const out: string[] = [];
  let previous = '';
  for (const word of words) {
    const upper = word.toUpperCase();
    if (word === '(' || word === ')') {
      out.push(word);
    } else if (OPERATORS.has(upper)) {
      out.push(upper);
    } else if (previous === 'WITH') {
      // After WITH only an exception is valid; an unknown one (e.g. "Commons-Clause") must fail, not pass silently.
      const exception = EXCEPTION_BY_LOWER.get(word.toLowerCase());
      if (!exception) return null;
      out.push(exception);
    } else {
      out.push(canonicalWord(word, placeholders));
    }
    previous = out[out.length - 1] ?? '';
  }
  try {
    return { tree: parseSpdx(out.join(' ')), placeholders };
  } catch {
    return null;
  }
}

function canonicalWord(word: string, placeholders: Map<string, string>): string {
  const plus = word.length > 1 && word.endsWith('+');
  const bare = plus ? word.slice(0, -1) : word;
  const lower = bare.toLowerCase();
  if (lower.startsWith('licenseref-') || lower.startsWith('documentref-')) {
    // Keep user LicenseRefs as written (only the prefix is case-normalised); they resolve to 'unknown'.
    const fixed = lower.startsWith('licenseref-') ? `LicenseRef-${bare.slice(11)}` : `DocumentRef-${bare.slice(12)}`;
    return fixed;
  }
  const known = SPDX_BY_LOWER.get(lower);
  if (known) {
    // "GPL-2.0+" is on the list as its own (deprecated) id, but the parser wants "GPL-2.0" followed by "+".
    return plus ? `${known.id}+` : known.id;
  }
  if (/^[a-z0-9.+-]+$/i.test(word)) {
    const key = `${PLACEHOLDER_PREFIX}${placeholders.size}`;
    placeholders.set(key, word);
    return key;
  }
  // Characters no SPDX id can contain: leave as is so the parser rejects the expression.
  return word;
}

/** The original word behind a placeholder leaf, or null when the leaf is a real SPDX/LicenseRef id. */
export function placeholderWord(parsed: ParsedExpression, leaf: SpdxLeaf): string | null {
  return parsed.placeholders.get(leaf.license) ?? null;
}

/** True when an expression is a bare leaf (no AND/OR). */
export function isLeaf(node: SpdxNode): node is SpdxLeaf {
  return (node as SpdxLeaf).license !== undefined;
}
