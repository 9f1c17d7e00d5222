import { z } from 'zod';
import { DEFAULT_HUB_ENDPOINT } from '../hub/endpoint';

export { DEFAULT_HUB_ENDPOINT };

/** Where the Hub is: https://huggingface.co unless the user (or a test) points Ajar at a mirror or stand-in. */
export const HubEndpointSchema = z
  .string()
  .url()
  .refine((s) => /^https?:\/\//i.test(s), 'must be an http(s) URL')
  .transform((s) => s.replace(/\/+$/, ''));

/*
 * Settings live in extension storage (wxt/storage, `local:` area, never synced):
 *   local:hubEndpoint  string        the Hub endpoint (advanced; above)
 *   local:hfToken      string|null   optional Hugging Face token, sent only to https://huggingface.co
 *   local:settings     Settings      everything else, one object (below)
 * Notes and reports are records, kept in IndexedDB (platform/records-db.ts), not here.
 */
export const SETTINGS_KEY = 'local:settings' as const;
export const HF_TOKEN_KEY = 'local:hfToken' as const;
export const HUB_ENDPOINT_KEY = 'local:hubEndpoint' as const;

export const LANGUAGES = ['auto', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A host name as typed by a user or taken from a URL: lower case, no scheme, path or port. */
export const HostSchema = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'not a host name',
  );

/** GitHub repository for public reports, "owner/name"; empty: not set. */
export const ReportRepoSchema = z
  .string()
  .regex(/^$|^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/, 'expected owner/name');

/** No public GitHub repository is set until the project has one; filing to the model's Hugging Face page works meanwhile. */
export const DEFAULT_REPORT_REPO = '';

export const CACHE_TTL_HOURS = { min: 1, max: 24 * 30, default: 24 } as const;

const hostList = z.array(HostSchema).max(500);

/**
 * Every field falls back to its default on its own (`.catch`), so one bad value never resets the others.
 * Content scripts read `disabledSites`, `autoScan`, `optInSites` and `badgeDensity`; the background reads
 * `cacheTtlHours`; pages read `language`.
 */
export const SettingsSchema = z.object({
  /** UI language; 'auto' follows the browser. */
  language: z.enum(LANGUAGES).catch('auto'),
  /** Badges for every claim, or only for openwashing ones. */
  badgeDensity: z.enum(['all', 'openwashing']).catch('all'),
  /** How long a Hub answer is reused before asking again. */
  cacheTtlHours: z.number().int().min(CACHE_TTL_HOURS.min).max(CACHE_TTL_HOURS.max).catch(CACHE_TTL_HOURS.default),
  /** Per-site off switch: hosts (and their subdomains) where Ajar shows nothing and scans nothing. */
  disabledSites: hostList.catch([]),
  /** Known site groups (lib/settings/sites.ts ids) → scan automatically; a missing id means yes. */
  autoScan: z.record(z.string().max(64), z.boolean()).catch({}),
  /** Other hosts the user opted in to scanning (each needs its optional host permission). */
  optInSites: hostList.catch([]),
  /** Where "File publicly" goes first. */
  reportTarget: z.enum(['huggingface', 'github']).catch('huggingface'),
  reportRepo: ReportRepoSchema.catch(DEFAULT_REPORT_REPO),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Reads whatever is stored (possibly nothing, possibly from an older version) as complete settings. */
export function readSettings(raw: unknown): Settings {
  return SettingsSchema.parse(raw && typeof raw === 'object' ? raw : {});
}

/** "https://Example.com:8080/x" or "www.example.com" → "example.com"-style host, or null. */
export function normalizeHost(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) s = new URL(s).hostname;
  } catch {
    return null;
  }
  s = s.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  return HostSchema.safeParse(s).success ? s : null;
}

/** A host matches an entry when it is the entry or one of its subdomains. */
export function hostMatches(host: string, entry: string): boolean {
  const h = host.toLowerCase();
  return h === entry || h.endsWith(`.${entry}`);
}

/** Is Ajar switched on for this host (the per-site on/off)? */
export function isSiteEnabled(settings: Settings, host: string): boolean {
  return !settings.disabledSites.some((e) => hostMatches(host, e));
}

/** Does a known site group scan automatically? */
export function autoScanEnabled(settings: Settings, siteId: string): boolean {
  return settings.autoScan[siteId] !== false;
}

/** Did the user opt in to scanning this (not otherwise known) host? */
export function isOptedIn(settings: Settings, host: string): boolean {
  return settings.optInSites.some((e) => hostMatches(host, e));
}

/** Hugging Face tokens are printable ASCII without spaces (the Hub client refuses anything else). */
export const HfTokenSchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,400}$/, 'a token is 8 or more printable characters without spaces');

/**
 * The token goes to the Hub and nowhere else: only when the endpoint is huggingface.co itself,
 * never to a mirror or a custom endpoint, which might not be the Hub.
 */
export function tokenForEndpoint(endpoint: string, token: string | null | undefined): string | undefined {
  if (!token || !HfTokenSchema.safeParse(token).success) return undefined;
  try {
    const u = new URL(endpoint);
    // Same scheme, host and port as the public Hub (the origin drops a default :443).
    return u.origin === new URL(DEFAULT_HUB_ENDPOINT).origin ? token : undefined;
  } catch {
    return undefined;
  }
}
