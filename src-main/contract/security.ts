// #12: the calls behind the lock screen and Settings › Security. Answered by the journal session
// (core/recovery/session.ts), which stands in front of the journal, so they work while it is locked.
import { z } from 'zod';
import type { JournalStatus } from './journal-status.js';


const noInput = z.object({}, { error: 'This request takes no input.' }).strict().optional();

const passphrase = z
  .string({ error: 'The passphrase must be text.' })
  .min(1, { error: 'Enter your passphrase.' })
  .max(1024, { error: 'A passphrase must be at most 1024 characters.' });

/** A new passphrase: long enough that scrypt's cost means something. */
const newPassphrase = z
  .string({ error: 'The passphrase must be text.' })
  .min(10, { error: 'Choose a passphrase of at least 10 characters; a few unrelated words work well.' })
  .max(1024, { error: 'A passphrase must be at most 1024 characters.' });

export interface SecurityInfo {
  /** Whether the journal file is encrypted (SQLCipher 4 via SQLite3 Multiple Ciphers). */
  encrypted: boolean;
  /** What holds the key: a passphrase, the OS keychain, or nothing yet (a plain journal). */
  protection: 'passphrase' | 'os-keychain' | 'none';
  /** The keychain Confidant could use here, or null where none protects a key (Linux basic_text). */
  keychain: string | null;
  cipher: string;
  kdf: { name: 'scrypt'; N: number; r: number; p: number } | null;
}

export const securityContract = {
  'journal.status': { input: noInput, result: {} as JournalStatus },
  'security.info': { input: noInput, result: {} as SecurityInfo },
  'security.unlock': { input: z.object({ passphrase }), result: {} as JournalStatus },
  'security.lock': { input: noInput, result: {} as JournalStatus },
  /** Sets the first passphrase: creates or encrypts the journal (setup), or moves it off the keychain. */
  'security.setPassphrase': { input: z.object({ passphrase: newPassphrase }), result: {} as JournalStatus },
  'security.changePassphrase': {
    input: z.object({ current: passphrase, next: newPassphrase }),
    result: {} as SecurityInfo,
  },
} as const;

export { securityCallNames, type SecurityCallName } from './names.js';
