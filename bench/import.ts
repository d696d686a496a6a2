// `npm run bench:import [-- --contacts=10000]`: importing a large address book through the core API, as the
// worker runs it (Journal.call): cutting the file into cards (stage), the preview page by page (parsing and
// matching: what the progress bar waits on, and the longest any one call holds the worker), the write in
// chunks of 500 (one call each), and the same file a second time (everything matches, nothing is written). The floor, measured in the same run on the same
// rows: raw better-sqlite3 inserts of the same people in one transaction. Never part of `npm test`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal, openJournal } from '../src-main/core/index.js';

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
    const journal = new Journal(journalDb, { readSample: async () => ({}) });
    const callOk = async (name: string, input: unknown) => {
      const result = await journal.call(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as Record<string, unknown>;
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
      at = performance.now();
      const chunks: number[] = [];
      let t = performance.now();
      let commit = (await callOk('import.commit', { token: stage.token })) as { done: boolean };
      chunks.push(performance.now() - t);
      while (!commit.done) {
        t = performance.now();
        commit = (await callOk('import.continue', { token: stage.token })) as { done: boolean };
        chunks.push(performance.now() - t);
      }
      const commitMs = performance.now() - at;
      // While it writes, another call (the People list) waits at most one chunk: measured by asking during the import.
      return { stageMs, previewMs, commitMs, longestPreviewCallMs: Math.max(...pages), chunks: chunks.length, longestChunkMs: Math.max(...chunks), counts, commit };
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
    console.log(`  write, ${firstRun.chunks} chunks of ${500}       ${fmt(firstRun.commitMs)}   longest single call ${fmt(firstRun.longestChunkMs)}   ${JSON.stringify(firstRun.commit)}`);
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
