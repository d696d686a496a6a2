// Import, in steps the renderer drives: stage (cut the file into cards or rows, in the worker), preview
// (page by page: each page parses its cards and matches them, so a 10,000-contact file shows real progress
// and no call holds the worker long), then commit, which hands the decided rows to the import thread: one
// transaction, all or nothing, on a connection of its own (commit.ts). The worker meanwhile serves reads;
// its writes wait for the import (Journal.holdWrites). import.progress follows it; import.cancel rolls it back.
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import Fuse from 'fuse.js';
import type { Kysely } from 'kysely';
import type { ParsedInput } from '../../contract/contract.js';
import type { CsvField, FieldDifference, ImportKind, ImportPreviewPage, ImportResult, ImportStage, MergeField, PreviewRow } from '../../contract/transfer.js';
import type { JournalDb } from '../db/open.js';
import type { Database } from '../db/schema.js';
import { JournalError } from '../errors.js';
import { within } from '../within.js';
import { normalizeEmail } from '../people/contacts.js';
import { runImportWrite, sendPlan, type ImportPlan, type WriterData, type WriterMessage, type WriterOutcome } from './commit.js';
import type { ImportedContact } from './contact.js';
import { csvContact, guessMapping, headerKey, isLinkedIn, linkedInMapping, readCsv } from './csv.js';
import { addressKey, digits, newDetails, normalizeName, normalizeOrg, normalizeUrl, scalar, type Held, type Known } from './merge.js';
import { ImportFileError, looksLikeVcard, parseCard, splitVcards, type ParsedCard } from './vcard.js';

export { normalizeOrg };

/**
 * Starts the import thread (src-main/shell/import-writer.ts) with `data` as its workerData, the plan's rows
 * left out: they follow as messages (commit.ts, sendPlan), and the thread must read them. The worker gives
 * its built entry; tests give the TypeScript source. Left out, the write runs on this thread (on a
 * connection of its own, the same one transaction), which blocks it until done: for tools only.
 */
export type SpawnImportThread = (data: WriterData) => Worker;

export interface ImporterOptions {
  spawn?: SpawnImportThread | null;
  /** The open encrypted journal's data key (copied into the thread), or null for a plain journal. */
  dataKey?: () => Buffer | null;
  nativeBinding?: string;
  /** The journal's writes wait for `until` (the import holds the write lock; see Journal.holdWrites). */
  holdWrites?: (until: Promise<unknown>) => void;
}

/** Rows matched together, their matches' details read in one go (a preview page, as the dialog asks for). */
const MATCH_SLICE = 500;

/** How long import.progress waits for news before it answers with the same figures. */
const PROGRESS_WAIT_MS = 1000;

/** An import being written by its thread: the figures it last posted, and how it ended. */
class Writing {
  written = 0;
  outcome: WriterOutcome | null = null;
  readonly finished: Promise<WriterOutcome>;
  private readonly flag: Int32Array;
  private news = new Set<() => void>();
  private thread: Worker | null = null;

  constructor(
    readonly token: string,
    readonly toWrite: number,
    data: WriterData,
    spawn: SpawnImportThread | null,
  ) {
    this.flag = new Int32Array(data.cancel);
    this.finished = new Promise<WriterOutcome>((resolve) => {
      const end = (outcome: WriterOutcome) => {
        if (this.outcome) return;
        this.outcome = outcome;
        resolve(outcome);
        this.tell();
      };
      if (!spawn) {
        // After this call has answered, so commit returns before the (blocking) write starts.
        setImmediate(() => void runImportWrite(data, (message) => this.heard(message)).then(end));
        return;
      }
      const thread = spawn({ ...data, plan: { ...data.plan, adds: [], merges: [] } });
      this.thread = thread;
      void sendPlan((message) => thread.postMessage(message), data.plan, () => this.outcome !== null);
      thread.on('message', (message: WriterMessage) => (message.type === 'progress' ? this.heard(message) : end(message)));
      thread.once('error', (error) => {
        console.error(`[import] the import thread failed: ${error.name}`);
        end({ type: 'failed', error: { code: 'internal', message: 'The import stopped before it finished, and nothing of it was imported. Try again; if it keeps failing, restart Confidant.' } });
      });
      // An exit without an outcome (killed): its transaction never committed, so nothing was written.
      thread.once('exit', () => end({ type: 'failed', error: { code: 'internal', message: 'The import stopped before it finished, and nothing of it was imported. Try again.' } }));
    });
  }

