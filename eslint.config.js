// ESLint (flat config): typescript-eslint's recommended rules, and the house rule that lib/ is pure logic: no
// browser or DOM globals (detectors use the Document they are given), no extension API, no IndexedDB, no imports
// from the UI, the in-page runtime or the platform code. Formatting is Prettier's (.prettierrc.json), not ESLint's.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Globals only a browser page or the extension has; lib/ code gets what it needs as arguments. */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'chrome',
  'browser',
  'indexedDB',
  'localStorage',
  'MutationObserver',
  'IntersectionObserver',
  'performance',
  'requestIdleCallback',
  'requestAnimationFrame',
  'getComputedStyle',
  'CSS',
  'Highlight',
];

/** Homes lib/ must not import from (the UI, entry points, the in-page runtime, the platform adapters). */
const OUTSIDE_LIB = ['components', 'entrypoints', 'content', 'platform'];

/**
 * no-restricted-imports for a lib/ file `depth` folders below the repository root (lib/x.ts: 1): the project
 * aliases, the relative paths that climb out of lib/ into a forbidden home, and the browser-only packages.
 * ESLint does not resolve paths, so the number of "../" that leaves lib/ is spelled out per depth.
 */
function libImportRule(depth) {
  const homes = OUTSIDE_LIB.join('|');
  return [
    'error',
    {
      paths: [
        { name: 'wxt/browser', message: 'lib/ has no extension API: take what you need as an argument.' },
        { name: 'idb', message: 'IndexedDB adapters live in platform/, not lib/.' },
      ],
      patterns: [
        {
          regex: `^(@|~|@@|~~)/(${homes})(/|$)`,
          message: 'lib/ is logic only: it must not import from the UI, entry points, content/ or platform/.',
        },
        {
          regex: `^(\\.\\./){${depth}}(${homes})(/|$)`,
          message: 'lib/ is logic only: it must not import from the UI, entry points, content/ or platform/.',
        },
        { regex: '^(wxt/|#)', message: 'lib/ does not depend on WXT or its virtual modules.' },
      ],
    },
  ];
}

const libGlobalsRule = [
  'error',
  ...BROWSER_GLOBALS.map((name) => ({
    name,
    message: `lib/ is pure logic: no ${name}. Take a Document, URL or clock as an argument, or move this to content/ or platform/.`,
  })),
];

/** The same globals reached through globalThis/self (globalThis.document) are just as impure. */
const libGlobalPropertiesRule = [
  'error',
  ...['globalThis', 'self'].flatMap((object) =>
    BROWSER_GLOBALS.map((property) => ({ object, property, message: `lib/ is pure logic: no ${object}.${property}.` })),
  ),
];

export default defineConfig(
  globalIgnores([
    '.output/',
    '.wxt/',
    '.cache/',
    'coverage/',
    'test-results/',
    'node_modules/',
    'public/',
    'lib/knowledge/pack.json',
  ]),
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.webextensions, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Unused names are mistakes, except a leading underscore (an argument a signature requires) and the rest
      // of a destructuring that drops keys on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Tests and browser drivers read untyped JSON (built manifests, page state) on purpose.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['lib/**/*.{ts,tsx,js}'],
    rules: {
      'no-restricted-globals': libGlobalsRule,
      'no-restricted-properties': libGlobalPropertiesRule,
    },
  },
  ...[1, 2, 3, 4, 5].map((depth) => ({
    files: [`lib/${'*/'.repeat(depth - 1)}*.{ts,tsx,js}`],
    rules: { 'no-restricted-imports': libImportRule(depth) },
  })),
);
