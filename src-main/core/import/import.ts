// Import, in steps the renderer drives: stage (cut the file into cards or rows, in the worker), preview
// (page by page: each page parses its cards and matches them, so a 10,000-contact file shows real progress
// and no call holds the worker long), then commit and continue (500 people per call, each call its own
// transaction, so other calls run between chunks). Nothing is written before commit; an import that does
// not finish (cancelled, failed, the app closed) is undone: all or nothing.
import { randomUUID } from 'node:crypto';
import Fuse from 'fuse.js';
import { sql, type Kysely } from 'kysely';
import { contract, type ParsedInput } from '../../contract/contract.js';

type PersonFields = ParsedInput<'people.create'>;
import type { CsvField, FieldDifference, ImportKind, ImportPreviewPage, ImportResult, ImportStage, MergeField, PreviewRow } from '../../contract/transfer.js';
import type { JournalDb } from '../db/open.js';
import type { Database } from '../db/schema.js';
import { JournalError } from '../errors.js';
import { contactDetails, normalizeEmail, writeContactDetails } from '../people/contacts.js';
import type { ImportedContact } from './contact.js';
import { csvContact, guessMapping, headerKey, isLinkedIn, linkedInMapping, readCsv } from './csv.js';
import { ImportFileError, looksLikeVcard, parseCard, splitVcards, type ParsedCard } from './vcard.js';
import { BulkPeopleWriter, undoUnfinishedImports } from './write.js';

/** People written per call: about 100 ms of work here, so a call waiting behind a chunk waits little. */
export const WRITE_CHUNK = 500;

interface Writing {
  importId: number;
  adds: { contact: ImportedContact; line: string }[];
  merges: { id: number; contact: ImportedContact; take: readonly MergeField[] }[];
  /** Adds written so far. */
  next: number;
  added: number;
  skipped: number;
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
  writing: Writing | null;
}

/** One open import per journal: choosing another file replaces it. */
export class Importer {
  private staged: Staged | null = null;
  private readonly db: Kysely<Database>;
  private writer: BulkPeopleWriter | null = null;

  constructor(private readonly journal: JournalDb) {
    this.db = journal.db;
  }

