// `node --import tsx bench/network.ts [--people=5000] [--interactions=100000] [--links=20000] [--seed=42]`:
// how long the network screen's figures and the map's graph take on a large journal (bench/generate.ts's
// journal, plus random stated links and gives/receives), measured through the core API as the worker runs
// it, against a baseline measured in the same run: the raw SQL reads alone, with no counting or graph work.
// Prints percentiles and ratios; never part of `npm test`. --save=FILE keeps the generated journal and
// --journal=FILE starts from such a copy (never changed; bench/map-frames.ts's --save works too), to
// re-measure without generating again. --before=DIR also times the from-scratch overview of another checkout
// of the app (with its node_modules), e.g. the commit before a change, on the same journal in the same run.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { Journal, openJournal, type JournalDb } from '../src-main/core/index.js';
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
  if (args.journal) await copyFile(args.journal, join(dir, 'journal.sqlite'));
  const journalDb = await openJournal(join(dir, 'journal.sqlite'));
  const { raw } = journalDb;
  // A journal of bench/map-frames.ts (the same people, interactions and links) gets the gives and asks too.
  const filled = raw.prepare(`SELECT COUNT(*) FROM exchanges WHERE description = 'Bench help'`).pluck().get() as number;
  if (!filled) fill(raw, !args.journal);
  if (args.save) {
    raw.pragma('wal_checkpoint(TRUNCATE)');
    await copyFile(join(dir, 'journal.sqlite'), args.save);
  }

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
  // After a write: the first visit after logging something. The figures are kept up to date from what the
  // write touched (core/network/live.ts), so each kind of write is timed: a new link, a meeting logged with
  // two people, a person's organization edited. From scratch is the whole read and count, as on the first
  // visit of a session (the journal as the screen would see it with nothing kept).
  const pick = (() => {
    const rng = new Rng(seed + 2);
    return () => 1 + Math.floor(rng.next() * people);
  })();
  let n = 0;
  const writes = {
    link: async () => {
      const [a, b] = [pick(), pick()];
      if (a !== b) await api('links.create', { personAId: a, personBId: b, kind: 'knows' });
    },
    interaction: () => api('interactions.create', { occurredAt: new Date().toISOString(), kind: 'call', title: `Bench call ${n++}`, personIds: [...new Set([pick(), pick()])] }),
    person: () => api('people.update', { id: pick(), organization: `Bench Org ${n++ % 7}` }),
  };
  const { networkOverview } = await import('../src-main/core/network/overview.js');
  const before = args.before ? ((await import(join(args.before, 'src-main/core/network/overview.ts'))) as { networkOverview: typeof networkOverview }).networkOverview : null;
  const rows = [
    ...(before ? ([[`from scratch in ${args.before}`, await time(() => before(journalDb.db, new Date().toISOString(), null))]] as const) : []),
    ['network.overview, from scratch', await time(() => networkOverview(journalDb.db, new Date().toISOString(), null))],
    ['network.overview after a link', await time(() => api('network.overview', {}), writes.link)],
    ['network.overview after a meeting', await time(() => api('network.overview', {}), writes.interaction)],
    ['network.overview after a person edit', await time(() => api('network.overview', {}), writes.person)],
    ['network.overview (warm)', await time(() => api('network.overview', {}))],
    // A visit after a write: the screen's figures, then the map, which shares what the first one brought up to date.
    ['overview then graph after a link', await time(async () => (await api('network.overview', {}), api('network.graph', {})), writes.link)],
    ['network.graph after a meeting', await time(() => api('network.graph', {}), writes.interaction)],
    ['network.graph (warm)', await time(() => api('network.graph', {}))],
    ['links.suggestions after a meeting', await time(() => api('links.suggestions', {}), writes.interaction)],
    ['baseline: raw SQL reads', await time(async () => baseline())],
  ] as const;
  const base = rows.at(-1)![1].p50;
  console.log(`${''.padEnd(36)} the call alone (the write before it is not timed)     longest hold of the thread`);
  for (const [name, t] of rows)
    console.log(`${name.padEnd(36)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms   ${(t.p50 / base).toFixed(1).padStart(5)}× baseline   max ${t.hold.toFixed(0).padStart(5)} ms`);
  await journal.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

/**
 * p50/p95 of `run`, each time after `write` (not timed), and the longest the event loop was held during the
 * runs: a long synchronous stretch, during which no other call can be served.
 */
async function time(run: () => Promise<unknown>, write?: () => Promise<unknown>): Promise<{ p50: number; p95: number; hold: number }> {
  await write?.();
  await run();
  const all: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let hold = 0;
  for (let i = 0; i < iterations; i += 1) {
    await write?.();
    delay.reset();
    delay.enable();
    const t = performance.now();
    await run();
    all.push(performance.now() - t);
    // One turn of the loop, so the delay monitor's timer records the stretch the call just held it for.
    await new Promise((resolve) => setTimeout(resolve, 5));
    delay.disable();
    hold = Math.max(hold, delay.max / 1e6);
  }
  all.sort((a, b) => a - b);
  const at = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))]!;
  return { p50: at(0.5), p95: at(0.95), hold };
}

/** bench/generate.ts's journal plus random stated links (as bench/map-frames.ts adds them), gives, receives and asks. */
function fill(raw: JournalDb['raw'], generating: boolean): void {
  if (generating) generate(raw, { people, interactions, seed });
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
}
