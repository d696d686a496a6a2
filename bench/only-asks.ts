// `node --import tsx bench/only-asks.ts --journal=/path/copy.sqlite [--iterations=30]`: keep-in-touch's "Only
// asks lately" list (reciprocity.queues) before and after migration 13, in one run on one journal's data.
// Before: the query as it was (the window's interactions walked in date order, then their people), on a copy
// at schema 12 opened without migrating. After: the query as it is, on a copy at the latest schema. Both answer
// for the same moments, and the answers must be equal. Prints p50/p95 and the ratio. Never part of `npm test`.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../src-main/core/db/schema.js';
import { openJournal } from '../src-main/core/index.js';
import { asOf, daysBefore } from '../src-main/core/reciprocity/clock.js';
import { onlyAsksList } from '../src-main/core/reciprocity/ledger.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const source = args.journal;
if (!source || !existsSync(source)) throw new Error('--journal=/path/to/a/schema-12/bench/journal.sqlite is needed (a copy: it is not changed).');
const iterations = Number(args.iterations ?? 30);

/** A copy of the journal (and its WAL) beside it. */
function copy(suffix: string): string {
  const target = `${source}.${suffix}`;
  for (const tail of ['', '-wal', '-shm']) {
    rmSync(target + tail, { force: true });
    if (existsSync(source + tail)) copyFileSync(source + tail, target + tail);
  }
  return target;
}

const beforePath = copy('before');
const afterPath = copy('after');
const raw = new BetterSqlite3(beforePath);
const version = raw.pragma('user_version', { simple: true });
if (version !== 12) throw new Error(`The "before" journal must be at schema 12 (it is at ${version}).`);
const before = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
const after = await openJournal(afterPath);

/** The query before migration 13, as ledger.ts had it. */
async function previous(db: Kysely<Database>, now: string) {
  const window = daysBefore(now, 183);
  const { rows } = await sql<{ id: number; ask_contacts: number; loose_asks: number; last_at: string }>`
    WITH askers AS (
      SELECT ap.person_id FROM asks a JOIN ask_people ap ON ap.ask_id = a.id
      LEFT JOIN interactions ai INDEXED BY interactions_live ON ai.id = a.interaction_id
      WHERE a.direction = 'i-asked' AND (
        (a.interaction_id IS NULL AND a.asked_at >= ${window} AND a.asked_at <= ${now})
        OR (ai.deleted_at IS NULL AND ai.occurred_at >= ${window} AND ai.occurred_at <= ${now}))
      GROUP BY ap.person_id
    ),
    contacts AS (
      SELECT ip.person_id, i.id AS interaction_id, i.occurred_at,
        EXISTS (
          SELECT 1 FROM asks a JOIN ask_people ap ON ap.ask_id = a.id
          WHERE a.interaction_id = i.id AND ap.person_id = ip.person_id AND a.direction = 'i-asked'
        ) AS with_ask
      FROM interactions i INDEXED BY interactions_timeline CROSS JOIN interaction_people ip ON ip.interaction_id = i.id
      WHERE i.deleted_at IS NULL AND i.occurred_at >= ${window} AND i.occurred_at <= ${now}
        AND +ip.person_id IN askers
    ),
    per_person AS (
      SELECT person_id, COUNT(*) AS contacts, SUM(with_ask) AS ask_contacts, MAX(occurred_at) AS last_at
      FROM contacts GROUP BY person_id
    ),
    loose AS (
      SELECT ap.person_id, COUNT(*) AS loose_asks, MAX(a.asked_at) AS last_at
      FROM asks a JOIN ask_people ap ON ap.ask_id = a.id
      WHERE a.interaction_id IS NULL AND a.direction = 'i-asked' AND a.asked_at >= ${window} AND a.asked_at <= ${now}
      GROUP BY ap.person_id
    )
    SELECT p.id, COALESCE(pp.ask_contacts, 0) AS ask_contacts, COALESCE(loose.loose_asks, 0) AS loose_asks,
      MAX(COALESCE(pp.last_at, ''), COALESCE(loose.last_at, '')) AS last_at
    FROM people p
    LEFT JOIN per_person pp ON pp.person_id = p.id
    LEFT JOIN loose ON loose.person_id = p.id
    WHERE COALESCE(pp.ask_contacts, 0) + COALESCE(loose.loose_asks, 0) > 0
      AND COALESCE(pp.contacts, 0) = COALESCE(pp.ask_contacts, 0)
    ORDER BY last_at DESC`.execute(db);
  return rows.map((row) => ({ id: row.id, asks: Number(row.ask_contacts) + Number(row.loose_asks), last: row.last_at || null }));
}

// Moments across the journal's history: now, and a few past "nows" (a past quarter's review).
const latest = raw.prepare('SELECT max(occurred_at) FROM interactions').pluck().get() as string;
const moments = [0, 90, 365, 730].map((days) => daysBefore(latest, days));
const samples = { before: [] as number[], after: [] as number[] };
let listed = 0;
for (let i = 0; i < iterations; i += 1) {
  for (const now of moments) {
    let t = performance.now();
    const old = await previous(before, now);
    samples.before.push(performance.now() - t);
    t = performance.now();
    const fresh = (await onlyAsksList(after.db, asOf({ now }))).map((item) => ({ id: item.person.id, asks: item.asks, last: item.lastContactAt }));
    samples.after.push(performance.now() - t);
    if (i === 0) {
      if (JSON.stringify(old) !== JSON.stringify(fresh)) throw new Error(`Different answers at ${now}: ${JSON.stringify(old).slice(0, 300)} / ${JSON.stringify(fresh).slice(0, 300)}`);
      listed += fresh.length;
    }
  }
}
const pct = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil(q * list.length) - 1)]!;
const line = (name: string, list: number[]) => `${name.padEnd(8)} p50 ${pct(list, 0.5).toFixed(2).padStart(7)} ms   p95 ${pct(list, 0.95).toFixed(2).padStart(7)} ms   max ${Math.max(...list).toFixed(2).padStart(7)} ms`;
console.log(`Only asks lately, ${moments.length} moments × ${iterations}; the same ${listed} people listed before and after.`);
console.log(line('before', samples.before));
console.log(line('after', samples.after));
console.log(`after is ${(pct(samples.before, 0.5) / pct(samples.after, 0.5)).toFixed(1)}× faster at p50, ${(pct(samples.before, 0.95) / pct(samples.after, 0.95)).toFixed(1)}× at p95`);
await before.destroy();
await after.close();
for (const path of [beforePath, afterPath]) for (const tail of ['', '-wal', '-shm']) rmSync(path + tail, { force: true });
