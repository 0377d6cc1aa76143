// Type-aware linting (typescript-eslint's recommended type-checked rules) for the whole project;
// formatting is Prettier's job (`npm run lint` checks both).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', 'coverage/', '.data/', 'test/bench/results/', 'console/dist/', 'console/src/api/schema.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Handlers, lease callbacks and fakes are async by contract (middy, the callers' types), with or without an await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read JSON answers as `any` on purpose: their assertions are what check the shape.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The console's app and tests are typed for the browser, by their own tsconfig; its scripts and configs run in Node (the root one).
    files: ['console/src/**/*.{ts,tsx}', 'console/test/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false, project: './console/tsconfig.json', tsconfigRootDir: import.meta.dirname } },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
