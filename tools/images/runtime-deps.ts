// Writes the package.json a production image installs: the workspace's own, reduced to the
// dependencies that one component's build output imports at run time.
//
//   node tools/images/runtime-deps.ts <dist folder> <output file>
//
// The workspace has a single dependency list shared by the API and the web client; installing
// all of it would put Angular in the API image and NestJS in the web image. The build output is
// the truth about what runs, so the imports are read from it. Packages that a kept package
// loads through an optional peer dependency (for instance `@fastify/static` for the API docs)
// are kept when the workspace depends on them. An import of a devDependency is an error: the
// image would start and then fail on the first request that reaches it.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  type?: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const IMPORT_PATTERNS = [
  /\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
];
const PACKAGE_NAME = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/;
const BUILTINS = new Set(builtinModules);

/** The package a bare import specifier names, or undefined for relative and built-in ones. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:') || specifier.startsWith('.') || specifier.startsWith('/')) {
    return undefined;
  }
  const segments = specifier.split('/');
  const name = specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];

  if (!PACKAGE_NAME.test(name) || BUILTINS.has(name) || BUILTINS.has(specifier)) {
    return undefined;
  }

  return name;
}

/** Every package imported by the JavaScript files under a folder. */
export function importedPackages(distDir: string): Set<string> {
  const packages = new Set<string>();

  for (const entry of readdirSync(distDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.[cm]?js$/.test(entry.name)) {
      continue;
    }
    const source = readFileSync(join(entry.parentPath, entry.name), 'utf8');

    for (const pattern of IMPORT_PATTERNS) {
      for (const match of source.matchAll(pattern)) {
        const name = packageOf(match[1]);
        if (name) {
          packages.add(name);
        }
      }
    }
  }

  return packages;
}

function readPackage(path: string): PackageJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

/**
 * The workspace manifest cut down to what `imported` needs. Workspace packages (the shared
 * libraries) stay linked; peers of kept packages stay when the workspace lists them.
 */
export function runtimeManifest(
  root: string,
  imported: Set<string>,
  readPeers: (name: string) => string[] = (name) =>
    Object.keys(
      readPackage(join(root, 'node_modules', name, 'package.json')).peerDependencies ?? {},
    ),
): PackageJson {
  const manifest = readPackage(join(root, 'package.json'));
  const dependencies = manifest.dependencies ?? {};
  const devDependencies = manifest.devDependencies ?? {};
  const workspaceNames = new Map(
    (manifest.workspaces ?? []).flatMap((pattern) =>
      workspaceFolders(root, pattern).map((folder) => [
        readPackage(join(root, folder, 'package.json')).name,
        folder,
      ]),
    ),
  );

  const misplaced = [...imported].filter(
    (name) => !(name in dependencies) && !workspaceNames.has(name) && name in devDependencies,
  );
  if (misplaced.length > 0) {
    throw new Error(
      `the build output imports ${misplaced.join(', ')}, listed only in devDependencies: ` +
        'move them to dependencies so the production image installs them',
    );
  }

  const kept = new Set([...imported].filter((name) => name in dependencies));
  const queue = [...kept];
  while (queue.length > 0) {
    for (const peer of readPeers(queue.pop()!)) {
      if (peer in dependencies && !kept.has(peer)) {
        kept.add(peer);
        queue.push(peer);
      }
    }
  }

  const workspaces = [...workspaceNames]
    .filter(([name]) => imported.has(name))
    .map(([, folder]) => folder);

  return {
    name: manifest.name,
    version: manifest.version,
    private: true,
    type: manifest.type,
    ...(workspaces.length > 0 ? { workspaces } : {}),
    dependencies: Object.fromEntries(
      Object.entries(dependencies).filter(([name]) => kept.has(name)),
    ),
  };
}

// Only the `folder/*` form the workspace uses is understood.
function workspaceFolders(root: string, pattern: string): string[] {
  if (!pattern.endsWith('/*')) {
    return [pattern];
  }
  const parent = pattern.slice(0, -2);

  return readdirSync(join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(parent, entry.name));
}

if (import.meta.main) {
  const [distDir, output] = process.argv.slice(2);
  if (!distDir || !output) {
    console.error('usage: node tools/images/runtime-deps.ts <dist folder> <output package.json>');
    process.exit(2);
  }
  const root = process.cwd();

  try {
    const manifest = runtimeManifest(root, importedPackages(distDir));
    writeFileSync(output, `${JSON.stringify(manifest, null, 2)}\n`);

    const names = Object.keys(manifest.dependencies ?? {});
    console.log(
      `${relative(root, distDir)} needs ${names.length} packages at run time: ` +
        (names.join(', ') || 'none (the bundle is self-contained)'),
    );
  } catch (error) {
    console.error(`runtime-deps: ${(error as Error).message}`);
    process.exit(1);
  }
}
