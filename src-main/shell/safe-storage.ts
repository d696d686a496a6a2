// The one place Confidant touches Electron's safeStorage: a Keychain (core/crypto/keyfile.ts) backed by the
// OS — macOS Keychain, Windows DPAPI, Linux secret service (GNOME libsecret or KWallet) — or null where
// nothing protects a key, in which case the journal asks for a passphrase. Never a silent plaintext key.
//
// Why null on Linux with `basic_text`: there, Chromium's OSCrypt encrypts with a hard-coded password
// ("peanuts"), so anyone who copies the key file can unwrap it, although isEncryptionAvailable() is true.
// 'unknown' (asked before app ready) is treated the same. Must be called after app 'ready'.
import { safeStorage } from 'electron';
import type { Keychain } from '../core/crypto/keyfile.js';

/** Linux backends that hold a secret outside the user's files. */
const LINUX_KEYRINGS = new Set(['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']);

export async function osKeychain(platform: NodeJS.Platform = process.platform): Promise<Keychain | null> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return null;
  let backend: string;
  if (platform === 'linux') {
    backend = safeStorage.getSelectedStorageBackend();
    if (!LINUX_KEYRINGS.has(backend)) return null;
  } else if (platform === 'darwin') {
    backend = 'macOS Keychain';
  } else if (platform === 'win32') {
    backend = 'Windows DPAPI';
  } else {
    return null;
  }
  return {
    backend,
    // safeStorage takes strings only: the key crosses as base64 in a string the engine frees when it will.
    // That string lives in main only for the call; the file stores only the OS-encrypted bytes.
    wrap: (key) => safeStorage.encryptStringAsync(key.toString('base64')),
    unwrap: async (wrapped) => {
      const { result } = await safeStorage.decryptStringAsync(wrapped);
      return Buffer.from(result, 'base64');
    },
  };
}
