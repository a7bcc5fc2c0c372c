import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The API's TypeScript sources under a folder, without unit tests. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')
        ? [join(folder, entry.name)]
        : [],
  );
}

/** Every AWS SDK command that some source file under a folder imports from a client package. */
export function commandsImported(folder: string, client: string): string[] {
  const pattern = new RegExp(
    `import\\s*\\{([^}]*)\\}\\s*from\\s*'${client.replace('/', '\\/')}'`,
    'g',
  );
  const used = new Set<string>();
  for (const file of sourceFiles(folder)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      for (const name of match[1].split(',').map((part) => part.trim().replace(/^type\s+/, ''))) {
        if (name.endsWith('Command')) {
          used.add(name);
        }
      }
    }
  }

  return [...used].sort();
}
