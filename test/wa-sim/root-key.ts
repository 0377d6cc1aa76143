/**
 * The simulator's test-only Noise trust root. It derives from a fixed seed (or WA_SIM_ROOT_SEED)
 * so a client in another process can trust a simulator without exchanging keys.
 */
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import type { KeyPair } from '@whiskeysockets/baileys';

const DEFAULT_SEED = 'whatsapp-hub wa-sim test-only trust root v1';

// DER prefix of a PKCS#8 X25519 private key; Node derives the public half from it.
const X25519_PKCS8_PREFIX = Buffer.from([48, 46, 2, 1, 0, 48, 5, 6, 3, 43, 101, 110, 4, 34, 4, 32]);
const X25519_SPKI_PREFIX_LENGTH = 12;

const rootSeed = (): string => process.env['WA_SIM_ROOT_SEED'] ?? DEFAULT_SEED;

const deriveKeyPair = (seed: string): KeyPair => {
  const privateKey = createHash('sha256').update(seed).digest();
  const keyObject = createPrivateKey({
    key: Buffer.concat([X25519_PKCS8_PREFIX, privateKey]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(keyObject).export({ format: 'der', type: 'spki' });
  return { private: privateKey, public: Buffer.from(spki.subarray(X25519_SPKI_PREFIX_LENGTH)) };
};

export const simulatorRootKeyPair = (): KeyPair => deriveKeyPair(rootSeed());
