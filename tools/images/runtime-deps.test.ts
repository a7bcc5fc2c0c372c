import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { importedPackages, packageOf, runtimeManifest } from './runtime-deps.ts';

const root = mkdtempSync(join(tmpdir(), 'runtime-deps-'));

function write(path: string, content: unknown): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
}

write('package.json', {
  name: 'acimtl',
  version: '0.0.0',
  type: 'module',
  workspaces: ['libs/*'],
  dependencies: { '@nestjs/core': '1.0.0', '@fastify/static': '1.0.0', rxjs: '1.0.0' },
  devDependencies: { jest: '1.0.0' },
});
write('libs/contracts/package.json', { name: '@acimtl/contracts', version: '0.0.0' });
write(
  'dist/main.js',
  [
    "import { NestFactory } from '@nestjs/core';",
    "import { readFile } from 'node:fs';",
    "import './local.js';",
    "const contracts = await import('@acimtl/contracts');",
  ].join('\n'),
);
const peers: Record<string, string[]> = { '@nestjs/core': ['@fastify/static', 'reflect-metadata'] };
const readPeers = (name: string) => peers[name] ?? [];

after(() => rmSync(root, { recursive: true, force: true }));

describe('runtime-deps', () => {
  it('names the package of bare specifiers only', () => {
    assert.equal(packageOf('@nestjs/core/injector'), '@nestjs/core');
    assert.equal(packageOf('rxjs/operators'), 'rxjs');
    assert.equal(packageOf('node:fs'), undefined);
    assert.equal(packageOf('fs'), undefined);
    assert.equal(packageOf('./local.js'), undefined);
  });

  it('reads the imports of the build output', () => {
    assert.deepEqual(
      [...importedPackages(join(root, 'dist'))].sort(),
      ['@acimtl/contracts', '@nestjs/core'].sort(),
    );
  });

  it('keeps imported dependencies, their listed peers and the imported workspaces', () => {
    const manifest = runtimeManifest(root, importedPackages(join(root, 'dist')), readPeers);

    assert.deepEqual(manifest.dependencies, {
      '@nestjs/core': '1.0.0',
      '@fastify/static': '1.0.0',
    });
    assert.deepEqual(manifest.workspaces, ['libs/contracts']);
    assert.equal(manifest.type, 'module');
  });

  it('refuses an import that only devDependencies provide', () => {
    assert.throws(
      () => runtimeManifest(root, new Set(['jest']), readPeers),
      /imports jest, listed only in devDependencies/,
    );
  });
});