  private heard(message: WriterMessage): void {
    if (message.type !== 'progress') return;
    this.written = message.written;
    this.tell();
  }

  private tell(): void {
    const waiting = this.news;
    this.news = new Set();
    for (const wake of waiting) wake();
  }

  /** Resolves at the next progress message or the end, or after `ms` with nothing new. */
  next(ms: number): Promise<void> {
    if (this.outcome) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.news.delete(wake);
        resolve();
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      this.news.add(wake);
    });
  }

  /** Asks the thread to roll back; it looks between batches, at most a few ms away. */
  cancel(): void {
    Atomics.store(this.flag, 0, 1);
  }

  /** Last resort (closing with a thread that does not answer): a thread killed mid-transaction commits nothing. */
  async kill(): Promise<void> {
    await this.thread?.terminate();
  }

  result(): ImportResult {
    const outcome = this.outcome;
    if (outcome?.type === 'done') {
      return { state: 'done', importId: outcome.importId, added: outcome.added, updated: outcome.updated, skipped: outcome.skipped, written: this.toWrite, toWrite: this.toWrite };
    }
    return { state: outcome?.type === 'cancelled' ? 'cancelled' : 'writing', importId: null, added: 0, updated: 0, skipped: 0, written: this.written, toWrite: this.toWrite };
  }
}

interface Staged {
  token: string;
  kind: ImportKind;
  fileName: string;
  total: number;
  /** Reads card or row `index` of the file; called once per row, in order, by the preview. */
  read: (index: number) => ParsedCard;
  headerKey: string | null;
  mapping: CsvField[] | null;
  /** Preview rows computed so far, in file order (duplicates within the file depend on what came before). */
  rows: PreviewRow[];
  matcher: Matcher | null;
}

/** One open import per journal: choosing another file replaces it. */
export class Importer {
  private staged: Staged | null = null;
  private writing: Writing | null = null;
  private readonly db: Kysely<Database>;

  constructor(
    private readonly journal: JournalDb,
    private readonly options: ImporterOptions = {},
  ) {
    this.db = journal.db;
  }

