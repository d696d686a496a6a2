// `node --import tsx bench/vocabulary.ts --journal=/path/copy.sqlite [--runs=5]`: the typo vocabulary read
// (search/fuzzy.ts) as it was (chunks of rows, LIMIT n a statement, sized by what the last one cost) and as
// it is (one statement stepped row by row, paused every slice), in one run on the same journal: the total,
// and the longest the thread was held (the longest gap between turns of the event loop, when other calls
// get in). Both must read the same words. Never part of `npm test`.
import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src-main/core/db/schema.js';
import { openJournal } from '../src-main/core/index.js';
import { readVocabulary, type VocabularyBucket } from '../src-main/core/search/fuzzy.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
if (!args.journal || !existsSync(args.journal)) throw new Error('--journal=/path/to/a/copy/of/a/bench/journal.sqlite is needed.');
const runs = Number(args.runs ?? 5);
const journalDb = await openJournal(args.journal);

/** The read before: chunks of rows, each a statement, halved after a slow one and doubled after a quick one. */
async function previous(db: Kysely<Database>): Promise<Map<string, VocabularyBucket>> {
  const CHUNK = { first: 64, least: 8, most: 4096, aimMs: 8 };
  const totals = new Map<string, { open: boolean; docs: number }>();
  let from = '';
  let chunk = CHUNK.first;
  for (;;) {
    const started = performance.now();
    const { rows } = await sql<{ term: string; col: string; doc: number }>`
      SELECT term, col, doc FROM interactions_vocab WHERE term >= ${from} ORDER BY term LIMIT ${chunk}`.execute(db);
    const took = performance.now() - started;
    const last = rows.length === chunk ? rows.at(-1)!.term : null;
    for (const { term, col, doc } of rows) {
      if (term === last || [...term].length < 4) continue;
      const total = totals.get(term) ?? { open: false, docs: 0 };
      total.docs += doc;
      total.open ||= col !== 'secret_notes';
      totals.set(term, total);
    }
    if (last === null) break;
    from = last;
    if (took > CHUNK.aimMs * 2) chunk = Math.max(CHUNK.least, chunk >> 1);
    else if (took < CHUNK.aimMs / 2) chunk = Math.min(CHUNK.most, chunk << 1);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const buckets = new Map<string, VocabularyBucket>();
  for (const [term, { open, docs }] of totals) {
    const key = `${term[0]}${term.length}`;
    const bucket = buckets.get(key) ?? { open: [], all: [] };
    bucket.all.push({ term, docs });
    if (open) bucket.open.push({ term, docs });
    buckets.set(key, bucket);
  }
  return buckets;
}

/** The read's total and the longest gap between turns of the event loop while it ran. */
async function measure(read: () => Promise<Map<string, VocabularyBucket>>) {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  const words = await read();
  const total = performance.now() - started;
  running = false;
  longest = Math.max(longest, performance.now() - last);
  return { total, longest, words };
}

const canonical = (words: Map<string, VocabularyBucket>) =>
  JSON.stringify([...words.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, bucket]) => [key, bucket.all, bucket.open]));
const results = { before: [] as { total: number; longest: number }[], after: [] as { total: number; longest: number }[] };
let terms = 0;
for (let run = 0; run < runs; run += 1) {
  const before = await measure(() => previous(journalDb.db));
  const after = await measure(() => readVocabulary(journalDb.raw));
  if (canonical(before.words) !== canonical(after.words)) throw new Error('The two reads found different words.');
  terms = [...after.words.values()].reduce((sum, bucket) => sum + bucket.all.length, 0);
  results.before.push(before);
  results.after.push(after);
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
console.log(`Typo vocabulary (${terms.toLocaleString()} words of four letters or more), ${runs} runs each, alternating:`);
for (const name of ['before', 'after'] as const) {
  const list = results[name];
  console.log(
    `${name.padEnd(7)} total median ${median(list.map((r) => r.total)).toFixed(1).padStart(7)} ms (max ${Math.max(...list.map((r) => r.total)).toFixed(1)})` +
      `   longest hold median ${median(list.map((r) => r.longest)).toFixed(1).padStart(6)} ms (max ${Math.max(...list.map((r) => r.longest)).toFixed(1)})`,
  );
}
console.log(
  `after/before: total ${(median(results.after.map((r) => r.total)) / median(results.before.map((r) => r.total))).toFixed(2)}×, ` +
    `longest hold ${(median(results.after.map((r) => r.longest)) / median(results.before.map((r) => r.longest))).toFixed(2)}×`,
);
await journalDb.close();
