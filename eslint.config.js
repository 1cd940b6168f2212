// `pnpm lint` runs this after tsc. Two jobs: typescript-eslint's recommended rules (syntax only,
// no type information: fast on two cores), and the architecture's boundaries, which until now
// held by discipline only. Each boundary's reason is beside it; docs/nodes.md has them in prose.
// No stylistic rules: formatting is not checked here.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const SOURCE = '**/*.{ts,tsx,js,mjs}';

// The parts of the architecture. A dependency is checked where it resolves to, so a relative path
// reaching into another package is that package. `examples/*/src` are plugins: node types built
// outside the core exactly as a third party builds them.
const elements = [
  { type: 'node-sdk', pattern: ['packages/node-sdk/src', 'packages/node-sdk/dist'], partialMatch: false },
  { type: 'node-types', pattern: 'packages/nodes/src', partialMatch: false },
  { type: 'node-types', pattern: 'examples/*/src', capture: ['plugin'], partialMatch: false },
  { type: 'engine', pattern: 'packages/engine/src', partialMatch: false },
  { type: 'api', pattern: 'packages/api/src', partialMatch: false },
  { type: 'db', pattern: 'packages/db/src', partialMatch: false },
  { type: 'email', pattern: 'packages/email/src', partialMatch: false },
  { type: 'server', pattern: 'apps/server', partialMatch: false },
  { type: 'web', pattern: 'apps/web', partialMatch: false },
  { type: 'package', pattern: 'packages/*/src', capture: ['name'], partialMatch: false },
];

const anything = { to: { module: { origin: ['local', 'external', 'core'] } } };
const element = (type) => ({ element: { type } });
const external = (source) => ({ module: { origin: 'external', source } });

// Last matching policy wins; what no policy names is allowed.
const policies = [
  {
    // A node type runs inside the engine, the web app and third-party tests alike: it reaches the
    // world only through the SDK's context, so it imports the SDK, zod and its own files, nothing
    // else (no node: built-ins, no other @afterglow package, no other plugin).
    from: element('node-types'),
    disallow: anything,
    message: '{{dependency.source}}: a node type imports only zod, @afterglow/node-sdk and its own files (it reaches the rest through the SDK context)',
  },
  { from: element('node-types'), allow: { to: [element('node-sdk'), external(['zod', '@afterglow/node-sdk'])] } },
  {
    // Afterglow's own node types also speak through @afterglow/i18n (Serbian's Latin texts are its
    // Cyrillic ones transliterated; Intl formatting): isomorphic, no node: imports. A plugin cannot,
    // the package is not published.
    from: { element: { type: 'node-types' }, file: { categories: 'built-in-node' } },
    allow: { to: { element: { type: 'package', captured: { name: 'i18n' } } } },
  },
  {
    // Their translations test also checks the SMS example plugin's, as every plugin's should be.
    from: { element: { type: 'node-types' }, file: { categories: 'built-in-node-test' } },
    allow: { to: element('node-types') },
  },
  {
    // Its tests may also use the test runner, the testing harness and Node (a gateway on a port).
    from: { element: { type: 'node-types' }, file: { categories: 'test' } },
    allow: { to: [external(['vitest', '@afterglow/testing']), { element: { type: 'package', captured: { name: 'testing' } } }, { module: { origin: 'core' } }] },
  },
  {
    // A plugin's web widget (definePlugin's `widgets`, a file named *Widget.ts or *Widget.tsx) is a
    // React function component: it may import React too. The web app renders it with its own React
    // (one copy: react is the plugin's peer dependency); the rest of the plugin stays React-free.
    from: { element: { type: 'node-types' }, file: { categories: 'widget' } },
    allow: { to: external(['react', 'react/*']) },
  },
  {
    // The contract third parties install from a tarball: it can depend on nothing of ours.
    from: element('node-sdk'),
    disallow: anything,
    message: '{{dependency.source}}: @afterglow/node-sdk imports only zod and its own files: it is published and installed on its own',
  },
  { from: element('node-sdk'), allow: { to: external('zod') } },
  // Its tests, not shipped, may also use the test runner and Node (packing and installing it).
  { from: { element: { type: 'node-sdk' }, file: { categories: 'test' } }, allow: { to: [external('vitest'), { module: { origin: 'core' } }] } },
  {
    // The engine runs in workers with no HTTP layer and no UI: transport and React stay outside.
    from: element('engine'),
    disallow: { to: [element('api'), element('server'), element('web'),
      external(['@trpc/*', 'react', 'react-*', '@tanstack/react-*', '@xyflow/*'])] },
    message: '{{dependency.source}}: the engine never imports @afterglow/api, the apps, tRPC or React',
  },
  {
    // The browser bundle gets no server code: the API's router is known by its TYPE only.
    from: element('web'),
    disallow: { to: [element('api'), element('server'), element('engine'), element('db'), element('email')] },
    message: '{{dependency.source}}: apps/web imports only `import type { AppRouter } from \'@afterglow/api\'` from the server side (no server, engine, db or email)',
  },
  { from: element('web'), allow: { to: element('api'), dependency: { kind: 'type' } } },
];

