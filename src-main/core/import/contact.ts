// One contact as read from a file, before it meets the journal: every importer (vCard, LinkedIn, any CSV)
// produces these, and the preview and the write only ever see this shape.
import { z } from 'zod';
import type { ImportedContact } from '../../contract/transfer.js';
import { birthday as birthdaySchema } from '../../contract/contract.js';

export type { ImportedContact };

const emailSchema = z.email();

export function emptyContact(): ImportedContact {
  return {
    name: '', organization: null, department: null, role: null, emails: [], phones: [], links: [],
    addresses: [], nicknames: [], ims: [], birthday: null, notes: null, tags: [], howWeMet: null,
  };
}

const clip = (value: string | null | undefined, max: number): string | null => {
  const text = (value ?? '').replace(/\s+/g, (space) => (space.includes('\n') ? space : ' ')).trim();
  return text ? text.slice(0, max) : null;
};

/** Like clip, but keeps line breaks (a street of several lines): each line trimmed, blank ones dropped. */
const clipLines = (value: string | null | undefined, max: number): string | null => {
  const text = (value ?? '').split(/\r?\n/).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
  return text ? text.slice(0, max) : null;
};

/**
 * Trims, de-duplicates and checks what a file gave, so that what the preview shows is exactly what the
 * journal will accept. Anything that cannot be kept is named in `notKept`, never dropped silently.
 */
export function tidyContact(raw: ImportedContact, notKept: string[]): ImportedContact {
  const emails: ImportedContact['emails'] = [];
  for (const item of raw.emails) {
    const email = item.email.trim().toLowerCase().replace(/^mailto:/, '');
    if (!email) continue;
    if (!emailSchema.safeParse(email).success || email.length > 254) {
      notKept.push(`“${item.email.trim()}” is not an email address`);
      continue;
    }
    if (!emails.some((kept) => kept.email === email)) emails.push({ email, label: clip(item.label, 40) });
  }
  const phones = raw.phones
    .map((item) => ({ phone: clip(item.phone, 40) ?? '', label: clip(item.label, 40) }))
    .filter((item, index, list) => item.phone && list.findIndex((other) => other.phone === item.phone) === index);
  const links: ImportedContact['links'] = [];
  for (const item of raw.links) {
    const url = item.url.trim();
    if (!url) continue;
    if (/\s/.test(url) || url.length > 500) {
      notKept.push(`the link “${url.slice(0, 60)}”`);
      continue;
    }
    if (!links.some((kept) => kept.url === url)) links.push({ url, label: clip(item.label, 40) });
  }
  const addresses: ImportedContact['addresses'] = [];
  for (const item of raw.addresses) {
    const address = {
      label: clip(item.label, 40), street: clipLines(item.street, 500), locality: clip(item.locality, 120), region: clip(item.region, 120),
      postalCode: clip(item.postalCode, 40), country: clip(item.country, 120),
    };
    const key = JSON.stringify({ ...address, label: null });
    if ((address.street || address.locality || address.region || address.postalCode || address.country) && !addresses.some((kept) => JSON.stringify({ ...kept, label: null }) === key)) {
      addresses.push(address);
    }
  }
  const nicknames = [...new Set(raw.nicknames.map((nickname) => clip(nickname, 120)).filter((nickname): nickname is string => Boolean(nickname)))];
  const ims: ImportedContact['ims'] = [];
  for (const item of raw.ims) {
    const handle = clip(item.handle, 200);
    if (handle && !ims.some((kept) => kept.handle === handle && kept.service === item.service)) ims.push({ service: clip(item.service, 40), handle, label: clip(item.label, 40) });
  }
  let birthday = raw.birthday;
  if (birthday && !birthdaySchema.safeParse(birthday).success) {
    notKept.push(`the birthday “${birthday}”`);
    birthday = null;
  }
  const tags = [
    ...new Set(
      raw.tags
        .map((tag) => tag.trim().toLowerCase().replace(/[,#]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 40))
        .filter(Boolean),
    ),
  ].slice(0, 30);
  return {
    name: clip(raw.name, 120) ?? '',
    organization: clip(raw.organization, 120),
    department: clip(raw.department, 120),
    role: clip(raw.role, 120),
    emails: emails.slice(0, 20),
    phones: phones.slice(0, 20),
    links: links.slice(0, 20),
    addresses: addresses.slice(0, 20),
    nicknames: nicknames.slice(0, 20),
    ims: ims.slice(0, 20),
    birthday,
    notes: raw.notes?.trim() ? raw.notes.trim().slice(0, 20_000) : null,
    tags,
    howWeMet: clip(raw.howWeMet, 500),
  };
}
