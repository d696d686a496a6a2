// A keychain for tests: wraps keys with AES-256-GCM under a secret held only in this process's memory, as
// the OS keychain holds its secret outside the journal's folder. The real one is Electron's safeStorage
// (src-main/shell/safe-storage.ts), which cannot run here.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keychain } from '../src-main/core/index.js';

export function testKeychain(secret: Buffer = randomBytes(32)): Keychain {
  return {
    backend: 'test-keychain',
    wrap: async (key) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(key), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    unwrap: async (wrapped) => {
      const decipher = createDecipheriv('aes-256-gcm', secret, wrapped.subarray(0, 12));
      decipher.setAuthTag(wrapped.subarray(12, 28));
      return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
    },
  };
}