  async stage(input: ParsedInput<'import.stage'>): Promise<ImportStage> {
    const { fileName } = input;
    const text = input.text;
    this.refuseWhileWriting();
    try {
      if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 3) {
        throw new ImportFileError(`“${fileName}” is not readable text (it may be in another encoding, or not a contacts file). Save it as UTF-8 and choose it again.`);
      }
      if (!text.trim()) throw new ImportFileError(`“${fileName}” is empty.`);
      let kind: ImportKind;
      let total: number;
      let read: Staged['read'];
      let csv: ImportStage['csv'] = null;
      let key: string | null = null;
      let mapping: CsvField[] | null = null;
      if (looksLikeVcard(text)) {
        kind = 'vcard';
        const cards = splitVcards(text);
        total = cards.length;
        read = (index) => parseCard(cards[index] ?? [], index);
      } else if (/^\s*[{[]/.test(text)) {
        throw new ImportFileError('This looks like a Confidant export (JSON), not a contacts file. Restore it into a new, empty journal instead.');
      } else if (/\.(vcf|vcard)$/i.test(fileName)) {
        throw new ImportFileError('This file is not a vCard: it has no BEGIN:VCARD line. Export your contacts as vCard (.vcf) and choose that file.');
      } else {
        const table = readCsv(text);
        key = headerKey(table.headers);
        const linkedIn = isLinkedIn(table.headers);
        kind = linkedIn ? 'linkedin' : 'csv';
        const remembered = linkedIn ? null : await rememberedMapping(this.db, key);
        mapping = linkedIn ? linkedInMapping(table.headers) : (input.mapping ?? remembered ?? guessMapping(table.headers));
        if (mapping.length !== table.headers.length) {
          throw new JournalError('invalid-input', 'The column mapping does not match the file’s columns. Choose the file again.');
        }
        total = table.rows.length;
        const fields = mapping;
        if (!mapping.some((field) => field === 'name' || field === 'firstName' || field === 'lastName')) {
          // Not an error: the mapping step shows this and lets the user pick the name column.
          read = (index) => ({ line: `Row ${table.headerLine + index + 1}`, contact: null, skip: 'No column is mapped to the name.', notKept: [] });
        } else {
          read = (index) => csvContact(table, fields, linkedIn ? 'linkedin' : 'csv', index);
        }
        csv = { headers: table.headers, mapping, remembered: remembered !== null && input.mapping === undefined, sample: table.rows.slice(0, 3) };
      }
      if (total === 0) throw new ImportFileError(`“${fileName}” has no contacts in it.`);
      this.staged = { token: randomUUID(), kind, fileName, total, read, headerKey: key, mapping, rows: [], matcher: null };
      return { token: this.staged.token, kind, fileName, total, csv };
    } catch (error) {
      if (error instanceof ImportFileError) throw new JournalError('invalid-input', error.message);
      throw error;
    }
  }

  async preview(input: ParsedInput<'import.preview'>): Promise<ImportPreviewPage> {
    const staged = this.open(input.token);
    const end = Math.min(input.from + input.count, staged.total);
    await this.computeUpTo(staged, end);
    const rows = staged.rows.slice(input.from, end);
    const counts = { new: 0, match: 0, same: 0, skip: 0 };
    for (const row of rows) counts[row.status] += 1;
    return { rows, counts };
  }

  /**
   * Decides each row (the preview's proposal unless a decision says otherwise) and starts the import thread
   * on them. Answers at once: import.progress follows the write, and the journal's writes wait for it.
   */
  async commit(input: ParsedInput<'import.commit'>): Promise<ImportResult> {
    const staged = this.open(input.token);
    this.refuseWhileWriting();
    if (this.journal.readonly) {
      throw new JournalError('read-only', 'This journal is open read-only, to read and export what is left: nothing can be imported into it. Restore a backup to write again.');
    }
    await this.computeUpTo(staged, staged.total);
    const decisions = new Map(input.decisions.map((decision) => [decision.index, decision]));
    const plan: ImportPlan = {
      kind: staged.kind, fileName: staged.fileName, adds: [], merges: [], skipped: 0,
      mapping: staged.headerKey && staged.mapping && staged.kind === 'csv' ? { headerKey: staged.headerKey, fields: staged.mapping } : null,
    };
    for (const row of staged.rows) {
      const decision = decisions.get(row.index);
      const action = decision?.action ?? (row.status === 'new' ? 'add' : row.status === 'match' ? 'merge' : 'skip');
      if (!row.contact || action === 'skip') plan.skipped += 1;
      else if (action === 'add' || !row.match) plan.adds.push({ contact: row.contact, line: row.line });
      else plan.merges.push({ id: row.match.id, contact: row.contact, take: decision?.take ?? [] });
    }
    // The file is closed: importing it again means choosing it again, and then it all matches.
    this.staged = null;
    const key = this.options.dataKey?.() ?? null;
    const data: WriterData = {
      path: this.journal.path,
      // A copy for the thread, which zeroes its own once keyed; this one is zeroed once the thread has its clone.
      key: key ? new Uint8Array(key) : null,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
      busyTimeoutMs: this.journal.busyTimeoutMs,
      plan,
      cancel: new SharedArrayBuffer(4),
    };
    const writing = new Writing(staged.token, plan.adds.length + plan.merges.length, data, this.options.spawn ?? null);
    if (this.options.spawn) data.key?.fill(0);
    this.writing = writing;
    this.options.holdWrites?.(writing.finished);
    return writing.result();
  }

  /**
   * Where the write stands. Waits (up to a second) for the thread's next progress, so the renderer can
   * ask again at once without a timer; the final figures once it has committed, or 'cancelled'.
   */
  async progress(input: ParsedInput<'import.progress'>): Promise<ImportResult> {
    const writing = this.writingFor(input.token);
    if (!writing.outcome) await writing.next(PROGRESS_WAIT_MS);
    if (writing.outcome?.type === 'failed') {
      if (this.writing === writing) this.writing = null;
      throw new JournalError(writing.outcome.error.code, writing.outcome.error.message);
    }
    if (writing.outcome && this.writing === writing) this.writing = null;
    return writing.result();
  }

  /**
   * Gives up an import. Being written: the thread rolls back, and this answers once it has (cancelled: true).
   * Already committed: too late, the import stands (cancelled: false). Only staged: the file is closed.
   */
  async cancel(input: ParsedInput<'import.cancel'>): Promise<{ cancelled: boolean }> {
    if (this.staged?.token === input.token) {
      this.staged = null;
      return { cancelled: true };
    }
    const writing = this.writing?.token === input.token ? this.writing : null;
    if (!writing) return { cancelled: false };
    writing.cancel();
    // Left in place: import.progress still gives its end (cancelled, or done if it had just committed).
    const outcome = await writing.finished;
    return { cancelled: outcome.type !== 'done' };
  }

  /** Whether an import's thread is running (or has ended unheard): closing must stop it first. */
  get busy(): boolean {
    return this.writing !== null;
  }

  /** For closing the journal: a write under way is rolled back (or, if its thread does not answer, killed). */
  async stop(timeoutMs = 5000): Promise<void> {
    const writing = this.writing;
    this.staged = null;
    if (!writing) return;
    writing.cancel();
    if (!(await within(writing.finished, timeoutMs)).done) await writing.kill();
    this.writing = null;
  }

  private refuseWhileWriting(): void {
    if (this.writing && !this.writing.outcome) {
      throw new JournalError('conflict', 'An import is being written. Wait for it to finish, or cancel it, before choosing another file.');
    }
  }

  private writingFor(token: string): Writing {
    if (!this.writing || this.writing.token !== token) {
      throw new JournalError('not-found', 'That import is no longer being written (it finished, or was cancelled). Look in People for what it brought in.');
    }
    return this.writing;
  }

  private open(token: string): Staged {
    if (!this.staged || this.staged.token !== token) {
      throw new JournalError('not-found', 'That import is no longer open (another file was chosen, or it was already imported). Choose the file again.');
    }
    return this.staged;
  }

  private async computeUpTo(staged: Staged, end: number): Promise<void> {
    staged.matcher ??= await Matcher.build(this.db);
    // A preview page's worth at a time: the matched people's details are read for each such slice.
    while (staged.rows.length < end) {
      const from = staged.rows.length;
      for (const row of await staged.matcher.rows(staged.read, from, Math.min(end, from + MATCH_SLICE))) staged.rows.push(row);
    }
  }
}

async function rememberedMapping(db: Kysely<Database>, key: string): Promise<CsvField[] | null> {
  const row = await db.selectFrom('import_mappings').select('mapping').where('header_key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as CsvField[]) : null;
}


/** Someone a row may be about: enough to match by organization and name. */
type Candidate = Pick<Known, 'id' | 'name' | 'organization'>;

/** A row matched to nobody (final), or to someone whose fields and details are still to be compared. */
type Found = { row: PreviewRow } | { base: Omit<PreviewRow, 'status' | 'reason'>; matchId: number; reason: string };

/**
 * Finds the person a row is about: same email, same profile link, or a close name at the same organization
 * (fuse.js). Built from what matching needs (names, organizations, emails, links: one narrow read of each);
 * the fields and details of the people a page's rows matched are read with that page (`details`), so the
 * first page of a file does not wait for everyone's notes, phones, tags and addresses (#11: 250 ms of the
 * first page at 10,000 people).
 */
class Matcher {
  // Rows earlier in the same file, by the same keys, so a file that lists someone twice adds them once.
  private readonly inFile = new Map<string, string>();
  private readonly fuses = new Map<string, Fuse<Candidate>>();

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly byEmail: Map<string, number>,
    private readonly byUrl: Map<string, number>,
    private readonly byOrg: Map<string, Candidate[]>,
  ) {}

  static async build(db: Kysely<Database>): Promise<Matcher> {
    const people = await db.selectFrom('people').select(['id', 'name', 'organization']).orderBy('id').execute();
    const byEmail = new Map<string, number>();
    for (const row of await db.selectFrom('person_emails').select(['email', 'person_id']).orderBy('person_id').execute()) {
      if (!byEmail.has(row.email)) byEmail.set(row.email, row.person_id);
    }
    const byUrl = new Map<string, number>();
    for (const row of await db.selectFrom('person_links').select(['url', 'person_id']).orderBy('person_id').execute()) {
      const key = normalizeUrl(row.url);
      if (!byUrl.has(key)) byUrl.set(key, row.person_id);
    }
    const byOrg = new Map<string, Candidate[]>();
    for (const person of people) {
      const key = normalizeOrg(person.organization);
      const list = byOrg.get(key);
      if (list) list.push(person);
      else byOrg.set(key, [person]);
    }
    return new Matcher(db, byEmail, byUrl, byOrg);
  }

  /** The rows from `from` to `to` of the file, matched, their matches compared field by field. */
  async rows(read: (index: number) => ParsedCard, from: number, to: number): Promise<PreviewRow[]> {
    const found: Found[] = [];
    for (let index = from; index < to; index++) found.push(this.find(read(index), index));
    const ids = [...new Set(found.flatMap((item) => ('matchId' in item ? [item.matchId] : [])))];
    const { people, held } = await this.details(ids);
    return found.map((item) => {
      if ('row' in item) return item.row;
      const { base, matchId, reason } = item;
      const person = people.get(matchId);
      if (!person) return { ...base, status: 'new', reason: 'New person' };
      const { differences, additions } = compare(person, held.get(person.id), base.contact!);
      const match = { id: person.id, name: person.name, organization: person.organization };
      if (differences.length === 0 && additions.length === 0) {
        return { ...base, match, status: 'same', reason: `Already in your journal as ${person.name}; nothing new.` };
      }
      return { ...base, match, status: 'match', reason: `${reason}: ${person.name}`, differences, additions };
    });
  }

  /** What the given people already have: their fields, and each kind of detail as a set to look up. */
  private async details(ids: number[]): Promise<{ people: Map<number, Known>; held: Map<number, Held> }> {
    const held = new Map<number, Held>();
    if (ids.length === 0) return { people: new Map(), held };
    const of = (id: number): Held => {
      let entry = held.get(id);
      if (!entry) held.set(id, (entry = { emails: new Set(), phones: new Set(), links: new Set(), tags: new Set(), addresses: new Set(), nicknames: new Set(), ims: new Set() }));
      return entry;
    };
    const db = this.db;
    const people = await db
      .selectFrom('people')
      .select(['id', 'name', 'organization', 'department', 'role', 'birthday', 'how_we_met', 'notes'])
      .where('id', 'in', ids)
      .execute();
    for (const row of await db.selectFrom('person_emails').select(['email', 'person_id']).where('person_id', 'in', ids).execute()) of(row.person_id).emails.add(row.email);
    for (const row of await db.selectFrom('person_links').select(['url', 'person_id']).where('person_id', 'in', ids).execute()) of(row.person_id).links.add(normalizeUrl(row.url));
    for (const row of await db.selectFrom('person_phones').select(['person_id', 'phone']).where('person_id', 'in', ids).execute()) of(row.person_id).phones.add(digits(row.phone));
    for (const row of await db.selectFrom('person_tags').select(['person_id', 'tag']).where('person_id', 'in', ids).execute()) of(row.person_id).tags.add(row.tag);
    for (const row of await db.selectFrom('person_addresses').selectAll().where('person_id', 'in', ids).execute()) {
      of(row.person_id).addresses.add(addressKey({ label: row.label, street: row.street, locality: row.locality, region: row.region, postalCode: row.postal_code, country: row.country }));
    }
    for (const row of await db.selectFrom('person_nicknames').select(['person_id', 'nickname']).where('person_id', 'in', ids).execute()) of(row.person_id).nicknames.add(row.nickname.toLowerCase());
    for (const row of await db.selectFrom('person_ims').select(['person_id', 'handle']).where('person_id', 'in', ids).execute()) of(row.person_id).ims.add(row.handle.toLowerCase());
    return { people: new Map(people.map((person) => [person.id, person])), held };
  }

  private find(card: ParsedCard, index: number): Found {
    const base = { index, line: card.line, contact: card.contact, match: null, differences: [], additions: [], notKept: card.notKept };
    const contact = card.contact;
    if (!contact) return { row: { ...base, status: 'skip', reason: card.skip ?? 'Nothing to import in this row.' } };

    const keys = [
      ...contact.emails.map((item) => `email:${normalizeEmail(item.email)}`),
      ...contact.links.map((item) => `url:${normalizeUrl(item.url)}`),
      `name:${normalizeName(contact.name)}|${normalizeOrg(contact.organization)}`,
    ];
    const earlier = keys.map((key) => this.inFile.get(key)).find(Boolean);
    if (earlier) return { row: { ...base, status: 'skip', reason: `The same person as ${earlier} in this file.` } };
    for (const key of keys) this.inFile.set(key, card.line);

    let matchId: number | undefined;
    let reason = '';
    const email = contact.emails.find((item) => this.byEmail.has(normalizeEmail(item.email)));
    if (email) {
      matchId = this.byEmail.get(normalizeEmail(email.email));
      reason = `Same email (${email.email})`;
    }
    const link = matchId === undefined ? contact.links.find((item) => this.byUrl.has(normalizeUrl(item.url))) : undefined;
    if (link) {
      matchId = this.byUrl.get(normalizeUrl(link.url));
      reason = 'Same profile link';
    }
    if (matchId === undefined) {
      const org = normalizeOrg(contact.organization);
      const candidates = this.byOrg.get(org) ?? [];
      const name = normalizeName(contact.name);
      const exact = candidates.find((person) => normalizeName(person.name) === name);
      if (exact) {
        matchId = exact.id;
        reason = org ? `Same name at ${contact.organization}` : 'Same name';
      } else if (org && candidates.length > 0) {
        let fuse = this.fuses.get(org);
        if (!fuse) this.fuses.set(org, (fuse = new Fuse(candidates, { keys: ['name'], threshold: 0.25, ignoreLocation: true, includeScore: true })));
        const best = fuse.search(contact.name)[0];
        if (best) {
          matchId = best.item.id;
          reason = `Similar name at ${contact.organization}`;
        }
      }
    }
    if (matchId === undefined) return { row: { ...base, status: 'new', reason: 'New person' } };
    return { base, matchId, reason };
  }
}

function compare(person: Known, held: Held | undefined, contact: ImportedContact): { differences: FieldDifference[]; additions: string[] } {
  const differences: FieldDifference[] = [];
  const additions: string[] = [];
  for (const field of Object.keys(scalar) as MergeField[]) {
    const current = person[scalar[field]] as string | null;
    const incoming = contact[field];
    if (!incoming) continue;
    if (!current) additions.push(fieldWords[field]);
    else if (
      field === 'notes' ? !current.includes(incoming)
      // "Stripe" and "Stripe Inc" are the same organization; not a difference to ask about.
      : field === 'organization' ? normalizeOrg(current) !== normalizeOrg(incoming)
      : normalizeName(current) !== normalizeName(incoming)
    ) {
      differences.push({ field, current, incoming });
    }
  }
  const count = (n: number, one: string, many: string) => (n > 0 ? [n === 1 ? `1 ${one}` : `${n} ${many}`] : []);
  const added = newDetails(held, contact);
  additions.push(
    ...count(added.emails.length, 'email', 'emails'),
    ...count(added.phones.length, 'phone number', 'phone numbers'),
    ...count(added.links.length, 'profile link', 'profile links'),
    ...count(added.tags.length, 'tag', 'tags'),
    ...count(added.addresses.length, 'address', 'addresses'),
    ...count(added.nicknames.length, 'nickname', 'nicknames'),
    ...count(added.ims.length, 'messaging handle', 'messaging handles'),
  );
  return { differences, additions };
}

export const fieldWords: Record<MergeField, string> = {
  name: 'name', organization: 'organization', department: 'function', role: 'role', birthday: 'birthday', howWeMet: 'how we met', notes: 'notes',
};


