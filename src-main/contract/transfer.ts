import { z } from 'zod';
import type { LabelledEmail, LabelledLink, LabelledPhone, MessagingHandle, PostalAddress } from './contract.js';

// Import (vCard, LinkedIn, any CSV; a Confidant export into an empty journal) and export (JSON, CSV,
// Markdown, a copy of the journal file). Spread into `contract` in contract.ts.

export const csvFields = [
  'ignore', 'name', 'firstName', 'lastName', 'email', 'phone', 'organization', 'role', 'department', 'url',
  'birthday', 'notes', 'tags', 'howWeMet', 'connectedOn', 'nickname', 'address', 'im',
] as const;
export type CsvField = (typeof csvFields)[number];

export const mergeFields = ['name', 'organization', 'department', 'role', 'birthday', 'howWeMet', 'notes'] as const;
export type MergeField = (typeof mergeFields)[number];

const token = z.string({ error: 'That import is no longer open. Choose the file again.' }).regex(/^[a-z0-9-]{8,64}$/, { error: 'That import is no longer open. Choose the file again.' });
const includeConfidential = z.boolean({ error: 'Include confidential notes must be on or off.' }).default(false);

/** One row's choice in the preview, sent only where the user changed what the preview proposed. */
const Decision = z
  .object({
    index: z.number().int().min(0),
    action: z.enum(['add', 'merge', 'skip'], { error: 'Each row is added, merged or skipped.' }),
    /** For a merge: the fields where the file's value replaces the journal's. Blank fields are filled anyway. */
    take: z.array(z.enum(mergeFields)).max(mergeFields.length).default([]),
  })
  .strict();

export const transferContract = {
  'import.stage': {
    input: z
      .object({
        fileName: z.string({ error: 'The file name must be text.' }).trim().min(1, { error: 'Choose a file to import.' }).max(255),
        // Read by the renderer as text; 64 MB of it is far more than any address book.
        text: z.string({ error: 'The file must be read as text.' }).max(64_000_000, { error: 'That file is too large to import (more than 64 MB).' }),
        /** For a CSV: the field of each column, in order. Left out: remembered or guessed. */
        mapping: z.array(z.enum(csvFields, { error: 'Each column maps to one of the listed fields, or is ignored.' })).max(200).optional(),
      })
      .strict(),
    result: of<ImportStage>(),
  },
  'import.preview': {
    input: z.object({ token, from: z.number().int().min(0), count: z.number().int().min(1).max(2000) }).strict(),
    result: of<ImportPreviewPage>(),
  },
  'import.commit': {
    input: z.object({ token, decisions: z.array(Decision).max(200_000).default([]) }).strict(),
    result: of<ImportResult>(),
  },
  /** Where the write that commit started stands; waits up to a second for news. Call until it is not 'writing'. */
  'import.progress': { input: z.object({ token }).strict(), result: of<ImportResult>() },
  /** Gives up an import: one being written is rolled back whole (cancelled: false when it had already committed). */
  'import.cancel': { input: z.object({ token }).strict(), result: of<{ cancelled: boolean }>() },
  'import.restoreJournal': {
    input: z.object({ text: z.string({ error: 'The file must be read as text.' }).max(500_000_000) }).strict(),
    result: of<RestoreResult>(),
  },
  'export.json': { input: z.object({ includeConfidential }).strict(), result: of<ExportFile>() },
  'export.csv': { input: z.object({ table: z.enum(['people', 'interactions']), includeConfidential }).strict(), result: of<ExportFile>() },
  'export.markdown': { input: z.object({ includeConfidential }).strict(), result: of<ExportFile>() },
  'export.journalCopy': { input: z.object({}).strict().optional(), result: of<ExportFile>() },
} as const;

function of<T>(): T {
  return undefined as T;
}

export interface ImportedContact {
  name: string;
  organization: string | null;
  department: string | null;
  role: string | null;
  emails: LabelledEmail[];
  phones: LabelledPhone[];
  links: LabelledLink[];
  addresses: PostalAddress[];
  nicknames: string[];
  ims: MessagingHandle[];
  birthday: string | null;
  notes: string | null;
  tags: string[];
  howWeMet: string | null;
}

export type ImportKind = 'vcard' | 'linkedin' | 'csv';

export interface ImportStage {
  token: string;
  kind: ImportKind;
  fileName: string;
  /** Rows (cards) in the file, including those that will be skipped. */
  total: number;
  /** For a CSV: its columns, the mapping in use, and whether it was remembered from an earlier import. */
  csv: { headers: string[]; mapping: CsvField[]; remembered: boolean; sample: string[][] } | null;
}

export interface FieldDifference {
  field: MergeField;
  current: string;
  incoming: string;
}

export interface PreviewRow {
  index: number;
  /** "Card 3", "Row 12": where in the file. */
  line: string;
  contact: ImportedContact | null;
  /** new: will be added; match: an existing person, merge proposed; same: already there, nothing new; skip: cannot be imported. */
  status: 'new' | 'match' | 'same' | 'skip';
  reason: string;
  match: { id: number; name: string; organization: string | null } | null;
  /** Fields where the journal and the file disagree: the merge keeps the journal's unless told otherwise. */
  differences: FieldDifference[];
  /** What a merge adds without asking: "2 emails", "birthday". */
  additions: string[];
  /** What the file has that Confidant does not hold, or could not read. */
  notKept: string[];
}

export interface ImportPreviewPage {
  rows: PreviewRow[];
  counts: Record<PreviewRow['status'], number>;
}

/**
 * Where an import's write stands. It is one transaction: while 'writing', nothing of it is in the journal
 * yet; 'done' is committed (importId, added, updated and skipped are then final); 'cancelled' left nothing.
 */
export interface ImportResult {
  state: 'writing' | 'done' | 'cancelled';
  importId: number | null;
  added: number;
  updated: number;
  skipped: number;
  /** People written so far inside the transaction (added, then merged) of those to write. */
  written: number;
  toWrite: number;
}

export interface RestoreResult {
  people: number;
  interactions: number;
  rows: number;
}

export interface ExportFile {
  suggestedName: string;
  /** Text for JSON, CSV; base64 for the zip and the journal copy. */
  content: string | { base64: string };
  kind: 'json' | 'csv' | 'zip' | 'sqlite';
}
