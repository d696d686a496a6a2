// What the window loads before its first paint (#11): the built renderer's entry and every chunk it
// imports statically. The libraries only one form or dialog needs are fetched when asked for, and so are the
// log form and the palette themselves.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const assets = join(import.meta.dirname, '..', '..', 'out', 'renderer');
const built = existsSync(join(assets, 'index.html'));

/** The entry script, its modulepreloads, and what they import statically, by file name. */
function firstBundle(): Map<string, string> {
  const html = readFileSync(join(assets, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const files = new Map<string, string>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    const code = readFileSync(join(assets, file), 'utf8');
    files.set(file, code);
    // Static imports only (`from"./x.js"`, `import"./x.js"`); `import("./x.js")` is a lazy chunk.
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) pending.push(`assets/${match[1]}`);
  }
  return files;
}

const LOG_FORM = 'yesterday 3pm, tue 9:30';
const PALETTE = 'Jump to a person, an association, a view or an action';

describe.skipIf(!built)('the first bundle (npm run build)', () => {
  test('holds neither chrono-node (the log form’s “when” in words) nor fuse.js (the palette’s fuzzy matches)', () => {
    const files = firstBundle();
    expect(files.size).toBeGreaterThan(0);
    const holding = (marker: string) => [...files].filter(([, code]) => code.includes(marker)).map(([file]) => file);
    // Strings each library keeps through minification, and nothing else in the app says.
    expect(holding('Pattern length exceeds max of'), 'fuse.js').toEqual([]);
    expect(holding('tonight'), 'chrono-node').toEqual([]);
  });

  test('holds neither the log form nor the command palette: both are fetched once the first screen is up', () => {
    const files = firstBundle();
    const holding = (marker: string) => [...files].filter(([, code]) => code.includes(marker)).map(([file]) => file);
    // The log form's "when" placeholder and the palette's, which only those components say.
    expect(holding(LOG_FORM), 'the log form').toEqual([]);
    expect(holding(PALETTE), 'the command palette').toEqual([]);
  });

  test('the early script (early.ts) is a classic script, read before the app\'s module and run without waiting for it', () => {
    const html = readFileSync(join(assets, 'index.html'), 'utf8');
    const early = html.indexOf('<script async src="./early.js"></script>');
    expect(early, 'its tag').toBeGreaterThan(0);
    expect(early).toBeLessThan(html.indexOf('<script type="module"'));
    const code = readFileSync(join(assets, 'early.js'), 'utf8');
    // A classic script cannot import: a shared chunk split out of it would break it.
    expect(code).not.toMatch(/\bimport\b|\bexport\b/);
    expect(code).toContain('journal.status');
    expect(code.length).toBeLessThan(2_000);
  });

  test('the chunks left out do hold them, so the markers above mean what they say', () => {
    const first = firstBundle();
    const rest = readdirSync(join(assets, 'assets')).filter((file) => file.endsWith('.js') && !first.has(`assets/${file}`));
    const holding = (marker: string) => rest.filter((file) => readFileSync(join(assets, 'assets', file), 'utf8').includes(marker));
    expect(holding('Pattern length exceeds max of')).toHaveLength(1);
    expect(holding('tonight')).toHaveLength(1);
    expect(holding(LOG_FORM)).toHaveLength(1);
    expect(holding(PALETTE)).toHaveLength(1);
  });
});
