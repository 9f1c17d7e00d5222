import { browser } from 'wxt/browser';
import { i18n, type GeneratedI18nStructure } from '#i18n';
import type { Language } from '@/lib/settings/schema';
import type { Label } from '@/lib/verdict/schema';

/*
 * UI text through @wxt-dev/i18n (locales/*.yml → _locales/<lang>/messages.json at build time, typed keys).
 * "auto" uses the browser's language (browser.i18n, synchronous: no cost at first paint). A language chosen in
 * Options is loaded once from the extension's own _locales/<lang>/messages.json, since browser.i18n cannot
 * switch language at run time. Placeholders are named: "{count} notes".
 */

export type MessageKey = Exclude<keyof GeneratedI18nStructure & string, `@@${string}`>;
export type Subs = Record<string, string | number>;
type Catalog = Record<string, { message: string } | undefined>;

let catalog: Catalog | null = null;
let locale = 'en';

const NAMED = /\{([A-Za-z0-9_]+)\}/g;
function fill(message: string, subs?: Subs): string {
  return subs
    ? message.replace(NAMED, (m, k: string) => (Object.prototype.hasOwnProperty.call(subs, k) ? String(subs[k]) : m))
    : message;
}

/** The language for dates and numbers: the chosen one, else the browser's. */
export function currentLocale(): string {
  return locale;
}

/** Uses a catalog directly (tests; or a language chosen in Options). */
export function useCatalog(messages: Catalog | null, lang = 'en'): void {
  catalog = messages;
  locale = lang;
}

/** Applies the language setting: 'auto' follows the browser; otherwise loads that catalog (falls back to auto). */
export async function applyLanguage(language: Language): Promise<void> {
  if (language === 'auto') {
    catalog = null;
    try {
      locale = browser.i18n.getUILanguage() || 'en';
    } catch {
      locale = 'en';
    }
    return;
  }
  try {
    const res = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json` as '/popup.html'));
    if (!res.ok) throw new Error(String(res.status));
    useCatalog((await res.json()) as Catalog, language);
  } catch {
    await applyLanguage('auto');
  }
}

export function t(key: MessageKey, subs?: Subs): string {
  const flat = key.replaceAll('.', '_');
  let message = catalog?.[flat]?.message;
  if (message === undefined) {
    try {
      message = (i18n.t as (k: string) => string)(key);
    } catch {
      message = '';
    }
  }
  return fill(message || key, subs);
}

/** Plural forms: "one | other" or "zero | one | other" in the catalog, chosen by count; {count} is filled. */
export function tn(key: MessageKey, count: number, subs?: Subs): string {
  const forms = t(key, { ...subs, count }).split(' | ');
  const form =
    forms.length === 3
      ? forms[count === 0 ? 0 : count === 1 ? 1 : 2]
      : forms.length === 2
        ? forms[count === 1 ? 0 : 1]
        : forms[0];
  return form ?? '';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return d.toISOString();
  }
}

export function labelText(label: Label): string {
  return t(`label.${label.replaceAll('-', '_')}.text` as MessageKey);
}
export function labelHint(label: Label): string {
  return t(`label.${label.replaceAll('-', '_')}.hint` as MessageKey);
}

/** Status words (granted, missing, yes, pass, …) shown in tables. */
export function statusText(status: string): string {
  return t(`status.${status}` as MessageKey);
}
