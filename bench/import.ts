// `npm run bench:import [-- --contacts=10000]`: importing a large address book through the core API, as the
// worker runs it (Journal.call): cutting the file into cards (stage), the preview page by page (parsing and
// matching: what the progress bar waits on, and the longest any one call holds the worker), the write (one
// transaction in the import thread, as the app runs it), and the same file a second time (everything matches,
// nothing is written). While the thread writes, a probe asks the journal for journal.info back to back: its
// latency (p50, p95, max) against the same probe with no import running is how long the worker is held.
// The floor, measured in the same run on the same rows: raw better-sqlite3 inserts of the same people in one
// transaction. Never part of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, openJournal } from '../src-main/core/index.js';
import { importThread } from '../tests/import-thread.js';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const count = Number(args.contacts ?? 10_000);
const PAGE = 500;

const first = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eve', 'Farah', 'Gustavo', 'Hana', 'Ingrid', 'Jun', 'Kwame', 'Léa', 'Mateo', 'Nadia', 'Oskar', 'Priya'];
const last = ['Ruiz', 'Okafor', 'Martin', 'Ivanov', 'Kim', 'Haddad', 'Souza', 'Sato', 'Berg', 'Chen', 'Mensah', 'Dubois', 'García', 'Rahman', 'Nilsson', 'Raman'];
const orgs = ['Northwind Traders', 'Contoso', 'Fabrikam', 'Tailspin Toys', 'Wide World Importers', 'Litware', 'Adventure Works', 'Proseware'];
const photo = ` ${'/9j/4AAQSkZJRgABAQAAAQABAAD/4QBYRXhpZgAATU0AKgAA'.repeat(40).match(/.{1,74}/g)?.join('\r\n ')}`;

function contact(i: number) {
  const name = `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]} ${i}`;
  return { name, org: orgs[i % orgs.length] ?? '', email: `person${i}@example.com`, title: i % 3 === 0 ? 'Director' : 'Engineer' };
}

function vcards(n: number): string {
  const cards: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = contact(i);
    const [given, family] = c.name.split(' ');
    cards.push([
      'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Apple Inc.//macOS 14.4//EN', `N:${family};${given};;;`, `FN:${c.name}`, `ORG:${c.org};`,
      `TITLE:${c.title}`, `item1.EMAIL;type=INTERNET;type=pref:${c.email}`, 'item1.X-ABLabel:_$!<Work>!$_', `TEL;type=CELL;type=VOICE:+1 415 555 ${String(i % 10000).padStart(4, '0')}`,
      `X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/p${i}`, i % 4 === 0 ? 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-22' : 'BDAY:1980-03-22',
      'NOTE:Met at the offsite. Prefers morning calls\\; ask about the reorg and', '  the hiring plan.', 'CATEGORIES:Work,Platform',
      ...(i % 10 === 0 ? [`PHOTO;ENCODING=b;TYPE=JPEG:${photo.trim()}`] : []), 'END:VCARD',
    ].join('\r\n'));
  }
  return `${cards.join('\r\n')}\r\n`;
}

