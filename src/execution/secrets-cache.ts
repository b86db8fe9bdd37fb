import { openHttpsSecrets, type HttpsSecrets } from '../domain/connection-secrets';
import type { SecretBox } from '../domain/crypto';

const MAX_ENTRIES = 256;

/**
 * Decrypted connection secrets by their sealed text, so a worker does not decrypt the same
 * connection for every request (AES-GCM in node-forge costs more than the rest of a call's
 * bookkeeping). New secrets are new sealed text, so a change is never served stale.
 */
export class SecretsCache {
  private readonly opened = new Map<string, HttpsSecrets>();

  constructor(private readonly box: SecretBox) {}

  open(sealed: string): HttpsSecrets {
    let secrets = this.opened.get(sealed);
    if (!secrets) {
      secrets = openHttpsSecrets(this.box, sealed);
      if (this.opened.size >= MAX_ENTRIES) this.opened.clear();
      this.opened.set(sealed, secrets);
    }
    return secrets;
  }
}
