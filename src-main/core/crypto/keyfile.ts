// The key file: `<journal>.key`, beside the journal. It holds the journal's data key only wrapped, never in
// plain, in one of two ways:
//   - "passphrase": scrypt(passphrase) gives a key-encryption key; AES-256-GCM wraps the data key with it.
//   - "os-keychain": the OS keychain wraps it (Electron safeStorage: macOS Keychain, Windows DPAPI, Linux
//     secret service), through the Keychain interface the shell injects; the core never imports Electron.
// Versioned JSON, so a later Confidant can read every file an earlier one wrote.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCallback } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { JournalError } from '../errors.js';
import { CIPHER, KEY_BYTES } from './cipher.js';

/**
 * scrypt N=2^17, r=8, p=1: 128 MiB and, on a 2020s laptop, about a third of a second per attempt (about 1 s
 * on a slow shared machine). That is OWASP's recommended minimum for scrypt; the memory cost is what makes
 * guessing on GPUs and ASICs expensive, and a third of a second is unnoticeable once per unlock. scrypt
 * comes with node:crypto, so no native argon2 module is needed. Stored in the file, so a later Confidant
 * can raise them at the next passphrase change and still read older files.
 */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

export interface Keychain {
  /** What holds the key, as Electron names it ('keychain', 'dpapi', 'gnome_libsecret', 'kwallet5'…). */
  readonly backend: string;
  wrap(key: Buffer): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<Buffer>;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const PassphraseProtection = z.object({
  kind: z.literal('passphrase'),
  kdf: z.literal('scrypt'),
  N: z.number().int().min(2 ** 14).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64,
  wrap: z.literal('aes-256-gcm'),
  iv: base64,
  tag: base64,
  wrappedKey: base64,
});

const KeychainProtection = z.object({
  kind: z.literal('os-keychain'),
  backend: z.string().min(1).max(40),
  wrappedKey: base64,
});

const KeyFileSchema = z.object({
  format: z.literal('confidant-journal-key'),
  version: z.literal(1),
  cipher: z.literal(CIPHER.label),
  /** The journal's file name when the key was made: helps a person match key files to journals. */
  journal: z.string().max(255),
  createdAt: z.string(),
  protection: z.discriminatedUnion('kind', [PassphraseProtection, KeychainProtection]),
});

export type KeyFile = z.infer<typeof KeyFileSchema>;
export type Protection = KeyFile['protection']['kind'];

export function keyFilePath(journalPath: string): string {
  return `${journalPath}.key`;
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** null when there is no key file; a JournalError when there is one Confidant cannot read. */
export function readKeyFile(path: string): KeyFile | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new JournalError('internal', `Confidant could not read the journal's key file ${basename(path)}. Check that you may read it.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new JournalError(
      'internal',
      `The key file ${basename(path)} is damaged or from a newer Confidant. It was not changed; restore it from a copy or update Confidant.`,
    );
  }
  return parsed.data;
}

/** Written whole or not at all: a temp file, fsync, rename over, fsync the folder. */
export function writeKeyFile(path: string, file: KeyFile): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(file, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncFolder(dirname(path));
}

export function fsyncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; there, rename is already durable enough (NTFS journals it).
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function header(journalPath: string): Omit<KeyFile, 'protection'> {
  return {
    format: 'confidant-journal-key',
    version: 1,
    cipher: CIPHER.label,
    journal: basename(journalPath),
    createdAt: new Date().toISOString(),
  };
}

export async function wrapWithPassphrase(journalPath: string, key: Buffer, passphrase: string): Promise<KeyFile> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(passphrase, salt, SCRYPT);
  try {
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(aad(SCRYPT, salt));
    const wrapped = Buffer.concat([cipher.update(key), cipher.final()]);
    return {
      ...header(journalPath),
      protection: {
        kind: 'passphrase',
        kdf: 'scrypt',
        ...SCRYPT,
        salt: salt.toString('base64'),
        wrap: 'aes-256-gcm',
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        wrappedKey: wrapped.toString('base64'),
      },
    };
  } finally {
    kek.fill(0);
  }
}

export async function wrapWithKeychain(journalPath: string, key: Buffer, keychain: Keychain): Promise<KeyFile> {
  const wrapped = await keychain.wrap(key);
  return { ...header(journalPath), protection: { kind: 'os-keychain', backend: keychain.backend, wrappedKey: wrapped.toString('base64') } };
}

/** The data key, or a 'wrong-key' JournalError: GCM's tag check is what tells a wrong passphrase. */
export async function unwrapWithPassphrase(file: KeyFile, passphrase: string): Promise<Buffer> {
  const protection = file.protection;
  if (protection.kind !== 'passphrase') throw new JournalError('internal', 'This journal is not protected by a passphrase.');
  const salt = Buffer.from(protection.salt, 'base64');
  const kek = await deriveKek(passphrase, salt, protection);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(protection.iv, 'base64'));
    decipher.setAAD(aad(protection, salt));
    decipher.setAuthTag(Buffer.from(protection.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(protection.wrappedKey, 'base64')), decipher.final()]);
    if (key.length !== KEY_BYTES) throw new Error('bad length');
    return key;
  } catch {
    throw new JournalError('wrong-key', 'That passphrase does not unlock this journal. Check Caps Lock and try again.');
  } finally {
    kek.fill(0);
  }
}

export async function unwrapWithKeychain(file: KeyFile, keychain: Keychain | null): Promise<Buffer> {
  const protection = file.protection;
  if (protection.kind !== 'os-keychain') throw new JournalError('internal', 'This journal is not protected by the system keychain.');
  if (!keychain) {
    throw new JournalError(
      'wrong-key',
      `This journal's key is held by the system keychain (${protection.backend}), which is not available now. ` +
        'Sign in to your desktop session (or unlock its keyring) and restart Confidant.',
    );
  }
  try {
    const key = await keychain.unwrap(Buffer.from(protection.wrappedKey, 'base64'));
    if (key.length !== KEY_BYTES) throw new Error('bad length');
    return key;
  } catch {
    throw new JournalError(
      'wrong-key',
      'The system keychain did not give back this journal\'s key: it may belong to another user account or computer. ' +
        'Nothing was changed. Sign in as the user who created the journal, or restore its key file.',
    );
  }
}

/** The parameters and salt are authenticated with the wrapped key: a file edited to weaken them fails. */
function aad(params: { N: number; r: number; p: number }, salt: Buffer): Buffer {
  return Buffer.from(`confidant-journal-key/1/${CIPHER.label}/scrypt/${params.N}/${params.r}/${params.p}/${salt.toString('base64')}`);
}

function deriveKek(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above 128 * N * r (Node's default of 32 MiB would refuse N=2^17).
    scryptCallback(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * 1024 * 1024 + 128 * params.N * params.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
