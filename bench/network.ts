// `node --import tsx bench/network.ts [--people=5000] [--interactions=100000] [--links=realistic|N] [--seed=42] [--now=ISO]`:
// how long the network screen's figures and the map's graph take on a large journal (bench/generate.ts's
// journal, plus stated links and gives/receives), measured through the core API as the worker runs it,
// against a baseline measured in the same run: the raw SQL reads alone, with no counting or graph work.
// Links are realistic by default (colleagues at one organization, people met together, a few across: groups
// for Louvain to find); --links=N adds N random pairs instead. The clock is the journal's last interaction
// (--now= to choose), so a year of contacts is active as in a journal in daily use, whenever the bench runs.
// Prints percentiles and ratios, and the longest the thread was held by any one stretch (a call that holds
// it holds every other call: 50 ms is the most the journal allows itself); never part of `npm test`.
// --save=FILE keeps the generated journal and
// --journal=FILE starts from such a copy (never changed; bench/map-frames.ts's --save works too), to
// re-measure without generating again. --before=DIR also times the from-scratch overview of another checkout
// of the app (with its node_modules), e.g. the commit before a change, on the same journal in the same run.
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, openJournal, type JournalDb } from '../src-main/core/index.js';
import { Rng } from '../resources/sample/prng.js';
import { generate } from './generate.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const people = Number(args.people ?? 5000);
const interactions = Number(args.interactions ?? 100_000);
const links = args.links === undefined || args.links === 'realistic' ? 'realistic' : Number(args.links);
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

  // As of the journal's last meeting: a journal in daily use, not one whose year went by since it was generated.
  const now = clockOf(raw);
  const asOf = { now };
  const journal = new Journal(journalDb, { readSample: async () => ({}) });
  const api = async (name: string, input?: unknown) => {
    const result = await journal.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value;
  };
  // The first call of a session: a fresh network capability (nothing kept) on the same journal.
  const { networkHandlers } = await import('../src-main/core/network/handlers.js');
  const firstCall = await time(() => networkHandlers(journalDb.db)['network.overview'](asOf as never));
  const overview = (await api('network.overview', asOf)) as { activeCount: number; open: { linksAmongActive: number; communities: unknown[] } };
  const stated = raw.prepare(`SELECT COUNT(*) FROM person_ties`).pluck().get() as number;
  console.log(`· ${people} people, ${interactions} interactions, ${stated} links (${links}); as of ${now}: ${overview.activeCount} active, ${overview.open.linksAmongActive} links among them, ${overview.open.communities.length} communities`);

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
  // Writes among active contacts, where they change the ego network and so its communities.
  const graph = (await api('network.graph', asOf)) as { nodes: { id: number; active: boolean }[] };
  const active = graph.nodes.filter((node) => node.active).map((node) => node.id);
  const activeSet = new Set(active);
  const rng = new Rng(seed + 2);
  const pick = () => 1 + Math.floor(rng.next() * people);
  const pickActive = () => active[Math.floor(rng.next() * active.length)]!;
  const removable = (raw.prepare(`SELECT id, person_a_id AS a, person_b_id AS b FROM person_ties`).all() as { id: number; a: number; b: number }[])
    .filter((link) => activeSet.has(link.a) && activeSet.has(link.b))
    .map((link) => link.id);
  let n = 0;
  const writes = {
    link: async () => {
      const [a, b] = [pickActive(), pickActive()];
      if (a !== b) await api('links.create', { personAId: a, personBId: b, kind: 'knows' }).catch(() => undefined);
    },
    unlink: async () => {
      const [id] = removable.splice(Math.floor(rng.next() * removable.length), 1);
      if (id !== undefined) await api('links.delete', { id });
    },
    interaction: () => api('interactions.create', { occurredAt: new Date(Date.parse(now) - 60_000).toISOString(), kind: 'call', title: `Bench call ${n++}`, personIds: [...new Set([pickActive(), pick()])] }),
    person: () => api('people.update', { id: pick(), organization: `Bench Org ${n++ % 7}` }),
  };
  const { networkOverview } = await import('../src-main/core/network/overview.js');
  const before = args.before ? ((await import(join(args.before, 'src-main/core/network/overview.ts'))) as { networkOverview: typeof networkOverview }).networkOverview : null;
  const rows = [
    ...(before ? ([[`from scratch in ${args.before}`, await time(() => before(journalDb.db, now, null))]] as const) : []),
    ['network.overview, from scratch', await time(() => networkOverview(journalDb.db, now, null))],
    ['network.overview, first call', firstCall],
    ['network.overview after a link added', await time(() => api('network.overview', asOf), writes.link)],
    ['network.overview after a link removed', await time(() => api('network.overview', asOf), writes.unlink)],
    ['network.overview after a meeting', await time(() => api('network.overview', asOf), writes.interaction)],
    ['network.overview after a person edit', await time(() => api('network.overview', asOf), writes.person)],
    ['network.overview (warm)', await time(() => api('network.overview', asOf))],
    // A visit after a write: the screen's figures, then the map, which shares what the first one brought up to date.
    ['overview then graph after a link', await time(async () => (await api('network.overview', asOf), api('network.graph', asOf)), writes.link)],
    ['network.graph after a meeting', await time(() => api('network.graph', asOf), writes.interaction)],
    ['network.graph (warm)', await time(() => api('network.graph', asOf))],
    ['links.suggestions after a meeting', await time(() => api('links.suggestions', {}), writes.interaction)],
    ['baseline: raw SQL reads', await time(async () => baseline())],
  ] as const;
  const base = rows.at(-1)![1].p50;
  console.log(`${''.padEnd(38)} the call alone (the write before it is not timed)     longest hold of the thread (CPU in it)`);
  for (const [name, t] of rows)
    console.log(`${name.padEnd(38)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms   ${(t.p50 / base).toFixed(1).padStart(5)}× baseline   max ${t.hold.toFixed(0).padStart(5)} ms (${t.holdCpu.toFixed(0)} ms)`);
  const worst = (by: 'hold' | 'holdCpu'): [string, number] => {
    let most: [string, number] = ['', 0];
    for (const [name, t] of rows) if (t[by] > most[1]) most = [name, t[by]];
    return most;
  };
  const [holder, held] = worst('hold');
  const [cpuHolder, cpuHeld] = worst('holdCpu');
  console.log(`longest hold of the thread: ${held.toFixed(0)} ms (${holder}); the most CPU in one hold: ${cpuHeld.toFixed(0)} ms (${cpuHolder}). 50 ms is the most any one stretch should take; a hold with much less CPU than time was the machine busy with other programs.`);
  await journal.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}

