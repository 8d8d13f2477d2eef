// Lint for the whole repository: typescript-eslint strict with type information, Next.js, React
// hooks, accessibility of JSX, reasons on every disable comment, and the architecture's own rules
// (docs/architecture/README.md). `npm run lint` runs it with zero warnings allowed (scripts/test.sh).
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import nextPlugin from '@next/eslint-plugin-next';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const FS_RULE = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'].map((name) => ({
  name,
  message: 'Content files are read by the content index (lib/content/index/) only: ask lib/content/queries.ts.',
}));
/** Files that read files that are not content, each for its own reason. */
const FS_EXCEPTIONS = [
  // The ISR cache handlers keep Next's pages on disk (ADR 0009).
  'lib/cache/*.mjs',
  // Renditions: made from the picture files under public/ that stories name, written to and served from disk (ADR 0016).
  'lib/media/render.ts',
  'lib/media/serve.ts',
  // Share images are drawn with the bundled font files.
  'lib/seo/share-image.tsx',
  // Sitemap tests validate against the XML schemas kept beside this file.
  'lib/seo/xsd/validate.ts',
  // The check asks whether a picture a story names exists under public/.
  'lib/content/links.ts',
  // The check reads the pictures under public/: their size, and any location data in them.
  'lib/media/inspect-image.ts',
  // Feeds give a picture's real type and size, read from its file under public/.
  'lib/media/image-file.ts',
  // The production server reads the build's own stylesheet to write it into each page (ADR 0006).
  'lib/server/inline-css.mjs',
];
/** Test code builds its fixtures on disk. */
const TEST_FILES = ['**/*.test.ts', 'lib/**/test-*.ts'];
/** The content index is used through its public module; its tables are lib/content's and lib/search's. */
const INDEX_RULE = [
  {
    group: ['@/lib/content/index/*', '!@/lib/content/index/runtime', '../index/*', './index/*'],
    message: 'Use the content index through lib/content/index/runtime.ts (or lib/content/queries.ts).',
  },
];
const LAYER_RULE = { group: ['@/app/*', '@/components/*'], message: 'lib/ never imports from app/ or components/.' };

export default tseslint.config(
  {
    ignores: [
      '**/.next/**',
      '**/*.d.mts',
      '.e2e/**',
      'node_modules/**',
      'reports/**',
      'test-results/**',
      'next-env.d.ts',
      'public/**',
      'bench/floor-app/**',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  nextPlugin.configs['core-web-vitals']
    ? {
        plugins: { '@next/next': nextPlugin },
        rules: { ...nextPlugin.configs.recommended.rules, ...nextPlugin.configs['core-web-vitals'].rules },
      }
    : {},
  jsxA11y.flatConfigs.strict,
  reactHooks.configs.flat.recommended,
  comments.recommended,
  {
    rules: {
      '@eslint-community/eslint-comments/require-description': 'error',
      '@eslint-community/eslint-comments/no-unused-disable': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      // With noUncheckedIndexedAccess every indexed read is optional; `!` marks the reads a bounds
      // check just above already guarantees (a loop index, a regex group that matched).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages and addresses are what templates are for.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Links are plain <a> by design: full page loads of cached pages, no client router (ADR 0006).
      '@next/next/no-html-link-for-pages': 'off',
      // `const { body, ...rest } = story` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  // Architecture (docs/architecture/README.md): who may read files, and who may import whom.
  // The content index's tables belong to lib/content (queries) and lib/search (its search tables);
  // everything else uses it through runtime.ts or lib/content/queries.ts.
  {
    files: ['app/**', 'components/**', 'proxy.ts', 'instrumentation.ts', 'next.config.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', { paths: FS_RULE, patterns: INDEX_RULE }] },
  },
  {
    files: ['lib/**'],
    ignores: ['lib/content/**', 'lib/search/**', ...TEST_FILES, ...FS_EXCEPTIONS],
    rules: { 'no-restricted-imports': ['error', { paths: FS_RULE, patterns: [...INDEX_RULE, LAYER_RULE] }] },
  },
  {
    files: ['lib/content/**', 'lib/search/**'],
    ignores: ['lib/content/index/**', ...TEST_FILES, ...FS_EXCEPTIONS],
    rules: { 'no-restricted-imports': ['error', { paths: FS_RULE, patterns: [LAYER_RULE] }] },
  },
  {
    files: FS_EXCEPTIONS,
    ignores: ['lib/content/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...INDEX_RULE, LAYER_RULE] }] },
  },
  {
    files: ['lib/content/links.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LAYER_RULE] }] },
  },
);
