/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  testTimeout: 60000,
  // Files wait on PostgreSQL, child servers and Chromium more than on CPU: on 2 cores jest's
  // default (cores - 1 = one worker) left the machine half idle; 3 workers halve the run.
  maxWorkers: 3,
  // without DATABASE_URL: one embedded PostgreSQL for the whole run, in a temporary directory
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
