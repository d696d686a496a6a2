import type { Kysely, Transaction } from 'kysely';
import type { ImportSource, LabelledEmail, LabelledLink, LabelledPhone, MessagingHandle, PostalAddress } from '../../contract/contract.js';
import type { Database } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ContactDetails {
  emails: LabelledEmail[];
  phones: LabelledPhone[];
  links: LabelledLink[];
  addresses: PostalAddress[];
  nicknames: string[];
  ims: MessagingHandle[];
}

/** What a write may change; a list left undefined is kept as stored. */
export interface ContactWrite {
  emails?: LabelledEmail[] | undefined;
  phones?: LabelledPhone[] | undefined;
  links?: LabelledLink[] | undefined;
  addresses?: PostalAddress[] | undefined;
  nicknames?: string[] | undefined;
  ims?: MessagingHandle[] | undefined;
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** Replaces the lists named in `details` (each in the order given); lists left out are untouched. */
export async function writeContactDetails(db: Db, personId: number, details: ContactWrite): Promise<void> {
  if (details.emails) {
    await db.deleteFrom('person_emails').where('person_id', '=', personId).execute();
    const seen = new Set<string>();
    const rows = details.emails
      .map((item) => ({ email: normalizeEmail(item.email), label: item.label ?? null }))
      .filter((item) => !seen.has(item.email) && seen.add(item.email));
    if (rows.length > 0) {
      await db.insertInto('person_emails').values(rows.map((row, position) => ({ person_id: personId, position, ...row }))).execute();
    }
  }
  if (details.phones) {
    await db.deleteFrom('person_phones').where('person_id', '=', personId).execute();
    if (details.phones.length > 0) {
      await db
        .insertInto('person_phones')
        .values(details.phones.map((item, position) => ({ person_id: personId, position, phone: item.phone, label: item.label ?? null })))
        .execute();
    }
  }
  if (details.links) {
    await db.deleteFrom('person_links').where('person_id', '=', personId).execute();
    if (details.links.length > 0) {
      await db
        .insertInto('person_links')
        .values(details.links.map((item, position) => ({ person_id: personId, position, url: item.url, label: item.label ?? null })))
        .execute();
    }
  }
  if (details.addresses) {
    await db.deleteFrom('person_addresses').where('person_id', '=', personId).execute();
    if (details.addresses.length > 0) {
      await db
        .insertInto('person_addresses')
        .values(details.addresses.map((item, position) => ({ person_id: personId, position, ...addressRow(item) })))
        .execute();
    }
  }
  if (details.nicknames) {
    await db.deleteFrom('person_nicknames').where('person_id', '=', personId).execute();
    if (details.nicknames.length > 0) {
      await db.insertInto('person_nicknames').values(details.nicknames.map((nickname, position) => ({ person_id: personId, position, nickname }))).execute();
    }
  }
  if (details.ims) {
    await db.deleteFrom('person_ims').where('person_id', '=', personId).execute();
    if (details.ims.length > 0) {
      await db
        .insertInto('person_ims')
        .values(details.ims.map((item, position) => ({ person_id: personId, position, service: item.service ?? null, handle: item.handle, label: item.label ?? null })))
        .execute();
    }
  }
}

export const addressRow = (item: PostalAddress) => ({
  label: item.label ?? null, street: item.street ?? null, locality: item.locality ?? null, region: item.region ?? null,
  postal_code: item.postalCode ?? null, country: item.country ?? null,
});

/** An address as one would write it on an envelope, its parts on one line each where they are lines. */
export function formatAddress(item: PostalAddress, separator = ', '): string {
  const place = [[item.postalCode, item.locality].filter(Boolean).join(' '), item.region].filter(Boolean).join(' ');
  return [...(item.street ?? '').split('\n'), place, item.country ?? ''].map((part) => part.trim()).filter(Boolean).join(separator);
}

/**
 * Every person's details, or one person's, keyed by person id. Addresses, nicknames and messaging handles
 * are read only for one person (the person page): the people list has no use for them.
 */
export async function contactDetails(db: Db, personId?: number): Promise<Map<number, ContactDetails>> {
  const map = new Map<number, ContactDetails>();
  const entry = (id: number) => {
    let details = map.get(id);
    if (!details) map.set(id, (details = { emails: [], phones: [], links: [], addresses: [], nicknames: [], ims: [] }));
    return details;
  };
  if (personId !== undefined) {
    const [addresses, nicknames, ims] = await Promise.all([
      db.selectFrom('person_addresses').selectAll().where('person_id', '=', personId).orderBy('position').execute(),
      db.selectFrom('person_nicknames').selectAll().where('person_id', '=', personId).orderBy('position').execute(),
      db.selectFrom('person_ims').selectAll().where('person_id', '=', personId).orderBy('position').execute(),
    ]);
    for (const row of addresses) {
      entry(personId).addresses.push({ label: row.label, street: row.street, locality: row.locality, region: row.region, postalCode: row.postal_code, country: row.country });
    }
    for (const row of nicknames) entry(personId).nicknames.push(row.nickname);
    for (const row of ims) entry(personId).ims.push({ service: row.service, handle: row.handle, label: row.label });
  }
  let emails = db.selectFrom('person_emails').select(['person_id', 'email', 'label']).orderBy('person_id').orderBy('position');
  let phones = db.selectFrom('person_phones').select(['person_id', 'phone', 'label']).orderBy('person_id').orderBy('position');
  let links = db.selectFrom('person_links').select(['person_id', 'url', 'label']).orderBy('person_id').orderBy('position');
  if (personId !== undefined) {
    emails = emails.where('person_id', '=', personId);
    phones = phones.where('person_id', '=', personId);
    links = links.where('person_id', '=', personId);
  }
  for (const row of await emails.execute()) entry(row.person_id).emails.push({ email: row.email, label: row.label });
  for (const row of await phones.execute()) entry(row.person_id).phones.push({ phone: row.phone, label: row.label });
  for (const row of await links.execute()) entry(row.person_id).links.push({ url: row.url, label: row.label });
  return map;
}

/**
 * The people who have any of these emails (case and spaces ignored), by email. An index seek per address:
 * the importer matches rows with it, and the calendar will match meeting attendees the same way.
 */
export async function findPeopleByEmail(db: Db, emails: readonly string[]): Promise<Map<string, number[]>> {
  const wanted = [...new Set(emails.map(normalizeEmail).filter(Boolean))];
  const found = new Map<string, number[]>();
  // SQLite allows a bounded number of variables per statement; ask in slices.
  for (let start = 0; start < wanted.length; start += 500) {
    const rows = await db
      .selectFrom('person_emails')
      .select(['email', 'person_id'])
      .where('email', 'in', wanted.slice(start, start + 500))
      .orderBy('person_id')
      .execute();
    for (const row of rows) found.set(row.email, [...(found.get(row.email) ?? []), row.person_id]);
  }
  return found;
}

export async function importSource(db: Db, importId: number | null): Promise<ImportSource | null> {
  if (importId === null) return null;
  const row = await db.selectFrom('imports').selectAll().where('id', '=', importId).executeTakeFirst();
  return row ? { id: row.id, kind: row.kind, fileName: row.file_name, importedAt: row.imported_at } : null;
}
