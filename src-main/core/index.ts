// The journal core: everything Confidant knows, with no Electron in it. The shell runs it in a worker;
// tests run it directly.
export { openJournal, type JournalDb, type OpenOptions } from './db/open.js';
export { Journal, type JournalOptions } from './journal/journal.js';
export { JournalError } from './errors.js';
export { JournalSession, type SessionOptions } from './recovery/session.js';
export type { Keychain } from './crypto/keyfile.js';
