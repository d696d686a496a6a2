// Merging a row into a person already in the journal, and the checks every imported row passes: shared
// by the preview (which compares) and the import thread (which writes).
import { sql, type Kysely } from 'kysely';
import { contract, type ParsedInput } from '../../contract/contract.js';
import type { MergeField } from '../../contract/transfer.js';
import type { Database } from '../db/schema.js';
import { JournalError } from '../errors.js';
import { contactDetails, writeContactDetails } from '../people/contacts.js';
import type { ImportedContact } from './contact.js';

type PersonFields = ParsedInput<'people.create'>;

const ORG_SUFFIX = /\b(inc|incorporated|llc|ltd|limited|corp|corporation|co|company|gmbh|plc|sa|ag|bv)\b/g;
export const normalizeOrg = (org: string | null): string =>
  (org ?? '').toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(ORG_SUFFIX, ' ').replace(/\s+/g, ' ').trim();
export const normalizeName = (name: string): string =>
  name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
export const normalizeUrl = (url: string): string => url.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');

export interface Known {
  id: number;
  name: string;
  organization: string | null;
  department: string | null;
  role: string | null;
  birthday: string | null;
  how_we_met: string | null;
  notes: string | null;
}

export const scalar: Record<MergeField, Exclude<keyof Known, 'id'>> = {
  name: 'name', organization: 'organization', department: 'department', role: 'role', birthday: 'birthday', howWeMet: 'how_we_met', notes: 'notes',
};

export interface Held {
  emails: Set<string>;
  /** Digits only: "+1 415 555 0100" and "(415) 555-0100" differ by a country code, not a format. */
  phones: Set<string>;
  links: Set<string>;
  tags: Set<string>;
  addresses: Set<string>;
  nicknames: Set<string>;
  ims: Set<string>;
}

export const digits = (phone: string): string => phone.replace(/\D/g, '');
export const addressKey = (item: ImportedContact['addresses'][number]): string =>
  [item.street, item.locality, item.region, item.postalCode, item.country].map((part) => normalizeName(part ?? '')).join('|');

/** What is new in a row for a person: only what the person does not hold already. */
export function newDetails(held: Held | undefined, contact: ImportedContact) {
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


/** Through the same schema as people.create: what the importer writes is what the form could have. */
export function validated(contact: ImportedContact, line: string): PersonFields {
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
export async function mergeContact(trx: Kysely<Database>, personId: number, contact: ImportedContact, take: readonly MergeField[]): Promise<boolean> {
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
