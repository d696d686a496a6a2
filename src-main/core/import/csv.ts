// CSV → contacts: LinkedIn's Connections.csv as it comes, and any other spreadsheet through a column
// mapping the user confirms (remembered per header row). papaparse does the CSV itself: quotes, doubled
// quotes, line breaks inside cells, a BOM, CRLF or LF.
import { format } from 'date-fns';
import Papa from 'papaparse';
import type { CsvField } from '../../contract/transfer.js';
import { emptyContact, tidyContact } from './contact.js';
import { ImportFileError, type ParsedCard } from './vcard.js';

export interface CsvTable {
  headers: string[];
  rows: string[][];
  /** The 1-based line of the header row in the file, so rows can be named as a spreadsheet shows them. */
  headerLine: number;
}

export function readCsv(text: string): CsvTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const all = parsed.data.map((row) => row.map((cell) => (cell ?? '').replace(/\r\n?/g, '\n').trim()));
  // The header is the first row with two or more named columns: LinkedIn puts a "Notes:" paragraph and a
  // blank line above it, and a parser that takes line 1 as the header imports nothing.
  const at = all.findIndex((row) => row.filter(Boolean).length >= 2);
  if (at < 0) throw new ImportFileError('No header row found: the file needs a row of column names, such as First Name, Last Name, Email.');
  const headers = (all[at] ?? []).map((cell, index) => cell || `Column ${index + 1}`);
  const rows = all.slice(at + 1).filter((row) => row.some(Boolean));
  if (rows.length === 0) throw new ImportFileError('This file has column names but no contacts under them.');
  return { headers, rows, headerLine: at + 1 };
}

const norm = (header: string) => header.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The key a mapping is remembered by: the header row, case and punctuation ignored. */
export function headerKey(headers: readonly string[]): string {
  return headers.map(norm).join('|');
}

export function isLinkedIn(headers: readonly string[]): boolean {
  const names = new Set(headers.map(norm));
  return names.has('first name') && names.has('last name') && names.has('connected on');
}

/** A first guess for each column, from the names Google, Outlook, LinkedIn and spreadsheets use. */
export function guessMapping(headers: readonly string[]): CsvField[] {
  const used = new Set<CsvField>();
  return headers.map((header) => {
    const h = norm(header);
    const guess: CsvField =
      /^(name|full name|display name|contact)$/.test(h) ? 'name'
      : /^(first name|given name|first)$/.test(h) ? 'firstName'
      : /^(last name|family name|surname|last)$/.test(h) ? 'lastName'
      : /e ?mail/.test(h) && !/type|label/.test(h) ? 'email'
      : /phone|mobile|tel/.test(h) && !/type|label/.test(h) ? 'phone'
      : /^(company|organization|organisation|employer)( 1)?( name)?$|organization 1 name/.test(h) ? 'organization'
      : /^(title|job title|position|role)$|organization 1 title/.test(h) ? 'role'
      : /^(department|function)$|organization 1 department/.test(h) ? 'department'
      : /url|website|linkedin|profile/.test(h) ? 'url'
      : /birthday|birth date|date of birth/.test(h) ? 'birthday'
      : /^nick ?name( 1)?$/.test(h) ? 'nickname'
      : /address/.test(h) && /formatted|^(home|business|work|other) address$|^address( 1)?$/.test(h) ? 'address'
      : /^(im|instant message|messaging)( 1)?( value| address)?$|^im \d+ value$/.test(h) ? 'im'
      : /^(notes?|comments?)$/.test(h) ? 'notes'
      : /^(tags?|labels?|groups?|categories)$/.test(h) ? 'tags'
      : /how we met|met at/.test(h) ? 'howWeMet'
      : /connected on/.test(h) ? 'connectedOn'
      : 'ignore';
    // Several emails or phones may map to the same field; one name, one organization.
    if (!['email', 'phone', 'url', 'tags', 'address', 'im', 'nickname'].includes(guess) && used.has(guess)) return 'ignore';
    used.add(guess);
    return guess;
  });
}

