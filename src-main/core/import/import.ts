// Import, in three steps the renderer drives: stage (read the file, in the worker), preview (page by page,
// so a 10,000-contact file shows a progress bar and no call holds the worker long), commit (one
// transaction: everything or nothing). Nothing is written before commit.
import { randomUUID } from 'node:crypto';
import Fuse from 'fuse.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import { contract, type ParsedInput } from '../../contract/contract.js';
import type { CsvField, FieldDifference, ImportKind, ImportPreviewPage, ImportResult, ImportStage, MergeField, PreviewRow } from '../../contract/transfer.js';
import type { Database } from '../db/schema.js';
import { JournalError } from '../errors.js';
import { normalizeEmail, writeContactDetails } from '../people/contacts.js';
import { createPerson } from '../people/people.js';
import type { ImportedContact } from './contact.js';
import { csvContacts, guessMapping, headerKey, isLinkedIn, linkedInMapping, readCsv } from './csv.js';
import { ImportFileError, looksLikeVcard, parseVcards, type ParsedCard } from './vcard.js';

interface Staged {
  token: string;
  kind: ImportKind;
  fileName: string;
  cards: ParsedCard[];
  headerKey: string | null;
  mapping: CsvField[] | null;
  /** Preview rows computed so far, in file order (duplicates within the file depend on what came before). */
  rows: PreviewRow[];
  matcher: Matcher | null;
}

