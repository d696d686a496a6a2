// Words for contact details: birthdays with or without a year, and where a person came from.
import type { ImportSource, PostalAddress } from '../../../src-main/contract/contract';
import { dayMonthLabel, longDateLabel, monthNames as localMonthNames } from '../lib/format';

export const monthNames = localMonthNames();

export interface BirthdayParts {
  day: string;
  month: string;
  year: string;
}

/** '1980-03-22' or '--03-22' → the form's three fields. */
export function birthdayParts(value: string | null): BirthdayParts {
  const match = value ? /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return { day: '', month: '', year: '' };
  return { year: match[1] === '-' ? '' : (match[1] ?? ''), month: match[2] ?? '', day: String(Number(match[3])) };
}

/** The form's fields → the stored form; half-filled fields are passed on as typed so the core can say what is missing. */
export function birthdayValue(parts: BirthdayParts): string | null {
  const day = parts.day.trim();
  const year = parts.year.trim();
  if (!day && !parts.month && !year) return null;
  const dd = /^\d{1,2}$/.test(day) ? day.padStart(2, '0') : day || '??';
  return `${year || '-'}-${parts.month || '??'}-${dd}`;
}

/** "22 March 1980", or "29 February" without a year. */
export function birthdayLabel(value: string): string {
  const { day, month, year } = birthdayParts(value);
  // A whole date reads in the locale's voice; 2000 is a leap year, so 29 February has a day to stand on.
  if (/^\d{2}$/.test(month) && /^\d{1,2}$/.test(day)) {
    const dd = day.padStart(2, '0');
    return /^\d{4}$/.test(year) ? longDateLabel(`${year}-${month}-${dd}`) : dayMonthLabel(`2000-${month}-${dd}`);
  }
  const name = monthNames[Number(month) - 1] ?? month;
  return [day, name, year].filter(Boolean).join(' ');
}

const sourceKinds: Record<ImportSource['kind'], string> = {
  vcard: 'a vCard file',
  linkedin: 'LinkedIn connections',
  csv: 'a spreadsheet',
  journal: 'a Confidant export',
};

/** "Imported from LinkedIn connections (Connections.csv) on 3 March 2026". */
export function sourceLabel(source: ImportSource): string {
  const day = longDateLabel(source.importedAt);
  return `Imported from ${sourceKinds[source.kind]} (${source.fileName}) on ${day}`;
}

/** An address as on an envelope: the street lines, then "postcode city region", then the country. */
export function addressLines(item: PostalAddress): string {
  const place = [[item.postalCode, item.locality].filter(Boolean).join(' '), item.region].filter(Boolean).join(' ');
  return [...(item.street ?? '').split('\n'), place, item.country ?? ''].map((part) => part.trim()).filter(Boolean).join('\n');
}