// process.env is read in one module per app, where every setting is parsed and checked
// (apps/server/src/env.ts, apps/web/env.ts); everything else receives settings as arguments.
// Tests (tests/) keep reading their own switches (FUZZ_SEED, AFTERGLOW_QUARANTINED, ...).
const envMessage = 'process.env is read only in the app\'s env.ts (apps/server/src/env.ts, apps/web/env.ts); pass the setting in';

export default defineConfig(
  { ignores: ['**/node_modules/', '**/dist/', '.afterglow/', 'test-artifacts/', 'drizzle/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: [SOURCE],
    rules: {
      // `_` names what a destructuring leaves out; the rest keeps what is used.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // `cond ? a() : b()` and `x && f()` as statements are the house style in a few places.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: [SOURCE],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/files': [
        // A plugin's test support (a fake provider on a port) is test code too, never shipped.
        { category: 'test', pattern: ['**/*.test.{ts,tsx}', 'examples/*/src/test-support/**'] },
        { category: 'widget', pattern: 'examples/*/src/**/*Widget.{ts,tsx}' },
        { category: 'built-in-node', pattern: 'packages/nodes/src/**' },
        { category: 'built-in-node-test', pattern: 'packages/nodes/src/**/*.test.ts' },
      ],
      'import/resolver': { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', checkAllOrigins: true, checkUnknownLocals: true, policies }],
    },
  },
  {
    files: ['apps/**/*.{ts,tsx,js,mjs}', 'packages/*/src/**/*.{ts,tsx,js,mjs}', 'examples/*/src/**/*.{ts,tsx,js,mjs}'],
    // Each program's one reader of its environment (the scaffolder and the test harness too).
    ignores: ['apps/server/src/env.ts', 'apps/web/env.ts', 'packages/create-afterglow-node/src/env.ts', 'packages/testing/src/env.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: envMessage }],
      'no-restricted-imports': ['error', { paths: ['process', 'node:process'].map((name) => ({ name, importNames: ['env'], message: envMessage })) }],
    },
  },
  {
    // No string left behind: in every screen, text a user reads comes from the message catalogues
    // (apps/web/src/i18n/locales), never a literal in JSX.
    files: ['apps/web/src/**/*.tsx'],
    ignores: ['apps/web/src/**/*.test.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', {
        mode: 'jsx-only',
        // Of attributes, only those a person reads (the rest name icons, variants, styles).
        'jsx-attributes': { include: ['title', 'subtitle', 'label', 'placeholder', 'aria-label', 'alt', 'error'], exclude: ['.*'] },
        // Punctuation (a dash for "none" too), numbers, all-caps codes, and the product's name.
        words: { exclude: ['[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', '[—–·…]+', 'Afterglow'] },
      }],
    },
  },
  {
    // Build scripts run by Node itself (the prepack of the SDK and of the example plugins).
    files: ['packages/*/scripts/**/*.mjs', 'examples/*/scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
