import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

/** Every `import ... from '...'` statement in a file, with whether it is type-only. */
function imports(file: string): { from: string; typeOnly: boolean }[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/import\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/g)].map((match) => ({
    from: match[2]!,
    typeOnly: Boolean(match[1]),
  }));
}

describe('architecture boundaries', () => {
  test('the journal core never imports electron', () => {
    const offenders = filesUnder(join(root, 'src-main', 'core'), /\.ts$/).filter((file) =>
      imports(file).some(({ from }) => from === 'electron' || from.startsWith('electron/')),
    );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  test('the renderer takes only types from the contract, so zod and the schemas stay in main', () => {
    const offenders = filesUnder(join(root, 'src-renderer', 'src'), /\.(ts|svelte)$/).flatMap((file) =>
      imports(file)
        .filter(({ from, typeOnly }) => /contract\/contract(\.js)?$/.test(from) && !typeOnly)
        .map(() => relative(root, file)),
    );
    expect(offenders).toEqual([]);
  });

  test('the renderer never reaches into the core or the shell', () => {
    const offenders = filesUnder(join(root, 'src-renderer', 'src'), /\.(ts|svelte)$/).flatMap((file) =>
      imports(file)
        .filter(({ from }) => /src-main\/(core|shell|preload)\//.test(from) || from === 'electron' || from.startsWith('node:'))
        .map(({ from }) => `${relative(root, file)} imports ${from}`),
    );
    expect(offenders).toEqual([]);
  });
});
