/**
 * "Scan automatically" works per group of known sites: the keys of Settings.autoScan. Each detector in lib/sites
 * names its group (`group`); the content script checks the group of the page's detector and the options page
 * lists the groups. Derived here so that a new site needs no edit in this file.
 */
import { SITE_GROUPS, groupOf } from '../sites';

export const SITE_GROUP_IDS: readonly string[] = SITE_GROUPS;

/** The settings group of a detector id (lib/sites `groupOf`). */
export const siteGroupOf: (detectorId: string) => string = groupOf;
