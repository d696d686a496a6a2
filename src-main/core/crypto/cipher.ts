// How an encrypted journal is keyed. The whole file is encrypted by SQLite3 Multiple Ciphers (bundled in
// better-sqlite3-multiple-ciphers) page by page: tables, the FTS5 search index, the -wal (its frames hold
// encrypted pages) and VACUUM INTO copies. Nothing above this module knows a cipher exists.
//
// Scheme: SQLCipher 4 (AES-256-CBC per page, HMAC-SHA512 over each page, random IV per write), rather than
// the library's default ChaCha20-Poly1305 (sqleet). Both are authenticated, and AES is hardware-accelerated
// on every machine Confidant runs on; SQLCipher 4 is the format with the widest review and use (Signal
// Desktop's database is SQLCipher) and the only one other tools open: a user holding their key can still
// read their journal with the sqlcipher shell or DB Browser for SQLite if Confidant is ever gone.
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync } from 'node:fs';
import { JournalError } from '../errors.js';

export const CIPHER = { name: 'sqlcipher', legacy: 4, label: 'sqlcipher-4' } as const;
/** 256 random bits: the journal's one data key. */
export const KEY_BYTES = 32;

/**
 * Keys a connection that has just been opened, before any other statement has read a page. The key is
 * handed over as a raw key (`x'<64 hex digits>'`), so SQLCipher's own PBKDF2 is skipped: the key is already
 * 256 random bits, and the passphrase (when there is one) has been stretched by scrypt in keyfile.ts.
 * The hex form is built in a Buffer, never a string, so it can be zeroed the moment SQLite has it.
 */
export function applyCipherKey(raw: BetterSqlite3.Database, key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new JournalError('internal', 'The journal key has the wrong length.');
  raw.pragma(`cipher = '${CIPHER.name}'`);
  raw.pragma(`legacy = ${CIPHER.legacy}`);
  const literal = rawKeyLiteral(key);
  try {
    raw.key(literal);
  } finally {
    literal.fill(0);
  }
  // Sorts and temporary indexes stay in memory: a temp file would be one more place for plain pages.
  raw.pragma('temp_store = MEMORY');
  verifyKey(raw);
}

/** Changes the key of an open, keyed connection (a rekey rewrites every page, in one transaction). */
export function rekeyConnection(raw: BetterSqlite3.Database, key: Buffer): void {
  const literal = rawKeyLiteral(key);
  try {
    raw.rekey(literal);
  } finally {
    literal.fill(0);
  }
}

/** Reads the first page: a wrong key (or a plain file given a key) fails here, with a sentence. */
function verifyKey(raw: BetterSqlite3.Database): void {
  try {
    raw.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    if (isNotADatabase(error)) {
      throw new JournalError('wrong-key', 'This key does not open this journal. Nothing was changed.');
    }
    throw error;
  }
}

export function isNotADatabase(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_NOTADB';
}

/** `x'…'` with the key's 64 hex digits, as bytes. */
export function rawKeyLiteral(key: Buffer): Buffer {
  const digits = '0123456789abcdef';
  const out = Buffer.alloc(3 + key.length * 2);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    const byte = key[i] as number;
    out[2 + i * 2] = digits.charCodeAt(byte >> 4);
    out[3 + i * 2] = digits.charCodeAt(byte & 15);
  }
  out[out.length - 1] = 0x27;
  return out;
}

export type FileKind = 'missing' | 'empty' | 'plain' | 'encrypted';

/**
 * What a journal file is, from its first 16 bytes and without opening it: a plain SQLite file starts with
 * "SQLite format 3\0"; an SQLCipher file starts with its random salt, indistinguishable from noise.
 */
export function fileKind(path: string): FileKind {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const head = Buffer.alloc(16);
    const read = readSync(fd, head, 0, 16, 0);
    if (read === 0) return 'empty';
    return head.subarray(0, read).toString('latin1') === 'SQLite format 3\0' ? 'plain' : 'encrypted';
  } finally {
    closeSync(fd);
  }
}
