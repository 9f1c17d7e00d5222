export * from './types';
export { MODEL_FAMILIES } from './families';
export { CLOSED_PRODUCTS } from './closed';
export { createNameRegistry, nameRegistry, summariseLicences, type NameRegistry } from './registry';
export { nameTokens, nameKeyOf, isSizeToken } from './tokens';
export { findModelNames, type NameMention } from './find';
export {
  readCardLicenceStatements,
  cardLicenceConflicts,
  type CardLicenceStatement,
  type LicenceConflict,
} from './card-licence';
export { applyNameResolution, familyLookup, assessMemberLicence } from './verdict-input';
