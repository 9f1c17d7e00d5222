/**
 * Storage items and extension helpers now live in platform/ (defined once there). Kept so that components not
 * yet moved over import the same things; new code imports platform/storage and platform/extension directly.
 */
export {
  settingsItem,
  hfTokenItem,
  hubEndpointItem,
  loadSettings,
  saveSettings,
  watchSettings,
} from '@/platform/storage';
export { appVersion, openTab } from '@/platform/extension';
