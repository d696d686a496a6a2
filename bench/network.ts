// `node --import tsx bench/network.ts [--people=5000] [--interactions=100000] [--links=20000] [--seed=42]`:
// how long the network screen's figures and the map's graph take on a large journal (bench/generate.ts's
// journal, plus random stated links and gives/receives), measured through the core API as the worker runs
// it, against a baseline measured in the same run: the raw SQL reads alone, with no counting or graph work.
// Prints percentiles and ratios; never part of `npm test`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, openJournal } from '../src-main/core/index.js';
import { Rng } from '../resources/sample/prng.js';
import { generate } from './generate.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const people = Number(args.people ?? 5000);
const interactions = Number(args.interactions ?? 100_000);
const links = Number(args.links ?? 20_000);
const seed = Number(args.seed ?? 42);
const iterations = Number(args.iterations ?? 15);

const dir = await mkdtemp(join(args.dir ?? tmpdir(), 'confidant-bench-network-'));
try {
  const journalDb = await openJournal(join(dir, 'journal.sqlite'));
  const { raw } = journalDb;
  generate(raw, { people, interactions, seed });
  const rng = new Rng(seed + 1);
  const pick = () => 1 + Math.floor(rng.next() * people);
  const at = new Date().toISOString();
  const insertLink = raw.prepare(`INSERT OR IGNORE INTO person_ties (person_a_id, person_b_id, kind, source, created_at, updated_at) VALUES (?, ?, 'knows', 'manual', ?, ?)`);
  const insertExchange = raw.prepare(`INSERT INTO exchanges (direction, kind, description, occurred_at, created_at, updated_at) VALUES (?, 'help', 'Bench help', ?, ?, ?)`);
  const insertExchangePerson = raw.prepare(`INSERT OR IGNORE INTO exchange_people (exchange_id, person_id) VALUES (?, ?)`);
  const insertAsk = raw.prepare(`INSERT INTO asks (direction, description, asked_at, created_at, updated_at) VALUES ('i-asked', 'Bench ask', ?, ?, ?)`);
  const insertAskPerson = raw.prepare(`INSERT OR IGNORE INTO ask_people (ask_id, person_id) VALUES (?, ?)`);
  raw.transaction(() => {
    for (let i = 0; i < links; i += 1) {
      const a = pick();
      const b = pick();
      if (a !== b) insertLink.run(Math.min(a, b), Math.max(a, b), at, at);
    }
    for (let i = 0; i < people * 2; i += 1) {
      const when = new Date(Date.now() - rng.next() * 400 * 86_400_000).toISOString();
      const id = insertExchange.run(rng.next() < 0.5 ? 'gave' : 'received', when, at, at).lastInsertRowid;
      insertExchangePerson.run(id, pick());
      const ask = insertAsk.run(when, at, at).lastInsertRowid;
      insertAskPerson.run(ask, pick());
    }
  })();
  raw.exec('ANALYZE');
  const journal = new Journal(journalDb, { readSample: async () => ({}) });
  const api = async (name: string, input?: unknown) => {
    const result = await journal.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value;
  };
  const overview = (await api('network.overview', {})) as { activeCount: number; open: { linksAmongActive: number; communities: unknown[] } };
  console.log(`· ${people} people, ${interactions} interactions, ${links} links; ${overview.activeCount} active, ${overview.open.linksAmongActive} links among them, ${overview.open.communities.length} communities`);

  // The floor: the same rows the overview reads (15 months of interactions, every link and person), no work on them.
  const from = new Date(Date.now() - 460 * 86_400_000).toISOString();
  const baseline = () => {
    raw.prepare(`SELECT ip.person_id, COUNT(*), MAX(i.occurred_at) FROM interactions i JOIN interaction_people ip ON ip.interaction_id = i.id WHERE i.deleted_at IS NULL AND i.occurred_at >= ? GROUP BY ip.person_id`).all(from);
    raw.prepare(`SELECT person_a_id, person_b_id FROM person_ties`).all();
    raw.prepare(`SELECT id, name, organization FROM people`).all();
  };
  // Cold: a write before each call, so nothing cached helps (the first visit after logging something).
  let n = 0;
  const write = () => raw.prepare(`UPDATE people SET updated_at = ? WHERE id = 1`).run(String(n++));
  const rows = [
    ['network.overview (cold)', await time(() => (write(), api('network.overview', {})))],
    ['network.overview (warm)', await time(() => api('network.overview', {}))],
    ['network.graph (cold)', await time(() => (write(), api('network.graph', {})))],
    // A visit after a write: the screen's figures, then the map, which shares the rows the first one read.
    ['overview then graph (cold)', await time(async () => (write(), await api('network.overview', {}), api('network.graph', {})))],
    ['network.graph (warm)', await time(() => api('network.graph', {}))],
    ['links.suggestions (cold)', await time(() => (write(), api('links.suggestions', {})))],
    ['baseline: raw SQL reads', await time(async () => baseline())],
  ] as const;
  const base = rows.at(-1)![1].p50;
  for (const [name, t] of rows) console.log(`${name.padEnd(26)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms   ${(t.p50 / base).toFixed(1)}× baseline`);
  await journal.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run();
  const all: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t = performance.now();
    await run();
    all.push(performance.now() - t);
  }
  all.sort((a, b) => a - b);
  const at = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}
