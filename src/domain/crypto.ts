import forge from 'node-forge';
import { deriveKey } from './signed-tokens';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BITS = 128;

export class DecryptionError extends Error {
  constructor() {
    super('stored secret could not be decrypted: wrong APP_ENCRYPTION_KEY or tampered data');
  }
}

/** AES-256-GCM with a fresh 12-byte IV per value; the result is "v1:<iv>:<tag>:<ciphertext>" in base64. */
export class SecretBox {
  private readonly key: string;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error('encryption key must be exactly 32 bytes');
    this.key = key.toString('binary');
  }

  encrypt(plaintext: string): string {
    const iv = forge.random.getBytesSync(IV_BYTES);
    const cipher = forge.cipher.createCipher('AES-GCM', this.key);
    cipher.start({ iv, tagLength: TAG_BITS });
    cipher.update(forge.util.createBuffer(forge.util.encodeUtf8(plaintext)));
    cipher.finish();
    const parts = [iv, cipher.mode.tag.getBytes(), cipher.output.getBytes()].map((b) => forge.util.encode64(b));
    return [VERSION, ...parts].join(':');
  }

  /** Throws DecryptionError when the value is malformed or the auth tag does not verify: never returns garbage. */
  decrypt(sealed: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 4 || parts[0] !== VERSION) throw new DecryptionError();
    try {
      const [iv, tag, data] = parts.slice(1).map((p) => forge.util.decode64(p));
      if (iv.length !== IV_BYTES || tag.length !== TAG_BITS / 8) throw new DecryptionError();
      const decipher = forge.cipher.createDecipher('AES-GCM', this.key);
      decipher.start({ iv, tag: forge.util.createBuffer(tag), tagLength: TAG_BITS });
      decipher.update(forge.util.createBuffer(data));
      if (!decipher.finish()) throw new DecryptionError();
      return forge.util.decodeUtf8(decipher.output.getBytes());
    } catch {
      // forge throws plain Errors for some malformed input; a caller must only ever see DecryptionError.
      throw new DecryptionError();
    }
  }

  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(sealed: string): T {
    return JSON.parse(this.decrypt(sealed)) as T;
  }

  /** A key for another purpose (e.g. signing reply-to tokens), derived from the encryption key. */
  deriveKey(purpose: string): Buffer {
    return deriveKey(Buffer.from(this.key, 'binary'), purpose);
  }
}