const LINKEDIN: Record<string, CsvField> = {
  'first name': 'firstName', 'last name': 'lastName', url: 'url', 'email address': 'email',
  company: 'organization', position: 'role', 'connected on': 'connectedOn',
};

export function linkedInMapping(headers: readonly string[]): CsvField[] {
  return headers.map((header) => LINKEDIN[norm(header)] ?? 'ignore');
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "15 Mar 2024" (LinkedIn), "2024-03-15" → "2024-03-15"; anything else → null. */
export function readDay(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const named = /^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*[ -,]+(\d{4})$/.exec(value);
  const month = named ? MONTHS.indexOf((named[2] ?? '').toLowerCase()) : -1;
  if (named && month >= 0) return `${named[3]}-${String(month + 1).padStart(2, '0')}-${(named[1] ?? '').padStart(2, '0')}`;
  return null;
}

function readBirthday(text: string): string | null {
  const value = text.trim();
  if (/^--\d{2}-\d{2}$/.test(value)) return value;
  return readDay(value);
}

export function csvContacts(table: CsvTable, mapping: readonly CsvField[], source: 'linkedin' | 'csv'): ParsedCard[] {
  return table.rows.map((_, index) => csvContact(table, mapping, source, index));
}

/** One row of the table read into a contact (the preview reads them page by page). */
export function csvContact(table: CsvTable, mapping: readonly CsvField[], source: 'linkedin' | 'csv', index: number): ParsedCard {
  const row = table.rows[index] ?? [];
  const line = `Row ${table.headerLine + index + 1}`;
  const contact = emptyContact();
  const notKept: string[] = [];
  let first = '';
  let last = '';
  const notes: string[] = [];
  mapping.forEach((field, column) => {
    const value = (row[column] ?? '').trim();
    if (!value) return;
    switch (field) {
      case 'name': contact.name ||= value; break;
      case 'firstName': first ||= value; break;
      case 'lastName': last ||= value; break;
      case 'email': contact.emails.push(...value.split(/[;,]| ::: /).map((email) => ({ email, label: null }))); break;
      case 'phone': contact.phones.push(...value.split(' ::: ').map((phone) => ({ phone, label: null }))); break;
      case 'organization': contact.organization ||= value; break;
      case 'role': contact.role ||= value; break;
      case 'department': contact.department ||= value; break;
      case 'url': contact.links.push({ url: value, label: source === 'linkedin' || /linkedin\.com/i.test(value) ? 'LinkedIn' : null }); break;
      case 'birthday':
        contact.birthday ||= readBirthday(value);
        if (!readBirthday(value)) notKept.push(`the birthday “${value}”`);
        break;
      case 'notes': notes.push(value); break;
      case 'tags': contact.tags.push(...value.split(/[,;]| ::: /)); break;
      case 'howWeMet': contact.howWeMet ||= value; break;
      case 'nickname': contact.nicknames.push(...value.split(' ::: ')); break;
      // A spreadsheet's address is one cell (Google's "Address 1 - Formatted"): kept as the street, lines and all.
      case 'address': contact.addresses.push(...value.split(' ::: ').map((street) => ({ label: null, street, locality: null, region: null, postalCode: null, country: null }))); break;
      case 'im': contact.ims.push(...value.split(' ::: ').map((handle) => ({ service: null, handle, label: null }))); break;
      case 'connectedOn': {
        // Stored words, read in the app's voice: "2 February 2024", never the file's "2024-02-02".
        const day = readDay(value);
        contact.howWeMet ||= `Connected on LinkedIn on ${day ? format(new Date(`${day}T12:00:00`), 'd MMMM yyyy') : value}`;
        break;
      }
      case 'ignore': break;
    }
  });
  contact.name ||= [first, last].filter(Boolean).join(' ');
  contact.notes = notes.join('\n\n') || null;
  if (!contact.name.trim()) {
    // LinkedIn shows members who hide their name as blank rows; nothing can be kept of them.
    return { line, contact: null, skip: 'No name in this row.', notKept };
  }
  return { line, contact: tidyContact(contact, notKept), skip: null, notKept };
}