function linkedIn(n: number): string {
  const rows = ['\uFEFFNotes:', '"When exporting your connection data, you may notice that some of the email addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 0; i < n; i++) {
    const c = contact(i);
    const [given, ...rest] = c.name.split(' ');
    rows.push(`${given},${rest.join(' ')},https://www.linkedin.com/in/p${i},${i % 5 === 0 ? c.email : ''},"${c.org}",${c.title},15 Mar 2024`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

const dir = await mkdtemp(join(args.dir ?? tmpdir(), 'confidant-bench-import-'));
const results: Record<string, unknown> = { contacts: count, cpus: cpus().length, loadAverageAtStart: loadavg()[0] };
// A loaded machine slows every figure alike; the ratio to the floor (measured in the same run) is what compares.
console.log(`· ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`);
try {
  for (const [kind, fileName, text] of [['vCard', 'contacts.vcf', vcards(count)], ['LinkedIn', 'Connections.csv', linkedIn(count)]] as const) {
    const journalDb = await openJournal(join(dir, `${kind}.sqlite`));
    const journal = new Journal(journalDb, { readSample: async () => ({}), importThread });
    const callOk = async (name: string, input: unknown) => {
      const result = await journal.call(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as Record<string, unknown>;
    };
    /** journal.info asked back to back until `stop` says so (or `limit` calls): how long the worker makes a call wait. */
    const probe = async (stop: () => Promise<boolean>, limit: number) => {
      const times: number[] = [];
      while (times.length < limit && !(await stop())) {
        // Calls reach the worker as messages, one macrotask each: a loop of microtasks alone would starve
        // the import thread's messages (and measure nothing the app does).
        await new Promise((resolve) => setImmediate(resolve));
        const t = performance.now();
        await callOk('journal.info', undefined);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
      return { p50: at(0.5), p95: at(0.95), max: times.at(-1) ?? 0, calls: times.length };
    };
    const run = async () => {
      let at = performance.now();
      const stage = (await callOk('import.stage', { fileName, text })) as { token: string; total: number };
      const stageMs = performance.now() - at;
      const pages: number[] = [];
      const counts: Record<string, number> = {};
      at = performance.now();
      for (let from = 0; from < stage.total; from += PAGE) {
        const t = performance.now();
        const page = (await callOk('import.preview', { token: stage.token, from, count: PAGE })) as { counts: Record<string, number> };
        pages.push(performance.now() - t);
        for (const [status, n] of Object.entries(page.counts)) counts[status] = (counts[status] ?? 0) + n;
      }
      const previewMs = performance.now() - at;
      const idle = await probe(() => Promise.resolve(false), 200);
      at = performance.now();
      let commit = (await callOk('import.commit', { token: stage.token })) as { state: string; toWrite: number };
      const commitCallMs = performance.now() - at;
      let writing = true;
      // The probe runs beside the progress loop, as the rest of the app does beside the dialog.
      const during = probe(async () => !writing, Number.POSITIVE_INFINITY);
      let updates = 0;
      try {
        while (commit.state === 'writing') {
          commit = (await callOk('import.progress', { token: stage.token })) as typeof commit;
          updates += 1;
        }
      } finally {
        // Also when the write failed: the probe stops, and the failure is what the bench reports.
        writing = false;
      }
      const commitMs = performance.now() - at;
      const held = await during;
      return { stageMs, previewMs, commitMs, commitCallMs, longestPreviewCallMs: Math.max(...pages), progressUpdates: updates, idle, during: held, counts, commit };
    };
    const firstRun = await run();
    const again = await run();

    // The floor: the same people, the same detail rows, plain prepared statements, one transaction.
    const floorDb = await openJournal(join(dir, `${kind}-floor.sqlite`));
    const insertPerson = floorDb.raw.prepare("INSERT INTO people (id, name, organization, role, created_at, updated_at) VALUES (?, ?, ?, ?, '2024', '2024')");
    const insertEmail = floorDb.raw.prepare('INSERT INTO person_emails (person_id, email, label, position) VALUES (?, ?, ?, 0)');
    const insertLink = floorDb.raw.prepare('INSERT INTO person_links (person_id, position, url, label) VALUES (?, 0, ?, ?)');
    let at = performance.now();
    floorDb.raw.transaction(() => {
      // Details first, then the person, as the importer writes them (see import/write.ts for why).
      floorDb.raw.pragma('defer_foreign_keys = ON');
      for (let i = 0; i < count; i++) {
        const c = contact(i);
        insertEmail.run(i + 1, c.email, 'work');
        insertLink.run(i + 1, `https://www.linkedin.com/in/p${i}`, 'LinkedIn');
        insertPerson.run(i + 1, c.name, c.org, c.title);
      }
    })();
    const floorMs = performance.now() - at;
    await floorDb.close();
    await journal.close();

    const total = firstRun.stageMs + firstRun.previewMs + firstRun.commitMs;
    results[kind] = { first: firstRun, again, floorMs, totalMs: total, ratioToFloor: total / floorMs };
    console.log(`\n${kind}: ${count.toLocaleString()} contacts (${(text.length / 1e6).toFixed(1)} MB)`);
    console.log(`  read the file (stage)        ${fmt(firstRun.stageMs)}`);
    console.log(`  preview, ${Math.ceil(count / PAGE)} pages of ${PAGE}      ${fmt(firstRun.previewMs)}   longest single call ${fmt(firstRun.longestPreviewCallMs)}`);
    console.log(`  write, one transaction       ${fmt(firstRun.commitMs)}   import.commit itself ${fmt(firstRun.commitCallMs)}, ${firstRun.progressUpdates} progress answers   ${JSON.stringify(firstRun.commit)}`);
    const { idle, during } = firstRun;
    console.log(`  journal.info while it writes p50 ${fmt(during.p50)}  p95 ${fmt(during.p95)}  max ${fmt(during.max)}  (${during.calls} calls; idle: p50 ${fmt(idle.p50)}  p95 ${fmt(idle.p95)}  max ${fmt(idle.max)}; p95 ratio ${(during.p95 / idle.p95).toFixed(1)}×)`);
    console.log(`  total                        ${fmt(total)}   ${(total / floorMs).toFixed(1)}× the floor (raw inserts: ${fmt(floorMs)})`);
    console.log(`  same file again              ${fmt(again.stageMs + again.previewMs + again.commitMs)}   ${JSON.stringify(again.counts)} → ${JSON.stringify(again.commit)}`);
  }
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  const file = join(import.meta.dirname, 'results', `import-${count}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote ${file}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`;
}