/** One open import per journal: choosing another file replaces it. */
export class Importer {
  private staged: Staged | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  async stage(input: ParsedInput<'import.stage'>): Promise<ImportStage> {
    const { fileName } = input;
    const text = input.text;
    try {
      if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 3) {
        throw new ImportFileError(`“${fileName}” is not readable text (it may be in another encoding, or not a contacts file). Save it as UTF-8 and choose it again.`);
      }
      if (!text.trim()) throw new ImportFileError(`“${fileName}” is empty.`);
      let kind: ImportKind;
      let cards: ParsedCard[];
      let csv: ImportStage['csv'] = null;
      let key: string | null = null;
      let mapping: CsvField[] | null = null;
      if (looksLikeVcard(text)) {
        kind = 'vcard';
        cards = parseVcards(text);
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
        if (!mapping.some((field) => field === 'name' || field === 'firstName' || field === 'lastName')) {
          // Not an error: the mapping step shows this and lets the user pick the name column.
          cards = table.rows.map((_, index) => ({ line: `Row ${table.headerLine + index + 1}`, contact: null, skip: 'No column is mapped to the name.', notKept: [] }));
        } else {
          cards = csvContacts(table, mapping, linkedIn ? 'linkedin' : 'csv');
        }
        csv = { headers: table.headers, mapping, remembered: remembered !== null && input.mapping === undefined, sample: table.rows.slice(0, 3) };
      }
      if (cards.length === 0) throw new ImportFileError(`“${fileName}” has no contacts in it.`);
      this.staged = { token: randomUUID(), kind, fileName, cards, headerKey: key, mapping, rows: [], matcher: null };
      return { token: this.staged.token, kind, fileName, total: cards.length, csv };
    } catch (error) {
      if (error instanceof ImportFileError) throw new JournalError('invalid-input', error.message);
      throw error;
    }
  }

  async preview(input: ParsedInput<'import.preview'>): Promise<ImportPreviewPage> {
    const staged = this.open(input.token);
    const end = Math.min(input.from + input.count, staged.cards.length);
    await this.computeUpTo(staged, end);
    const rows = staged.rows.slice(input.from, end);
    const counts = { new: 0, match: 0, same: 0, skip: 0 };
    for (const row of rows) counts[row.status] += 1;
    return { rows, counts };
  }

  async commit(input: ParsedInput<'import.commit'>): Promise<ImportResult> {
    const staged = this.open(input.token);
    await this.computeUpTo(staged, staged.cards.length);
    const decisions = new Map(input.decisions.map((decision) => [decision.index, decision]));
    const at = new Date().toISOString();
    const result = await this.db.transaction().execute(async (trx) => {
      const { id: importId } = await trx
        .insertInto('imports')
        .values({ kind: staged.kind, file_name: staged.fileName, imported_at: at, added: 0, updated: 0, skipped: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      let added = 0;
      let updated = 0;
      let skipped = 0;
      for (const row of staged.rows) {
        const decision = decisions.get(row.index);
        const action = decision?.action ?? (row.status === 'new' ? 'add' : row.status === 'match' ? 'merge' : 'skip');
        if (!row.contact || action === 'skip') {
          skipped += 1;
          continue;
        }
        if (action === 'add' || !row.match) {
          await addContact(trx, row.contact, importId, row.line);
          added += 1;
        } else if (await mergeContact(trx, row.match.id, row.contact, decision?.take ?? [])) updated += 1;
        else skipped += 1;
      }
      await trx.updateTable('imports').set({ added, updated, skipped }).where('id', '=', importId).execute();
      if (staged.headerKey && staged.mapping && staged.kind === 'csv') {
        await trx
          .insertInto('import_mappings')
          .values({ header_key: staged.headerKey, mapping: JSON.stringify(staged.mapping), updated_at: at })
          .onConflict((oc) => oc.column('header_key').doUpdateSet({ mapping: JSON.stringify(staged.mapping), updated_at: at }))
          .execute();
      }
      return { importId, added, updated, skipped };
    });
    this.staged = null;
    return result;
  }

  private open(token: string): Staged {
    if (!this.staged || this.staged.token !== token) {
      throw new JournalError('not-found', 'That import is no longer open (another file was chosen, or it was already imported). Choose the file again.');
    }
    return this.staged;
  }

  private async computeUpTo(staged: Staged, end: number): Promise<void> {
    staged.matcher ??= await Matcher.build(this.db);
    for (let index = staged.rows.length; index < end; index++) {
      const card = staged.cards[index];
      if (card) staged.rows.push(await staged.matcher.row(this.db, card, index));
    }
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
  ) {}

  static async build(db: Kysely<Database>): Promise<Matcher> {
    const people = await db
      .selectFrom('people')
      .select(['id', 'name', 'organization', 'department', 'role', 'birthday', 'how_we_met', 'notes'])
      .orderBy('id')
      .execute();
    const byEmail = new Map<string, number>();
    for (const row of await db.selectFrom('person_emails').select(['email', 'person_id']).orderBy('person_id').execute()) {
      if (!byEmail.has(row.email)) byEmail.set(row.email, row.person_id);
    }
    const byUrl = new Map<string, number>();
    for (const row of await db.selectFrom('person_links').select(['url', 'person_id']).orderBy('person_id').execute()) {
      const key = normalizeUrl(row.url);
      if (!byUrl.has(key)) byUrl.set(key, row.person_id);
    }
    const byOrg = new Map<string, Known[]>();
    for (const person of people) {
      const key = normalizeOrg(person.organization);
      byOrg.set(key, [...(byOrg.get(key) ?? []), person]);
    }
    return new Matcher(byEmail, byUrl, byOrg, new Map(people.map((person) => [person.id, person])));
  }

  async row(db: Kysely<Database>, card: ParsedCard, index: number): Promise<PreviewRow> {
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
    const { differences, additions } = await compare(db, person, contact);
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

async function compare(db: Kysely<Database>, person: Known, contact: ImportedContact): Promise<{ differences: FieldDifference[]; additions: string[] }> {
  const differences: FieldDifference[] = [];
  const additions: string[] = [];
  for (const field of Object.keys(scalar) as MergeField[]) {
    const current = person[scalar[field]] as string | null;
    const incoming = contact[field];
    if (!incoming) continue;
    if (!current) additions.push(fieldWords[field]);
    else if (field === 'notes' ? !current.includes(incoming) : normalizeName(current) !== normalizeName(incoming)) {
      differences.push({ field, current, incoming });
    }
  }
  const [emails, phones, links, tags] = await Promise.all([
    db.selectFrom('person_emails').select('email').where('person_id', '=', person.id).execute(),
    db.selectFrom('person_phones').select('phone').where('person_id', '=', person.id).execute(),
    db.selectFrom('person_links').select('url').where('person_id', '=', person.id).execute(),
    db.selectFrom('person_tags').select('tag').where('person_id', '=', person.id).execute(),
  ]);
  const count = (n: number, one: string, many: string) => (n > 0 ? [n === 1 ? `1 ${one}` : `${n} ${many}`] : []);
  const haveEmails = new Set(emails.map((row) => row.email));
  const havePhones = new Set(phones.map((row) => row.phone.replace(/\D/g, '')));
  const haveLinks = new Set(links.map((row) => normalizeUrl(row.url)));
  const haveTags = new Set(tags.map((row) => row.tag));
  additions.push(
    ...count(contact.emails.filter((item) => !haveEmails.has(item.email)).length, 'email', 'emails'),
    ...count(contact.phones.filter((item) => !havePhones.has(item.phone.replace(/\D/g, ''))).length, 'phone number', 'phone numbers'),
    ...count(contact.links.filter((item) => !haveLinks.has(normalizeUrl(item.url))).length, 'profile link', 'profile links'),
    ...count(contact.tags.filter((tag) => !haveTags.has(tag)).length, 'tag', 'tags'),
  );
  return { differences, additions };
}

export const fieldWords: Record<MergeField, string> = {
  name: 'name', organization: 'organization', department: 'function', role: 'role', birthday: 'birthday', howWeMet: 'how we met', notes: 'notes',
};

type Trx = Transaction<Database>;

async function addContact(trx: Trx, contact: ImportedContact, importId: number, line: string): Promise<void> {
  // Through the same schema as people.create: what the importer writes is what the form could have.
  const parsed = contract['people.create'].input.safeParse({
    name: contact.name, organization: contact.organization, role: contact.role, department: contact.department,
    howWeMet: contact.howWeMet, notes: contact.notes, tags: contact.tags, emails: contact.emails, phones: contact.phones,
    links: contact.links, birthday: contact.birthday,
  });
  if (!parsed.success) {
    throw new JournalError('invalid-input', `${line} could not be imported: ${parsed.error.issues[0]?.message ?? 'it is not valid'} Nothing was imported.`);
  }
  const id = await createPerson(trx, parsed.data);
  await trx.updateTable('people').set({ import_id: importId }).where('id', '=', id).execute();
}

/** Fills blanks, adds new emails, phones, links and tags, and replaces the fields named in `take`. */
async function mergeContact(trx: Trx, personId: number, contact: ImportedContact, take: readonly MergeField[]): Promise<boolean> {
  const person = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
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
  const [emails, phones, links] = await Promise.all([
    trx.selectFrom('person_emails').select(['email', 'label']).where('person_id', '=', personId).orderBy('position').execute(),
    trx.selectFrom('person_phones').select(['phone', 'label']).where('person_id', '=', personId).orderBy('position').execute(),
    trx.selectFrom('person_links').select(['url', 'label']).where('person_id', '=', personId).orderBy('position').execute(),
  ]);
  const newEmails = contact.emails.filter((item) => !emails.some((row) => row.email === item.email));
  const newPhones = contact.phones.filter((item) => !phones.some((row) => row.phone.replace(/\D/g, '') === item.phone.replace(/\D/g, '')));
  const newLinks = contact.links.filter((item) => !links.some((row) => normalizeUrl(row.url) === normalizeUrl(item.url)));
  const tags = await trx.selectFrom('person_tags').select('tag').where('person_id', '=', personId).execute();
  const newTags = contact.tags.filter((tag) => !tags.some((row) => row.tag === tag)).slice(0, Math.max(0, 30 - tags.length));
  const changed = Object.keys(set).length + newEmails.length + newPhones.length + newLinks.length + newTags.length > 0;
  if (!changed) return false;
  await trx.updateTable('people').set({ ...set, updated_at: new Date().toISOString() }).where('id', '=', personId).execute();
  await writeContactDetails(trx, personId, {
    ...(newEmails.length > 0 ? { emails: [...emails, ...newEmails].slice(0, 20) } : {}),
    ...(newPhones.length > 0 ? { phones: [...phones, ...newPhones].slice(0, 20) } : {}),
    ...(newLinks.length > 0 ? { links: [...links, ...newLinks].slice(0, 20) } : {}),
  });
  if (newTags.length > 0) {
    await sql`INSERT OR IGNORE INTO person_tags (person_id, tag) VALUES ${sql.join(newTags.map((tag) => sql`(${personId}, ${tag})`))}`.execute(trx);
  }
  return true;
}
