// Flat ESLint config: typescript-eslint's recommended rules, Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-bench/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
      '*.js',
      '*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The mapping layer is pure: no HTTP framework, no Odoo transport.
    files: ['src/mapping/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['express', 'xmlrpc', 'odoo-xmlrpc', 'http', 'https'] }],
    },
  },
  {
    // The XML-RPC libraries stay inside the Odoo client and the simulator.
    files: ['src/**/*.ts'],
    ignores: ['src/odoo/**', 'src/simulator/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['xmlrpc', 'odoo-xmlrpc'] }],
    },
  },
  {
    files: ['src/index.ts', 'src/cli/**/*.ts', 'src/simulator/main.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