  async stage(input: ParsedInput<'import.stage'>): Promise<ImportStage> {
    const { fileName } = input;
    const text = input.text;
    try {
      if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 3) {
        throw new ImportFileError(`“${fileName}” is not readable text (it may be in another encoding, or not a contacts file). Save it as UTF-8 and choose it again.`);
      }
      if (!text.trim()) throw new ImportFileError(`“${fileName}” is empty.`);
      // Choosing another file while one is being written gives up the one being written.
      this.cancelWriting();
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
      this.staged = { token: randomUUID(), kind, fileName, total, read, headerKey: key, mapping, rows: [], matcher: null, writing: null };
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
   * Starts writing: decides each row (the preview's proposal unless a decision says otherwise), records the
   * import as unfinished and writes the first chunk. A file of up to WRITE_CHUNK people is written whole
   * in this one call; a larger one goes on with import.continue.
   */
  async commit(input: ParsedInput<'import.commit'>): Promise<ImportResult> {
    const staged = this.open(input.token);
    if (staged.writing) throw new JournalError('conflict', 'This import is already being written. Wait for it to finish, or cancel it.');
    await this.computeUpTo(staged, staged.total);
    const decisions = new Map(input.decisions.map((decision) => [decision.index, decision]));
    const writing: Writing = { importId: 0, adds: [], merges: [], next: 0, added: 0, skipped: 0 };
    for (const row of staged.rows) {
      const decision = decisions.get(row.index);
      const action = decision?.action ?? (row.status === 'new' ? 'add' : row.status === 'match' ? 'merge' : 'skip');
      if (!row.contact || action === 'skip') writing.skipped += 1;
      else if (action === 'add' || !row.match) writing.adds.push({ contact: row.contact, line: row.line });
      else writing.merges.push({ id: row.match.id, contact: row.contact, take: decision?.take ?? [] });
    }
    const at = new Date().toISOString();
    const { id } = await this.db
      .insertInto('imports')
      .values({ kind: staged.kind, file_name: staged.fileName, imported_at: at, added: 0, updated: 0, skipped: 0, completed_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    writing.importId = id;
    return this.writeChunk(staged, writing);
  }

  /** Writes the next chunk of an import that commit started. */
  async continue(input: ParsedInput<'import.continue'>): Promise<ImportResult> {
    const staged = this.open(input.token);
    if (!staged.writing) throw new JournalError('conflict', 'This import has not been started. Choose Import first.');
    return this.writeChunk(staged, staged.writing);
  }

  /** Gives up an import: what its earlier chunks wrote is deleted, and the file is closed. */
  async cancel(input: ParsedInput<'import.cancel'>): Promise<{ removed: number }> {
    if (this.staged?.token === input.token) this.staged = null;
    return { removed: this.cancelWriting() };
  }

  /**
   * Undoes every unfinished import but the one being written: one that was cancelled, or whose chunk
   * failed (that call's rollback undid only its own chunk). One import is open at a time per journal.
   */
  private cancelWriting(): number {
    if (this.staged?.writing) this.staged = null;
    return undoUnfinishedImports(this.journal.raw);
  }

  private async writeChunk(staged: Staged, writing: Writing): Promise<ImportResult> {
    const at = new Date().toISOString();
    const chunk = writing.adds.slice(writing.next, writing.next + WRITE_CHUNK);
    // A chunk that fails gives up the whole import: its own transaction rolls back, and the earlier chunks
    // are undone by import.cancel (the dialog calls it on any failure), the next file chosen, or the next open.
    try {
      const people = chunk.map(({ contact, line }) => validated(contact, line));
      this.writer ??= new BulkPeopleWriter(this.journal.raw);
      this.writer.write(people, writing.importId, at);
    } catch (error) {
      staged.writing = null;
      this.staged = null;
      throw error;
    }
    writing.next += chunk.length;
    writing.added += chunk.length;
    staged.writing = writing;
    const done = writing.next >= writing.adds.length;
    let updated = 0;
    let skipped = writing.skipped;
    if (done) {
      // Merges change people already in the journal, which an undo could not put back: they all go in
      // this last chunk, with the mark that the import is complete, in one transaction.
      try {
        for (const merge of writing.merges) {
          if (await mergeContact(this.db, merge.id, merge.contact, merge.take)) updated += 1;
          else skipped += 1;
        }
        await this.db.updateTable('imports').set({ added: writing.added, updated, skipped, completed_at: at }).where('id', '=', writing.importId).execute();
        if (staged.headerKey && staged.mapping && staged.kind === 'csv') {
          await this.db
            .insertInto('import_mappings')
            .values({ header_key: staged.headerKey, mapping: JSON.stringify(staged.mapping), updated_at: at })
            .onConflict((oc) => oc.column('header_key').doUpdateSet({ mapping: JSON.stringify(staged.mapping), updated_at: at }))
            .execute();
        }
      } finally {
        this.staged = null;
      }
    }
    return {
      importId: writing.importId, added: writing.added, updated, skipped, done,
      written: writing.next + (done ? writing.merges.length : 0), toWrite: writing.adds.length + writing.merges.length,
    };
  }

  private open(token: string): Staged {
    if (!this.staged || this.staged.token !== token) {
      throw new JournalError('not-found', 'That import is no longer open (another file was chosen, or it was already imported). Choose the file again.');
    }
    return this.staged;
  }

  private async computeUpTo(staged: Staged, end: number): Promise<void> {
    staged.matcher ??= await Matcher.build(this.db);
    for (let index = staged.rows.length; index < end; index++) staged.rows.push(staged.matcher.row(staged.read(index), index));
  }
}

async function rememberedMapping(db: Kysely<Database>, key: string): Promise<CsvField[] | null> {
  const row = await db.selectFrom('import_mappings').select('mapping').where('header_key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as CsvField[]) : null;
}

const ORG_SUFFIX = /\b(inc|incorporated|llc|ltd|limited|corp|corporation|co|company|gmbh|plc|sa|ag|bv)\b/g;
export const normalizeOrg = (org: string | null): string =>
  (org ?? '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(ORG_SUFFIX, ' ').replace(/\s+/g, ' ').trim();
const normalizeName = (name: string): string =>
  name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
const normalizeUrl = (url: string): string => url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');

interface Known {
  id: number;
  name: string;
  organization: string | null;
  department: string | null;
  role: string | null;
  birthday: string | null;
  how_we_met: string | null;
  notes: string | null;
}

/** Finds the person a row is about: same email, same profile link, or a close name at the same organization (fuse.js). */
class Matcher {
  // Rows earlier in the same file, by the same keys, so a file that lists someone twice adds them once.
  private readonly inFile = new Map<string, string>();
  private readonly fuses = new Map<string, Fuse<Known>>();

  private constructor(
    private readonly byEmail: Map<string, number>,
    private readonly byUrl: Map<string, number>,
    private readonly byOrg: Map<string, Known[]>,
    private readonly people: Map<number, Known>,
    /** What each person already has, read once: comparing a row is then a few set lookups, not queries. */
    private readonly held: Map<number, Held>,
  ) {}

  static async build(db: Kysely<Database>): Promise<Matcher> {
    const people = await db
      .selectFrom('people')
      .select(['id', 'name', 'organization', 'department', 'role', 'birthday', 'how_we_met', 'notes'])
      .orderBy('id')
      .execute();
    const held = new Map<number, Held>();
    const of = (id: number): Held => {
      let entry = held.get(id);
      if (!entry) held.set(id, (entry = { emails: new Set(), phones: new Set(), links: new Set(), tags: new Set(), addresses: new Set(), nicknames: new Set(), ims: new Set() }));
      return entry;
    };
    const byEmail = new Map<string, number>();
    for (const row of await db.selectFrom('person_emails').select(['email', 'person_id']).orderBy('person_id').execute()) {
      if (!byEmail.has(row.email)) byEmail.set(row.email, row.person_id);
      of(row.person_id).emails.add(row.email);
    }
    const byUrl = new Map<string, number>();
    for (const row of await db.selectFrom('person_links').select(['url', 'person_id']).orderBy('person_id').execute()) {
      const key = normalizeUrl(row.url);
      if (!byUrl.has(key)) byUrl.set(key, row.person_id);
      of(row.person_id).links.add(key);
    }
    for (const row of await db.selectFrom('person_phones').select(['person_id', 'phone']).execute()) of(row.person_id).phones.add(digits(row.phone));
    for (const row of await db.selectFrom('person_tags').select(['person_id', 'tag']).execute()) of(row.person_id).tags.add(row.tag);
    for (const row of await db.selectFrom('person_addresses').selectAll().execute()) {
      of(row.person_id).addresses.add(addressKey({ label: row.label, street: row.street, locality: row.locality, region: row.region, postalCode: row.postal_code, country: row.country }));
    }
    for (const row of await db.selectFrom('person_nicknames').select(['person_id', 'nickname']).execute()) of(row.person_id).nicknames.add(row.nickname.toLowerCase());
    for (const row of await db.selectFrom('person_ims').select(['person_id', 'handle']).execute()) of(row.person_id).ims.add(row.handle.toLowerCase());
    const byOrg = new Map<string, Known[]>();
    for (const person of people) {
      const key = normalizeOrg(person.organization);
      byOrg.set(key, [...(byOrg.get(key) ?? []), person]);
    }
    return new Matcher(byEmail, byUrl, byOrg, new Map(people.map((person) => [person.id, person])), held);
  }

  row(card: ParsedCard, index: number): PreviewRow {
    const base = { index, line: card.line, contact: card.contact, match: null, differences: [], additions: [], notKept: card.notKept };
    const contact = card.contact;
    if (!contact) return { ...base, status: 'skip', reason: card.skip ?? 'Nothing to import in this row.' };

    const keys = [
      ...contact.emails.map((item) => `email:${normalizeEmail(item.email)}`),
      ...contact.links.map((item) => `url:${normalizeUrl(item.url)}`),
      `name:${normalizeName(contact.name)}|${normalizeOrg(contact.organization)}`,
    ];
    const earlier = keys.map((key) => this.inFile.get(key)).find(Boolean);
    if (earlier) return { ...base, status: 'skip', reason: `The same person as ${earlier} in this file.` };
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
    if (matchId === undefined) return { ...base, status: 'new', reason: 'New person' };
    const person = this.people.get(matchId);
    if (!person) return { ...base, status: 'new', reason: 'New person' };
    const { differences, additions } = compare(person, this.held.get(person.id), contact);
    const match = { id: person.id, name: person.name, organization: person.organization };
    if (differences.length === 0 && additions.length === 0) {
      return { ...base, match, status: 'same', reason: `Already in your journal as ${person.name}; nothing new.` };
    }
    return { ...base, match, status: 'match', reason: `${reason}: ${person.name}`, differences, additions };
  }
}

const scalar: Record<MergeField, Exclude<keyof Known, 'id'>> = {
  name: 'name', organization: 'organization', department: 'department', role: 'role', birthday: 'birthday', howWeMet: 'how_we_met', notes: 'notes',
};

interface Held {
  emails: Set<string>;
  /** Digits only: "+1 415 555 0100" and "(415) 555-0100" differ by a country code, not a format. */
  phones: Set<string>;
  links: Set<string>;
  tags: Set<string>;
  addresses: Set<string>;
  nicknames: Set<string>;
  ims: Set<string>;
}

const digits = (phone: string): string => phone.replace(/\D/g, '');
const addressKey = (item: ImportedContact['addresses'][number]): string =>
  [item.street, item.locality, item.region, item.postalCode, item.country].map((part) => normalizeName(part ?? '')).join('|');

/** What is new in a row for a person: only what the person does not hold already. */
function newDetails(held: Held | undefined, contact: ImportedContact) {
  return {
    emails: contact.emails.filter((item) => !held?.emails.has(item.email)),
    phones: contact.phones.filter((item) => !held?.phones.has(digits(item.phone))),
    links: contact.links.filter((item) => !held?.links.has(normalizeUrl(item.url))),
    tags: contact.tags.filter((tag) => !held?.tags.has(tag)),
    addresses: contact.addresses.filter((item) => !held?.addresses.has(addressKey(item))),
    nicknames: contact.nicknames.filter((nickname) => !held?.nicknames.has(nickname.toLowerCase())),
    ims: contact.ims.filter((item) => !held?.ims.has(item.handle.toLowerCase())),
  };
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


/** Through the same schema as people.create: what the importer writes is what the form could have. */
function validated(contact: ImportedContact, line: string): PersonFields {
  const parsed = contract['people.create'].input.safeParse({
    name: contact.name, organization: contact.organization, role: contact.role, department: contact.department,
    howWeMet: contact.howWeMet, notes: contact.notes, tags: contact.tags, emails: contact.emails, phones: contact.phones,
    links: contact.links, addresses: contact.addresses, nicknames: contact.nicknames, ims: contact.ims, birthday: contact.birthday,
  });
  if (!parsed.success) {
    throw new JournalError('invalid-input', `${line} could not be imported: ${parsed.error.issues[0]?.message ?? 'it is not valid'} Nothing was imported.`);
  }
  return parsed.data;
}

/** Fills blanks, adds new details and tags, and replaces the fields named in `take`. */
async function mergeContact(trx: Kysely<Database>, personId: number, contact: ImportedContact, take: readonly MergeField[]): Promise<boolean> {
  const person = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  // Deleted between the preview and the write: nothing to update.
  if (!person) return false;
  const set: Partial<Record<Exclude<keyof Known, 'id'>, string>> = {};
  for (const field of Object.keys(scalar) as MergeField[]) {
    const column = scalar[field];
    const current = person[column as keyof typeof person] as string | null;
    const incoming = contact[field];
    if (!incoming || current === incoming) continue;
    if (!current) set[column] = incoming;
    else if (take.includes(field)) {
      // Notes are added below the journal's own, never replaced: they may hold what the file cannot.
      if (field === 'notes') {
        if (!current.includes(incoming)) set.notes = `${current}\n\n${incoming}`.slice(0, 20_000);
      } else set[column] = incoming;
    }
  }
  const details = (await contactDetails(trx, personId)).get(personId) ?? { emails: [], phones: [], links: [], addresses: [], nicknames: [], ims: [] };
  const tags = await trx.selectFrom('person_tags').select('tag').where('person_id', '=', personId).execute();
  const held: Held = {
    emails: new Set(details.emails.map((item) => item.email)), phones: new Set(details.phones.map((item) => digits(item.phone))),
    links: new Set(details.links.map((item) => normalizeUrl(item.url))), tags: new Set(tags.map((row) => row.tag)),
    addresses: new Set(details.addresses.map(addressKey)), nicknames: new Set(details.nicknames.map((item) => item.toLowerCase())),
    ims: new Set(details.ims.map((item) => item.handle.toLowerCase())),
  };
  const added = newDetails(held, contact);
  const newTags = added.tags.slice(0, Math.max(0, 30 - tags.length));
  const lists = ['emails', 'phones', 'links', 'addresses', 'nicknames', 'ims'] as const;
  const changed = Object.keys(set).length + newTags.length + lists.reduce((sum, list) => sum + added[list].length, 0) > 0;
  if (!changed) return false;
  await trx.updateTable('people').set({ ...set, updated_at: new Date().toISOString() }).where('id', '=', personId).execute();
  await writeContactDetails(trx, personId, {
    ...(added.emails.length > 0 ? { emails: [...details.emails, ...added.emails].slice(0, 20) } : {}),
    ...(added.phones.length > 0 ? { phones: [...details.phones, ...added.phones].slice(0, 20) } : {}),
    ...(added.links.length > 0 ? { links: [...details.links, ...added.links].slice(0, 20) } : {}),
    ...(added.addresses.length > 0 ? { addresses: [...details.addresses, ...added.addresses].slice(0, 20) } : {}),
    ...(added.nicknames.length > 0 ? { nicknames: [...details.nicknames, ...added.nicknames].slice(0, 20) } : {}),
    ...(added.ims.length > 0 ? { ims: [...details.ims, ...added.ims].slice(0, 20) } : {}),
  });
  if (newTags.length > 0) {
    await sql`INSERT OR IGNORE INTO person_tags (person_id, tag) VALUES ${sql.join(newTags.map((tag) => sql`(${personId}, ${tag})`))}`.execute(trx);
  }
  return true;
}
