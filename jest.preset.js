import { fileURLToPath } from 'node:url';

const contracts = fileURLToPath(new URL('./libs/contracts/src/index.ts', import.meta.url));

/**
 * Shared Jest settings: TypeScript compiled by SWC to native ES modules (NestJS 12 and
 * MikroORM 7 ship only ESM), legacy decorators with metadata for Nest's injection.
 * Run Jest with `node --experimental-vm-modules`.
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            useDefineForClassFields: false,
          },
          keepClassNames: true,
        },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    '^@acimtl/contracts$': contracts,
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  clearMocks: true,
  restoreMocks: true,
};
