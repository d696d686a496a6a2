// `npm run bench [-- --size=10k|100k|1M] [--seed=N] [--iterations=N]`: how fast search, logging and the
// timeline are on a large synthetic journal, measured through the core API (Journal.call, as the app's
// worker runs it), against three alternatives measured in the same run on the same data:
//   (a) fuse.js over every note, the naive in-renderer approach;
//   (b) ripgrep over the journal written as one markdown file per interaction;
//   (c) raw better-sqlite3 prepared statements for the same writes and reads: the floor.
// Prints a table of absolute figures and ratios and writes it to bench/results/*.json. Never part of
// `npm test`: timings belong in a report, not in assertions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import { Journal, openJournal, type JournalDb } from '../src-main/core/index.js';
import { Rng } from '../resources/sample/prng.js';
import { matchExpression } from '../src-main/core/search/fts.js';
import { FuzzyIndex } from '../src-main/core/search/fuzzy.js';
import { parseQuery } from '../src-main/core/search/query.js';
import { describe, generate, markdownFiles } from './generate.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const sizes: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 };
const sizeName = args.size ?? '100k';
const interactions = sizes[sizeName] ?? Number(sizeName);
if (!Number.isInteger(interactions) || interactions <= 0) throw new Error(`--size must be 10k, 100k, 1M or a number, not ${sizeName}.`);
const seed = Number(args.seed ?? 42);
const iterations = Number(args.iterations ?? 20);
const people = Math.max(50, Math.round(interactions / 20));
// --baselines=false (the default at a million, where fuse.js over every note needs more memory and hours
// than a bench should) measures Confidant alone: the screens, search, writes and the timeline.
const baselines = (args.baselines ?? (interactions >= 1_000_000 ? 'false' : 'true')) !== 'false';

const rg = spawnSync('rg', ['--version'], { encoding: 'utf8' });
if (rg.error) {
  console.error('ripgrep (rg) is needed for baseline (b). Install it with:  sudo apt-get install -y ripgrep   (macOS: brew install ripgrep)');
  process.exit(1);
}

