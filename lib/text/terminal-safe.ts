/*
 * Page and Hub text printed to a terminal must not drive the terminal. Escape sequences (CSI, OSC: erase a line,
 * move the cursor, set the title, write the clipboard via OSC 52), C1 controls (0x9B is a one-byte CSI on some
 * terminals), carriage returns (overwrite a line) and bidi controls (reorder what is shown) are removed; the
 * text around them stays. Pure functions, shared by every place the CLI prints untrusted text.
 */

/** Whole escape sequences, so their parameters ("[2K", "]0;title") do not litter the output. */
const ESCAPE_SEQUENCE =
  // OSC/DCS/SOS/PM/APC strings ended by BEL or ST, then CSI, then any other two-character escape. An unended
  // string loses only its ESC, so no page text after it is hidden.
  /\u001b[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b\[[0-?]*[ -/]*[@-~]?|\u001b[\s\S]?/g;

/** C0 (but tab and line feed), DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Bidi embeddings, overrides and isolates, the LRM/RLM marks and the Arabic letter mark. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** What --json output must escape on top of JSON.stringify: DEL, C1, bidi, and the Unicode line separators. */
const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/g;

/** Text that may keep its line breaks and tabs (a block the layout splits into lines). CR becomes LF. */
export function terminalSafeText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(BIDI, '');
}

/** One printed field: as terminalSafeText, and every line break, tab or other whitespace control becomes a space. */
export function terminalSafe(s: string): string {
  return terminalSafeText(s).replace(/[\t\n\u2028\u2029]/g, ' ');
}

/**
 * Every string (and object key) inside a value, made terminal-safe with terminalSafe: for printing a whole
 * verdict or claim list field by field without missing a field. Returns a copy; the input is not changed.
 */
export function terminalSafeDeep<T>(value: T): T {
  return deep(value) as T;
}

function deep(value: unknown): unknown {
  if (typeof value === 'string') return terminalSafe(value);
  if (Array.isArray(value)) return value.map(deep);
  if (value && typeof value === 'object') {
    // fromEntries defines own properties, so a "__proto__" key stays a plain key.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [terminalSafe(k), deep(v)]));
  }
  return value;
}

/**
 * JSON text safe to cat: JSON.stringify already escapes C0 controls; this escapes DEL, C1, bidi controls and
 * U+2028/U+2029 as \uXXXX too. Those characters only occur inside JSON strings, so the data parses back the same.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
