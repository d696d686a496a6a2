// `npm run bench:encryption [-- --size=10k|100k] [--seed=N] [--iterations=N] [--dir=/dev/shm]`: the cost
// of encryption at rest (#12). The same synthetic journal is generated twice, once plain and once keyed
// (SQLCipher 4 via SQLite3 Multiple Ciphers), and the same writes, searches and timeline pages are run
// through the core API on each, in the same process. Prints p50/p95 per operation and the ratio
// encrypted / plain (aim: within 1.3x). Never part of `npm test`.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, openJournal } from '../src-main/core/index.js';
import { generate } from './generate.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const sizes: Record<string, number> = { '10k': 10_000, '100k': 100_000 };
const interactions = sizes[args.size ?? '10k'] ?? Number(args.size);
const seed = Number(args.seed ?? 42);
const iterations = Number(args.iterations ?? 30);
const people = Math.max(50, Math.round(interactions / 20));
const dir = await mkdtemp(join(args.dir ?? tmpdir(), 'confidant-bench-enc-'));

type Timings = Record<string, number[]>;
type Api = (name: string, input: unknown) => Promise<unknown>;

async function prepare(label: string, key: Buffer | undefined) {
  const journalDb = await openJournal(join(dir, `${label}.sqlite`), key ? { key: Buffer.from(key) } : {});
  const data = generate(journalDb.raw, { people, interactions, seed });
  journalDb.raw.pragma('wal_checkpoint(TRUNCATE)');
  journalDb.raw.exec('ANALYZE');
  const journal = new Journal(journalDb, { readSample: async () => ({}) });
  const api: Api = async (name, input) => {
    const result = await journal.call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  const ids = journalDb.raw.prepare('SELECT id FROM people ORDER BY id LIMIT 200').pluck().all() as number[];
  const timings: Timings = { write: [], 'search (common word)': [], 'search (rare word)': [], 'search (phrase)': [], 'timeline page': [] };
  return { journal, api, ids, data, timings, after: null as string | null };
}

type Side = Awaited<ReturnType<typeof prepare>>;

async function time(side: Side, name: string, run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  side.timings[name]!.push(performance.now() - started);
}

// The two journals take turns on every operation (and swap who goes first), so a change in the machine's
// load during the run falls on both alike: the ratio is what this measures.
async function round(i: number, sides: Side[]) {
  const ordered = i % 2 === 0 ? sides : [...sides].reverse();
  const ops: [string, (side: Side) => Promise<unknown>][] = [
    ['write', (side) => side.api('interactions.create', { occurredAt: new Date().toISOString(), kind: 'meeting', title: `Bench write ${i}`, notes: `Talked budget and hiring ${i}`, personIds: [side.ids[i % side.ids.length]!] })],
    ['search (common word)', (side) => side.api('search.query', { query: 'budget' })],
    ['search (rare word)', (side) => side.api('search.query', { query: side.data.rareWord })],
    ['search (phrase)', (side) => side.api('search.query', { query: '"board seat"' })],
    ['timeline page', async (side) => {
      const page = (await side.api('interactions.timeline', { after: side.after, limit: 50 })) as { next: string | null };
      side.after = page.next;
    }],
  ];
  for (const [name, run] of ops) for (const side of ordered) await time(side, name, () => run(side));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

try {
  console.log(`· ${interactions.toLocaleString()} interactions, ${people.toLocaleString()} people, ${iterations} iterations, in ${dir}`);
  const plain = await prepare('plain', undefined);
  const encrypted = await prepare('encrypted', randomBytes(32));
  for (let i = 0; i < iterations; i++) await round(i, [plain, encrypted]);
  await plain.journal.close();
  await encrypted.journal.close();
  console.log('\noperation               plain p50   enc p50   plain p95   enc p95   ratio p50   ratio p95');
  for (const name of Object.keys(plain.timings)) {
    const a = plain.timings[name]!;
    const b = encrypted.timings[name]!;
    const row = [percentile(a, 50), percentile(b, 50), percentile(a, 95), percentile(b, 95)];
    console.log(
      `${name.padEnd(22)} ${row.map((ms) => `${ms.toFixed(2)} ms`.padStart(10)).join('')}   ${(row[1]! / row[0]!).toFixed(2).padStart(8)}x   ${(row[3]! / row[2]!).toFixed(2).padStart(8)}x`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
