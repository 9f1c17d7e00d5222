export * from './types';
export { assessLicense, isMorePermissive, licenseUrl, unknown as unknownLicense } from './classify';
export { licenseFamilies, licenseFamily } from './families';
export { LicenseFamilySchema, type LicenseFamily } from './family';
export { HUB_LICENSES, hubLicense, type HubLicense } from './hub';
