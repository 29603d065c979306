import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Import boundaries of the web app. no-restricted-imports matches an import as it is written, not
// the file it resolves to, so each rule is a regex over the specifier. A rule takes its options from
// the last block that sets it for a file, so the feature blocks repeat the server-code patterns.
const WEB_APP_SRC = 'hamro-concert.frontend/src';

/** Server code the web app (which runs in the browser) must never import. */
const SERVER_CODE_PATTERNS = [
  {
    regex: '(^|/)hamro-concert\\.api(\\.test)?(/|$)',
    message: 'The web app must not import the API: what it shares with the API comes from hamro-concert.contracts.',
  },
  {
    regex: '^(pg|drizzle-orm|express)(/|$)',
    message: 'Database and HTTP-server packages belong to the API, not the web app.',
  },
  {
    regex: `^(node:|(${builtinModules.filter((name) => /^[a-z][a-z0-9_]*$/.test(name)).join('|')})(/|$))`,
    message: "Node's own modules do not run in the browser.",
  },
];

/** The web app's feature folders (src/features/<name>). */
const FEATURES = readdirSync(new URL(`./${WEB_APP_SRC}/features`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.data/**',
      '**/coverage/**',
      '**/test-results/**',
      'hamro-concert.api/src/db/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // config.ts is the only reader of the environment in the API.
    files: ['hamro-concert.api/src/**/*.ts'],
    ignores: ['hamro-concert.api/src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through config.ts.' },
      ],
    },
  },
  {
    files: ['hamro-concert.frontend/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Web app: no server code. Anything of the API (the package, any subpath, or a relative path into
    // its folder), its database and HTTP-server packages, and Node's modules stay out of the browser.
    files: [`${WEB_APP_SRC}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: SERVER_CODE_PATTERNS }] },
  },
  // Web app: no imports between features. A file in src/features/<A>/ may not import from another
  // feature, whether as ../../<B>/… or through …/features/<B>/…; src/app composes the features. (The
  // first form would also refuse a folder inside a feature named after another feature: there is none.)
  ...FEATURES.map((feature) => {
    const others = FEATURES.filter((other) => other !== feature).join('|');
    const message = `Features do not import each other: src/app composes them (this file is in features/${feature}).`;
    return {
      files: [`${WEB_APP_SRC}/features/${feature}/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...SERVER_CODE_PATTERNS,
              { regex: `(^|/)features/(${others})(/|$)`, message },
              { regex: `^(\\.\\./)+(${others})(/|$)`, message },
            ],
          },
        ],
      },
    };
  }),
  {
    // API areas (src/components/<area>/): an area uses another only through that area's service. No
    // area imports a routes file (app.ts mounts them) or another area's repository.
    files: ['hamro-concert.api/src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '\\.routes(\\.js)?$',
              message: 'Routes are mounted by app.ts; an area uses another through its service, not its routes.',
            },
            {
              regex: '(^\\.\\./|/components/)[a-z-]+/[a-z-]+\\.repository(\\.js)?$',
              message: "An area uses another area's service, never its repository.",
            },
          ],
        },
      ],
    },
  },
  {
    // The contracts are shared with the browser and depend on zod only.
    files: ['hamro-concert.contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod$|\\./)', message: 'The contracts depend on zod only (and on each other).' }] },
      ],
    },
  },
  {
    // The web app's words come from its catalogs (src/i18n), in Nepali and English: no words written
    // into JSX, neither as text nor in the attributes and props that people read or hear. Strings
    // without a letter (symbols, digits, spaces) are not words.
    files: [`${WEB_APP_SRC}/**/*.tsx`],
    ignores: [`${WEB_APP_SRC}/**/*.test.tsx`, `${WEB_APP_SRC}/test/**`],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-valuetext',
              'title',
              'placeholder',
              'alt',
              'label',
              'legend',
              'intro',
              'tokenLabel',
              'explanation',
              'what',
              'emptyMeans',
            ],
          },
          words: { exclude: [/^[^\p{L}]*$/u] },
        },
      ],
    },
  },
  {
    // Tests read JSON response bodies loosely and assert on them.
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