// --dir=/dev/shm puts the journal in memory, to tell the disk's fsync apart from the work Confidant does.
const dir = await mkdtemp(join(args.dir ?? tmpdir(), 'confidant-bench-'));
// --journal=/path/bench.sqlite keeps the generated journal there (made if missing) to measure again without
// generating; --only=ledger measures only the screen calls whose name holds it (no search, writes, baselines);
// --only=write only the writes (see measureWrites).
const journalPath = args.journal ?? join(dir, 'journal.sqlite');
const only = args.only;
// --only=write measures only logging an interaction against the raw write, right after the journal opens.
const writesOnly = only === 'write';
// Writes timed on each side (after a warm-up): a p95 needs hundreds of samples, not a hundred.
const writes = Number(args.writes ?? iterations * 25);
const log = (message: string) => console.log(`· ${message}`);
try {
  let started = performance.now();
  if (!existsSync(journalPath)) {
    log(`generating ${people.toLocaleString()} people and ${interactions.toLocaleString()} interactions (seed ${seed}) in ${journalPath}`);
    const generating = await openJournal(journalPath);
    // Generation is one long transaction: with the app's small page cache and secure_delete zeroing every
    // page the FTS merges free, it spilled and rewrote pages for 50 minutes at 1M. Neither changes what is
    // stored; the journal is then opened again below with the app's own settings.
    generating.raw.pragma('secure_delete = OFF');
    generating.raw.pragma('cache_size = -4000000');
    generate(generating.raw, { people, interactions, seed }, (step) => log(`${step} after ${seconds(started)}`));
    generating.raw.pragma('wal_checkpoint(TRUNCATE)');
    await generating.close();
    log(`generated and indexed in ${seconds(started)}`);
  }
  // Opened as the app opens it, with only the statistics the app keeps (PRAGMA optimize at open and at
  // close, db/open.ts): a full ANALYZE here would flatter the plans the app really gets.
  started = performance.now();
  const journalDb = await openJournal(journalPath);
  log(`opened in ${seconds(started)}`);
  const data = describe(journalDb.raw, { people, interactions });
  const journal = new Journal(journalDb, { readSample: async () => ({}) });
  const { raw } = journalDb;
  const meetings = fillCalendar(raw, seed);
  if (meetings) log(`added ${meetings} calendar meetings in the last two weeks, for the sidebar's meetings to log`);

  if (writesOnly) {
    const measured = await measureWrites(journal, raw, writes);
    printTable([measured.row]);
    console.log(`\n${measured.gcLine}`);
    console.log(`  ${measured.target.met ? 'met   ' : 'MISSED'}  ${measured.target.name}: ${measured.target.value}`);
    await journal.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }

  // The harder mix: the five commonest words (in most notes), 1–3 letter prefixes, four-word queries,
  // misspellings, filters alone and with words, and a third of it with confidential notes included.
  const [c1, c2, c3, c4, c5] = data.commonest;
  const queries: { kind: string; query: string; includeConfidential?: boolean }[] = [
    { kind: 'commonest words', query: c1! },
    { kind: 'commonest words', query: c2!, includeConfidential: true },
    { kind: 'commonest words', query: c3! },
    { kind: 'commonest words', query: c4! },
    { kind: 'commonest words', query: c5!, includeConfidential: true },
    { kind: 'common word', query: 'team' },
    { kind: 'common word', query: 'budget', includeConfidential: true },
    { kind: 'mid word', query: 'calibration' },
    { kind: 'rare word', query: data.rareWord },
    { kind: 'rare word', query: data.codename, includeConfidential: true },
    { kind: 'phrase', query: '"board seat"' },
    { kind: 'phrase', query: '"term sheet"', includeConfidential: true },
    { kind: 'two words', query: 'hiring plan' },
    { kind: 'four words', query: 'hiring plan budget review' },
    { kind: 'four words', query: `${c1} team ${c2} roadmap`, includeConfidential: true },
    { kind: 'prefix 1–3 letters', query: 't' },
    { kind: 'prefix 1–3 letters', query: 'pr', includeConfidential: true },
    { kind: 'prefix 1–3 letters', query: 'reo' },
    { kind: 'prefix 1–3 letters', query: 'bud' },
    { kind: 'typo', query: 'calibraton' },
    { kind: 'typo', query: 'acquistion', includeConfidential: true },
    { kind: 'typo', query: 'teh' },
    { kind: 'filter alone', query: `person:"${data.frequentPerson}"` },
    { kind: 'filter alone', query: 'kind:coffee', includeConfidential: true },
    { kind: 'filter alone', query: 'tag:investor' },
    { kind: 'filter alone', query: 'after:2025-06' },
    { kind: 'filter + words', query: `budget person:"${data.frequentPerson}"` },
    { kind: 'filter + words', query: 'roadmap kind:coffee after:2024-01' },
    { kind: 'filter + words', query: `${c1} after:2023`, includeConfidential: true },
  ];

  // Warm up: first calls build the fuzzy indexes and the page cache; what follows is steady state.
  const api = async (name: string, input: unknown) => {
    const result = await journal.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value;
  };
  if (!only) for (const q of queries) await api('search.query', { query: q.query, includeConfidential: q.includeConfidential ?? false });
  // The first typo search answers before the vocabulary is read (typosPending); the timed ones come after it.
  if (!only) while (((await api('search.query', { query: 'calibraton', includeConfidential: false })) as { typosPending: boolean }).typosPending) await new Promise((resolve) => setTimeout(resolve, 10));

  if (!only) log(`searching through the API: ${queries.length} queries × ${iterations}`);
  const apiSearch = only ? { all: [], perQuery: queries.map(() => []) } : await timeEach(queries, iterations, (q) => api('search.query', { query: q.query, includeConfidential: q.includeConfidential ?? false }));

  // Every call a screen makes when it opens, as the views make them (see src-renderer/src/*/…View.svelte).
  const someone = (i: number) => (i % 3 === 0 ? 1 + (i % 5) : 1 + ((i * 7919) % people));
  const quarterNow = '2025-Q4';
  const allScreenCalls: { name: string; screen: string; run: (i: number) => Promise<unknown> }[] = [
    { screen: 'window', name: 'journal.info', run: () => api('journal.info', undefined) },
    // The sidebar's count of meetings to log, asked at start and after every write.
    { screen: 'window', name: 'calendar.toLog', run: () => api('calendar.toLog', { now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'timeline', name: 'interactions.timeline (first page)', run: () => api('interactions.timeline', { limit: 50 }) },
    // Late in a quarter, when the notice is worked out (before two thirds of it, the call answers at once).
    { screen: 'timeline', name: 'associations.pace', run: () => api('associations.pace', { now: '2025-12-15T12:00:00.000Z' }) },
    // The People table's first window (PeopleView) and a filter typed into it, and the hand-over's organizations
    // (no screen reads the whole list any more: the pickers and the palette ask people.find).
    { screen: 'people', name: 'people.window (first window)', run: () => api('people.window', { limit: 200 }) },
    { screen: 'people', name: 'people.window (filter, by last contact)', run: (i) => api('people.window', { query: i % 2 ? 'priya' : 'northwnd', sort: 'lastInteractionAt', descending: true, limit: 200 }) },
    // The pickers (log form, give/ask form, merge) and the palette: a few letters typed, then more, and nothing typed.
    { screen: 'log', name: 'people.find (picker)', run: (i) => api('people.find', { query: ['', 'p', 'pri', 'priya o', 'okon', 'northwnd'][i % 6]!, limit: 8 }) },
    { screen: 'network', name: 'people.organizations', run: () => api('people.organizations', undefined) },
    { screen: 'person', name: 'people.get', run: (i) => api('people.get', { id: someone(i) }) },
    { screen: 'person', name: 'interactions.timeline (a person)', run: (i) => api('interactions.timeline', { limit: 50, personId: someone(i) }) },
    { screen: 'person', name: 'reciprocity.person', run: (i) => api('reciprocity.person', { personId: someone(i) }) },
    // The window the Reciprocity screen asks for first (LedgerTable: by balance, 200 rows), and the next one.
    { screen: 'reciprocity', name: 'reciprocity.ledger (12 months, first window)', run: () => api('reciprocity.ledger', { since: '2025-01-01T00:00:00.000Z', sort: 'balance', limit: 200 }) },
    { screen: 'reciprocity', name: 'reciprocity.ledger (all time, first window)', run: () => api('reciprocity.ledger', { sort: 'balance', limit: 200 }) },
    { screen: 'reciprocity', name: 'reciprocity.ledger (all time, second window)', run: () => api('reciprocity.ledger', { sort: 'balance', offset: 200, limit: 200 }) },
    // The screen opens on its ledger with the queues' sizes; a queue's rows come when its tab opens.
    { screen: 'reciprocity', name: 'reciprocity.queueSummary', run: () => api('reciprocity.queueSummary', { now: '2026-01-01T12:00:00.000Z' }) },
    // Every queue whole, in one answer: no screen asks it (reciprocity.spec checks the screen never does; tests
    // use it to read all the queues at once). Measured, but not held to a screen's target.
    { screen: 'none', name: 'reciprocity.queues', run: () => api('reciprocity.queues', { now: '2026-01-01T12:00:00.000Z' }) }, // as of the journal's last day: at today's date its windows were empty
    { screen: 'log', name: 'reciprocity.thanksOwed (2 people)', run: (i) => api('reciprocity.thanksOwed', { personIds: [someone(i), someone(i + 1)], now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'log', name: 'reciprocity.beforeAsk (2 people)', run: (i) => api('reciprocity.beforeAsk', { personIds: [someone(i), someone(i + 1)] }) },
    // What a queue tab reads: its list's first fifty rows (a tab of two lists reads both). Listed after the
    // calls above, whose warm-up call picks its people by its place in the list.
    { screen: 'reciprocity', name: 'reciprocity.queue (give first, first 50)', run: () => api('reciprocity.queue', { list: 'give-first', limit: 50, now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'reciprocity', name: 'reciprocity.queue (thanks owed, first 50)', run: () => api('reciprocity.queue', { list: 'thanks', limit: 50, now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'reciprocity', name: 'reciprocity.queue (i owe, first 50)', run: () => api('reciprocity.queue', { list: 'i-owe', limit: 50, now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'reciprocity', name: 'reciprocity.queue (owed to me, first 50)', run: () => api('reciprocity.queue', { list: 'owed-to-me', limit: 50, now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'reciprocity', name: 'reciprocity.queue (past cadence, first 50)', run: () => api('reciprocity.queue', { list: 'past-cadence', limit: 50, now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'reciprocity', name: 'reciprocity.queue (only asks, first 50)', run: () => api('reciprocity.queue', { list: 'only-asks', limit: 50, now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'review', name: 'review.quarter', run: (i) => api('review.quarter', { quarter: i % 2 ? quarterNow : '2024-Q2', now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'associations', name: 'associations.list', run: () => api('associations.list', { now: '2026-01-01T12:00:00.000Z' }) },
    { screen: 'associations', name: 'associations.get', run: (i) => api('associations.get', { id: 1 + (i % data.associations), now: '2026-01-01T12:00:00.000Z' }) },
  ];
  const callLabel = (call: { screen: string; name: string }) => `${call.screen === 'none' ? 'no screen' : `screen ${call.screen}`}: ${call.name}`;
  const screenCalls = only ? allScreenCalls.filter((call) => call.name.includes(only)) : allScreenCalls;
  log(`every screen's calls through the API: ${screenCalls.length} calls × ${iterations}`);
  const returned: Record<string, number> = {};
  for (const [i, call] of screenCalls.entries()) returned[call.name] = JSON.stringify(await call.run(i)).length; // warm, and what it returns
  const screenSamples: number[][] = screenCalls.map(() => []);
  for (let i = 0; i < iterations; i += 1) {
    for (const [index, call] of screenCalls.entries()) {
      const t = performance.now();
      await call.run(i);
      screenSamples[index]!.push(performance.now() - t);
    }
  }
  const memory = process.memoryUsage();
  if (only) {
    printTable(screenCalls.map((call, index) => row(`${callLabel(call)} (${kb(returned[call.name] ?? 0)})`, stats(screenSamples[index]!), {})));
    await journal.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }

  // After writes, the typo fallback's vocabulary is rebuilt at most once a minute (see search/fuzzy.ts);
  // this is what that rebuild costs, once, on a fresh index.
  // And the longest the journal's thread is held during it: the gaps between turns of the event loop,
  // when other calls would get in.
  const rebuild: number[] = [];
  const held: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    let last = performance.now();
    let running = true;
    const tick = () => {
      // The turn already queued when the rebuild ends is not a gap of the rebuild's: it may come minutes later.
      if (!running) return;
      const at = performance.now();
      held.push(at - last);
      last = at;
      setImmediate(tick);
    };
    setImmediate(tick);
    const t = performance.now();
    const index = new FuzzyIndex(raw);
    await index.correct(journalDb.db, 'calibraton', false); // starts the read; answers at once
    await index.vocabularyRead();
    rebuild.push(performance.now() - t);
    held.push(performance.now() - last); // its last slice, up to the end of the read
    running = false;
  }

  // The plain way to rank with FTS5: bm25 over every match, then the LIMIT. The app ranks only the newest
  // hundred matches (search.ts), so this is the statement a first version would run, not the app's own.
  log('raw better-sqlite3 search: the plain ranked FTS statement (ORDER BY rank over every match) and row read, without parsing, people, highlighting or fuzzy layer');
  const ranked = raw.prepare('SELECT rowid AS id, rank FROM interactions_fts WHERE interactions_fts MATCH ? ORDER BY rank LIMIT 31');
  const rowsOf = raw.prepare('SELECT id, occurred_at, kind, title, notes, confidential, location FROM interactions WHERE id IN (SELECT value FROM json_each(?))');
  const rawQueries = queries.filter(({ query }) => {
    const parsed = parseQuery(query);
    return parsed.terms.length > 0 && parsed.person.length === 0 && parsed.kind.length === 0;
  });
  const rawMatch = new Map(rawQueries.map(({ query }) => [query, matchExpression(parseQuery(query).terms, ['title', 'public_notes', 'location'])!]));
  const rawSearch = await timeEach(rawQueries, iterations, ({ query }) => {
    const ids = (ranked.all(rawMatch.get(query)) as { id: number }[]).map((row) => row.id);
    rowsOf.all(JSON.stringify(ids));
  });
  const apiSameQueries = stats(rawQueries.flatMap(({ query }) => apiSearch.perQuery[queries.findIndex((q) => q.query === query)] ?? []));

  let rgSearch: { all: number[]; perQuery: number[][] } = { all: [], perQuery: queries.map(() => []) };
  let fuseSearch: { all: number[]; perQuery: number[][] } = { all: [], perQuery: queries.map(() => []) };
  let fuseBuild = Number.NaN;
  if (baselines) {
  log(`(b) writing ${interactions.toLocaleString()} markdown files for ripgrep`);
  started = performance.now();
  const mdDir = join(dir, 'notes');
  mkdirSync(mdDir);
  for (const file of markdownFiles(raw)) writeFileSync(join(mdDir, `${file.id}.md`), file.text);
  log(`written in ${seconds(started)}`);
  const ripgrep = (query: string) => {
    const parsed = parseQuery(query);
    // A plain-notes user greps for each word (or phrase, or name) and narrows the file list down.
    const needles = [...parsed.terms.map((term) => term.text), ...parsed.person.map((term) => term.text)];
    let files: string[] | null = null;
    for (const needle of needles) {
      const run = (paths: string[]) =>
        spawnSync('rg', ['-l', '-i', '-F', '--no-messages', '--', needle, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout.split('\n').filter(Boolean);
      if (files === null) {
        files = run([mdDir]);
      } else {
        const kept: string[] = [];
        for (let i = 0; i < files.length; i += 2000) kept.push(...run(files.slice(i, i + 2000)));
        files = kept;
      }
      if (files.length === 0) break;
    }
    return files?.length ?? 0;
  };
  for (const { query } of queries.slice(0, 2)) ripgrep(query); // warm the page cache
  const rgIterations = Math.max(2, Math.round(iterations / 4));
  log(`(b) ripgrep: ${queries.length} queries × ${rgIterations}`);
  rgSearch = await timeEach(queries, rgIterations, ({ query }) => void ripgrep(query));

  log('(a) fuse.js over every note: building the index');
  started = performance.now();
  const docs = raw.prepare('SELECT id, title, notes FROM interactions WHERE deleted_at IS NULL').all() as { id: number; title: string; notes: string }[];
  const fuse = new Fuse(docs, { keys: ['title', 'notes'], ignoreLocation: true, threshold: 0.3 });
  fuseBuild = performance.now() - started;
  log(`built in ${seconds(started)}; searching each query once (seconds per query at this size)`);
  fuseSearch = await timeEach(queries, 1, ({ query }) => {
    const text = parseQuery(query).terms.map((term) => term.text).join(' ') || query;
    fuse.search(text, { limit: 30 });
  });
  }

  const measuredWrites = await measureWrites(journal, raw, writes);

  log('timeline page (50 entries) deep in history');
  const total = raw.prepare('SELECT count(*) FROM interactions WHERE deleted_at IS NULL').pluck().get() as number;
  const cursors = Array.from({ length: iterations * 2 }, (_, i) => {
    const offset = Math.floor(total * (0.8 + (0.15 * i) / (iterations * 2)));
    const row = raw.prepare('SELECT occurred_at, id FROM interactions WHERE deleted_at IS NULL ORDER BY occurred_at DESC, id DESC LIMIT 1 OFFSET ?').get(offset) as { occurred_at: string; id: number };
    return `${row.occurred_at}~${row.id}`;
  });
  const apiTimeline = await timeAll(cursors, (after) => api('interactions.timeline', { after, limit: 50 }));
  const page = raw.prepare(`SELECT id, occurred_at, kind, title, notes, confidential, location FROM interactions
    WHERE deleted_at IS NULL AND (occurred_at, id) < (?, ?) ORDER BY occurred_at DESC, id DESC LIMIT 51`);
  const pagePeople = raw.prepare(`SELECT ip.interaction_id, p.id, p.name FROM interaction_people ip JOIN people p ON p.id = ip.person_id
    WHERE ip.interaction_id IN (SELECT value FROM json_each(?)) ORDER BY p.name`);
  const rawTimeline = await timeAll(cursors, (after) => {
    const [occurredAt, id] = after.split('~') as [string, string];
    const rows = page.all(occurredAt, Number(id)) as { id: number }[];
    pagePeople.all(JSON.stringify(rows.map((row) => row.id)));
  });

  const search = stats(apiSearch.all);
  const rows: Row[] = [
    row('search (API), all queries', search, { '(a) fuse.js': stats(fuseSearch.all), '(b) ripgrep': stats(rgSearch.all) }),
    row('  search: text-only queries, vs plain ranked SQL raw', apiSameQueries, { '(c) raw SQL': stats(rawSearch.all) }),
    ...Object.entries(groupBy(queries, apiSearch.perQuery)).map(([kind, samples]) =>
      row(`  search: ${kind}`, stats(samples), {
        '(a) fuse.js': stats(groupBy(queries, fuseSearch.perQuery)[kind] ?? []),
        '(b) ripgrep': stats(groupBy(queries, rgSearch.perQuery)[kind] ?? []),
      }),
    ),
    ...screenCalls.map((call, index) => row(`${callLabel(call)} (${kb(returned[call.name] ?? 0)})`, stats(screenSamples[index]!), {})),
    row('typo vocabulary rebuild (≤ once a minute after writes)', stats(rebuild), {}),
    row('  longest the thread is held during that rebuild', { n: held.length, p50: Math.max(...held), p95: Math.max(...held), p99: Math.max(...held) }, {}),
    measuredWrites.row,
    row('timeline page, 80–95% deep (API)', stats(apiTimeline), { '(c) raw SQL': stats(rawTimeline) }),
  ];
  printTable(rows);

  const searchP95 = search.p95;
  const searchLimit = interactions >= 1_000_000 ? 100 : 20;
  const targets = [
    target(`search p95 < ${searchLimit} ms`, searchP95 < searchLimit, withUnit(searchP95)),
    ...(baselines
      ? [
          target('search ≥ 50× faster than (a) fuse.js (p95)', stats(fuseSearch.all).p95 / searchP95 >= 50, `${ratio(stats(fuseSearch.all).p95 / searchP95)}`),
          target('search ≥ 5× faster than (b) ripgrep (p95)', stats(rgSearch.all).p95 / searchP95 >= 5, `${ratio(stats(rgSearch.all).p95 / searchP95)}`),
        ]
      : []),
    measuredWrites.target,
    target('longest the thread is held by the vocabulary rebuild < 50 ms', Math.max(...held) < 50, withUnit(Math.max(...held))),
    ...screenCalls.filter((call) => call.screen !== 'none').map((call) => {
      const index = screenCalls.indexOf(call);
      const p95 = stats(screenSamples[index]!).p95;
      const limit = interactions >= 1_000_000 ? 250 : 50;
      return target(`${call.name} p95 < ${limit} ms`, p95 < limit, withUnit(p95));
    }),
  ];
  console.log(
    `\nJournal: ${people.toLocaleString()} people, ${interactions.toLocaleString()} interactions, ${data.exchanges.toLocaleString()} exchanges, ${data.asks.toLocaleString()} asks, ` +
      `${data.thanks.toLocaleString()} thanks, ${data.commitments.toLocaleString()} commitments, ${data.associations} associations; commonest words ${data.commonest.join(', ')}.`,
  );
  console.log(measuredWrites.gcLine);
  console.log(`Journal process memory after the screen calls: rss ${mb(memory.rss)}, JS heap ${mb(memory.heapUsed)}, outside the JS heap (SQLite page cache, buffers) ${mb(memory.external + memory.arrayBuffers)}.`);
  console.log(`\nTargets at ${sizeName}:`);
  for (const t of targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.name}: ${t.value}`);

  const resultsDir = join(import.meta.dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `bench-${sizeName}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ size: sizeName, interactions, people, seed, iterations, memory, data, node: process.version, fuseBuildMs: fuseBuild, ripgrep: rg.stdout.split('\n')[0], queries, rows, targets }, null, 2),
  );
  console.log(`\nwrote ${file}`);
  await journal.close();
} finally {
  rmSync(dir, { recursive: true, force: true }); // a --journal= elsewhere is kept
}

/**
 * Logging an interaction through the API (Journal.call: the contract's validation, the call queue, the
 * people check, BEGIN IMMEDIATE … COMMIT, the answer) against the floor: the same rows written with
 * prepared statements in one transaction (one interaction with the same note, two links, so the same
 * triggers: search index, counters, contacts, co-attendance). Both on the one connection, so the same
 * pragmas (synchronous = FULL: every commit fsyncs the -wal), the same disk and the same index sizes; taken
 * in turn, so SQLite's backstop checkpoint (every 4,000 frames, about sixty pairs of writes) and the search
 * index's segment merges land on either side alike. The app's idle checkpoint never fires here (the writes
 * leave no idle second), as when someone logs several entries in a row. Warmed first on both sides. Also
 * reports the garbage collector's pauses that fell inside each side's writes.
 */
async function measureWrites(journal: Journal, raw: JournalDb['raw'], count: number) {
  log(`logging an interaction: API vs raw statements, ${count} each (after 20 each to warm)`);
  const peopleIds = raw.prepare('SELECT id FROM people ORDER BY random() LIMIT 200').pluck().all() as number[];
  const note = 'Talked through the hiring plan and the budget for next quarter. She wants a clearer roadmap before the board meeting; I will send the draft deck by Friday and introduce her to the pricing team.';
  const insert = raw.prepare(`INSERT INTO interactions (occurred_at, kind, title, notes, confidential, location, created_at, updated_at) VALUES (?, 'meeting', ?, ?, 0, NULL, ?, ?)`);
  const link = raw.prepare('INSERT INTO interaction_people (interaction_id, person_id) VALUES (?, ?)');
  const rawCreate = raw.transaction((i: number) => {
    const at = new Date().toISOString();
    const id = insert.run(at, `Raw write ${i}`, note, at, at).lastInsertRowid;
    link.run(id, peopleIds[i % 200]);
    link.run(id, peopleIds[(i + 7) % 200]);
  });
  const apiCreate = async (i: number) => {
    const result = await journal.call('interactions.create', { occurredAt: new Date().toISOString(), kind: 'meeting', title: `Bench write ${i}`, notes: note, personIds: [peopleIds[i % 200]!, peopleIds[(i + 7) % 200]!] });
    if (!result.ok) throw new Error(`interactions.create failed: ${result.error.message}`);
  };
  for (let i = 0; i < 20; i += 1) {
    await apiCreate(i);
    rawCreate(i);
  }
  const pauses: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries().map((entry) => ({ start: entry.startTime, end: entry.startTime + entry.duration }))));
  observer.observe({ entryTypes: ['gc'] });
  const apiSpans: { start: number; end: number }[] = [];
  const rawSpans: { start: number; end: number }[] = [];
  for (let i = 0; i < count; i += 1) {
    let start = performance.now();
    await apiCreate(i);
    apiSpans.push({ start, end: performance.now() });
    start = performance.now();
    rawCreate(i);
    rawSpans.push({ start, end: performance.now() });
  }
  await new Promise((resolve) => setTimeout(resolve, 0)); // the observer is told in a later turn of the timers
  observer.disconnect();
  const gcIn = (spans: { start: number; end: number }[]) => {
    const inside = pauses.filter((pause) => spans.some((span) => pause.start < span.end && pause.end > span.start));
    return `${inside.length} (${fmt(inside.reduce((sum, pause) => sum + pause.end - pause.start, 0))} ms)`;
  };
  const apiWrite = stats(apiSpans.map((span) => span.end - span.start));
  const rawWrite = stats(rawSpans.map((span) => span.end - span.start));
  return {
    row: row('log an interaction (API, with FTS upkeep)', apiWrite, { '(c) raw SQL': rawWrite }),
    target: target('write p95 ≤ 2× (c) raw', apiWrite.p95 / rawWrite.p95 <= 2, `${ratio(apiWrite.p95 / rawWrite.p95)}`),
    gcLine: `Garbage collector pauses inside the ${count} writes of each side: API ${gcIn(apiSpans)}, raw ${gcIn(rawSpans)}.`,
  };
}

/**
 * A calendar with meetings over the journal's last two weeks (as of 2026-01-01), a few a day: attendees
 * by the names of people in the journal (some written "Last, First", some misspelled, some unknown), so
 * the sidebar's meetings-to-log count does the matching it does for a real user. Once per journal.
 */
function fillCalendar(raw: JournalDb['raw'], seed: number): number {
  if ((raw.prepare('SELECT COUNT(*) FROM calendar_occurrences').pluck().get() as number) > 0) return 0;
  const rng = new Rng(seed + 7);
  const names = raw.prepare('SELECT name FROM people ORDER BY id').pluck().all() as string[];
  const source = raw.prepare(`INSERT INTO calendar_sources (kind, name, created_at) VALUES ('import', 'Bench calendar', ?)`).run(new Date().toISOString()).lastInsertRowid;
  const insert = raw.prepare(`INSERT INTO calendar_occurrences (source_id, uid, recurrence_id, starts_at, ends_at, title, attendees) VALUES (?, ?, '', ?, ?, ?, ?)`);
  const end = Date.parse('2026-01-01T09:00:00.000Z');
  const count = 150;
  raw.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const startsAt = end - Math.floor(rng.next() * 14 * 86_400_000);
      const attendees = Array.from({ length: 1 + Math.floor(rng.next() * 4) }, (_, j) => {
        const name = names[Math.floor(rng.next() * names.length)]!;
        const roll = rng.next();
        const written = roll < 0.15 ? name.split(' ').reverse().join(', ') : roll < 0.25 ? name.replace(/[aeiou](?=[^aeiou]*$)/, '') : roll < 0.35 ? `Guest ${i}-${j}` : name;
        return { name: written, email: null };
      });
      insert.run(source, `bench-${i}`, new Date(startsAt).toISOString(), new Date(startsAt + 1_800_000).toISOString(), `Bench meeting ${i}`, JSON.stringify(attendees));
    }
  })();
  return count;
}

// Measurement helpers.

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}
interface Row {
  name: string;
  confidant: Stats;
  baselines: Record<string, Stats>;
}

async function timeEach<Q>(queries: Q[], times: number, run: (query: Q) => unknown): Promise<{ all: number[]; perQuery: number[][] }> {
  const perQuery: number[][] = queries.map(() => []);
  // Interleaved, so a slow moment of the machine spreads over every query instead of hitting one.
  for (let i = 0; i < times; i += 1) {
    for (const [index, query] of queries.entries()) {
      const t = performance.now();
      await run(query);
      perQuery[index]!.push(performance.now() - t);
    }
  }
  return { all: perQuery.flat(), perQuery };
}

async function timeAll<T>(items: T[], run: (item: T) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await run(item);
    samples.push(performance.now() - t);
  }
  return samples;
}

function groupBy(queries: { kind: string }[], perQuery: number[][]): Record<string, number[]> {
  const groups: Record<string, number[]> = {};
  queries.forEach((query, index) => (groups[query.kind] ??= []).push(...(perQuery[index] ?? [])));
  return groups;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function row(name: string, confidant: Stats, baselines: Record<string, Stats>): Row {
  return { name, confidant, baselines };
}

function target(name: string, met: boolean, value: string) {
  return { name, met, value };
}

function fmt(ms: number): string {
  if (Number.isNaN(ms)) return '–';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** A figure with its unit: fmt gives seconds their own. */
function withUnit(ms: number): string {
  return ms >= 1000 ? fmt(ms) : `${fmt(ms)} ms`;
}

function ratio(value: number): string {
  return Number.isFinite(value) ? `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×` : '–';
}

function kb(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} kB`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1_048_576)} MB`;
}

function seconds(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

function printTable(rows: Row[]): void {
  const baselineNames = ['(a) fuse.js', '(b) ripgrep', '(c) raw SQL'];
  const header = ['', 'Confidant p50', 'p95', 'p99', ...baselineNames.flatMap((name) => [`${name} p95`, 'Confidant is'])];
  const lines = rows.map((r) => [
    r.name,
    fmt(r.confidant.p50),
    fmt(r.confidant.p95),
    fmt(r.confidant.p99),
    ...baselineNames.flatMap((name) => {
      const base = r.baselines[name];
      if (!base || base.n === 0) return ['', ''];
      const times = base.p95 / r.confidant.p95;
      return [fmt(base.p95), times >= 1 ? `${ratio(times)} faster` : `${ratio(1 / times)} slower`];
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i]!.length)));
  const print = (cells: string[]) => console.log(cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  console.log('\nAll times in milliseconds unless marked.');
  print(header);
  for (const line of lines) print(line);
}