/**
 * p50/p95 of `run`, each time after `write` (not timed), and the longest the event loop was held during the
 * runs: a long synchronous stretch, during which no other call can be served; with the CPU time the process
 * spent in it, since on a busy machine a stretch also lasts while the OS runs other programs.
 */
async function time(run: () => Promise<unknown>, write?: () => Promise<unknown>): Promise<{ p50: number; p95: number; hold: number; holdCpu: number }> {
  await write?.();
  await run();
  const all: number[] = [];
  let hold = 0;
  let holdCpu = 0;
  for (let i = 0; i < iterations; i += 1) {
    await write?.();
    const watch = watchHolds();
    // One turn first, so the watch's timer is running when the call starts: a stretch from the call's very
    // start to its first breath would otherwise come before the first tick, and go unseen.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const t = performance.now();
    await run();
    all.push(performance.now() - t);
    // And one after, so the watch's timer sees the stretch the call ended with.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const held = watch.stop();
    if (held.wall > hold) [hold, holdCpu] = [held.wall, held.cpu];
  }
  all.sort((a, b) => a - b);
  const at = (q: number) => all[Math.min(all.length - 1, Math.floor(q * all.length))]!;
  return { p50: at(0.5), p95: at(0.95), hold, holdCpu };
}

/** The longest gap between two ticks of a 1 ms timer (a stretch in which nothing else ran), and the CPU the process used in it. */
function watchHolds(): { stop: () => { wall: number; cpu: number } } {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let wall = 0;
  let cpu = 0;
  const tick = () => {
    const at = performance.now();
    const used = process.cpuUsage(lastCpu);
    if (at - last > wall) [wall, cpu] = [at - last, (used.user + used.system) / 1000];
    last = at;
    lastCpu = process.cpuUsage();
  };
  const timer = setInterval(tick, 1);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      return { wall, cpu };
    },
  };
}

