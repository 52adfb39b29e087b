// ESLint 9 flat config: Next's rules (core web vitals, React, hooks, a11y, import) with typescript-eslint, plus the
// React Compiler-era hooks rules (refs read during render, state set in effects). Formatting is Prettier's job.
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'contracts/**',
      'indexer/.ponder/**',
      'indexer/generated/**',
      'indexer/ponder-env.d.ts',
      'lib/chain/abis.generated.ts',
      'next-env.d.ts',
      'playwright-report/**',
      'test-results/**',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      'react-hooks/refs': 'error',
      // Unused arguments and caught errors named with a leading underscore are deliberate.
      // A rest sibling left unused is how an object loses a key (`const { id, ...rest } = row`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Routes are server components: each renders once per request, and its clock read is the request's time (the
    // purity rule is about client components that React may render again).
    files: ['app/**/*.tsx'],
    rules: { 'react-hooks/purity': 'off' },
  },
  {
    // CommonJS config files Next loads with require().
    files: ['*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

export default config;