/** The bench's clock: --now, or an hour after the journal's last interaction (never later than the real clock). */
function clockOf(raw: JournalDb['raw']): string {
  if (args.now) return args.now;
  const last = raw.prepare(`SELECT MAX(occurred_at) FROM interactions WHERE deleted_at IS NULL`).pluck().get() as string | null;
  return new Date(Math.min(Date.now(), Date.parse(last ?? new Date().toISOString()) + 3_600_000)).toISOString();
}

/** bench/generate.ts's journal plus stated links (as bench/map-frames.ts adds them), gives, receives and asks. */
function fill(raw: JournalDb['raw'], generating: boolean): void {
  if (generating) generate(raw, { people, interactions, seed });
  const rng = new Rng(seed + 1);
  const pick = () => 1 + Math.floor(rng.next() * people);
  const at = new Date().toISOString();
  const end = Date.parse(clockOf(raw));
  const organizations = new Map<string, number[]>();
  for (const { id, organization } of raw.prepare(`SELECT id, organization FROM people WHERE organization IS NOT NULL ORDER BY id`).all() as { id: number; organization: string }[])
    (organizations.get(organization) ?? organizations.set(organization, []).get(organization)!).push(id);
  const together = raw.prepare(`SELECT interaction_id AS meeting, person_id AS person FROM interaction_people ORDER BY interaction_id, person_id`).all() as { meeting: number; person: number }[];
  const insertLink = raw.prepare(`INSERT OR IGNORE INTO person_ties (person_a_id, person_b_id, kind, source, created_at, updated_at) VALUES (?, ?, 'knows', 'manual', ?, ?)`);
  const insertExchange = raw.prepare(`INSERT INTO exchanges (direction, kind, description, occurred_at, created_at, updated_at) VALUES (?, 'help', 'Bench help', ?, ?, ?)`);
  const insertExchangePerson = raw.prepare(`INSERT OR IGNORE INTO exchange_people (exchange_id, person_id) VALUES (?, ?)`);
  const insertAsk = raw.prepare(`INSERT INTO asks (direction, description, asked_at, created_at, updated_at) VALUES ('i-asked', 'Bench ask', ?, ?, ?)`);
  const insertAskPerson = raw.prepare(`INSERT OR IGNORE INTO ask_people (ask_id, person_id) VALUES (?, ?)`);
  const link = (a: number, b: number) => a !== b && insertLink.run(Math.min(a, b), Math.max(a, b), at, at);
  raw.transaction(() => {
    if (links === 'realistic') {
      // Colleagues: each person knows one to three people at their organization.
      for (const colleagues of organizations.values()) for (const a of colleagues) for (let k = 1 + Math.floor(rng.next() * 3); k > 0; k -= 1) link(a, colleagues[Math.floor(rng.next() * colleagues.length)]!);
      // People met together: one pair in ten of those logged in one interaction, as suggestions accepted.
      for (let i = 0, j = 0; i < together.length; i = j) {
        for (j = i; j < together.length && together[j]!.meeting === together[i]!.meeting; j += 1);
        for (let x = i; x < j; x += 1) for (let y = x + 1; y < j; y += 1) if (rng.next() < 0.1) link(together[x]!.person, together[y]!.person);
      }
      // And a few across everything.
      for (let i = 0; i < people / 2; i += 1) link(pick(), pick());
    } else for (let i = 0; i < links; i += 1) link(pick(), pick());
    for (let i = 0; i < people * 2; i += 1) {
      const when = new Date(end - rng.next() * 400 * 86_400_000).toISOString();
      const id = insertExchange.run(rng.next() < 0.5 ? 'gave' : 'received', when, at, at).lastInsertRowid;
      insertExchangePerson.run(id, pick());
      const ask = insertAsk.run(when, at, at).lastInsertRowid;
      insertAskPerson.run(ask, pick());
    }
  })();
  raw.exec('ANALYZE');
}
