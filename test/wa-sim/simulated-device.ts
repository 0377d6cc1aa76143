/**
 * A simulated WhatsApp device with real Signal keys (Baileys' own libsignal repository over an
 * in-memory store): it hands out prekey bundles, decrypts what it receives and encrypts what it sends.
 */
import {
  addTransactionCapability,
  Curve,
  DEFAULT_CONNECTION_CONFIG,
  encodeBigEndian,
  encodeWAMessage,
  generateSignalPubKey,
  initAuthCreds,
  KEY_BUNDLE_TYPE,
  proto,
  unpadRandomMax16,
  xmppPreKey,
  xmppSignedPreKey,
  type BinaryNode,
} from '@whiskeysockets/baileys';
import { simLogger } from './logger.ts';
import { createMemoryKeyStore } from './memory-auth-state.ts';

/** A prekey bundle as published to the server: what a sender needs to open a session. */
export type PreKeyBundle = {
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: { keyId: number; publicKey: Uint8Array; signature: Uint8Array };
  preKey?: { keyId: number; publicKey: Uint8Array };
};

export type EncryptedPayload = { type: 'pkmsg' | 'msg'; ciphertext: Uint8Array };

export type SimulatedDevice = ReturnType<typeof createSimulatedDevice>;

/** `encrypt get` answer content for one user: the wire form of a bundle. */
export const bundleToNodes = (bundle: PreKeyBundle): BinaryNode[] => [
  { tag: 'registration', attrs: {}, content: encodeBigEndian(bundle.registrationId) },
  { tag: 'type', attrs: {}, content: KEY_BUNDLE_TYPE },
  { tag: 'identity', attrs: {}, content: bundle.identityKey },
  xmppSignedPreKey({
    keyId: bundle.signedPreKey.keyId,
    keyPair: { public: bundle.signedPreKey.publicKey, private: new Uint8Array(0) },
    signature: bundle.signedPreKey.signature,
  }),
  ...(bundle.preKey ? [xmppPreKey({ public: bundle.preKey.publicKey, private: new Uint8Array(0) }, bundle.preKey.keyId)] : []),
];

export const createSimulatedDevice = () => {
  const creds = initAuthCreds();
  const keys = addTransactionCapability(createMemoryKeyStore(), simLogger, {
    maxCommitRetries: 1,
    delayBetweenTriesMs: 0,
  });
  const repository = DEFAULT_CONNECTION_CONFIG.makeSignalRepository({ creds, keys }, simLogger);
  /** `group author recipient` triples whose recipient already holds this device's sender key. */
  const sharedSenderKeys = new Set<string>();
  let nextPreKeyId = 1;

  const ensureSession = async (jid: string, bundle: () => PreKeyBundle | undefined): Promise<void> => {
    if ((await repository.validateSession(jid)).exists) return;
    const session = bundle();
    if (!session) throw new Error(`no prekey bundle published for ${jid}`);
    await repository.injectE2ESession({
      jid,
      session: {
        registrationId: session.registrationId,
        identityKey: generateSignalPubKey(session.identityKey),
        signedPreKey: { ...session.signedPreKey, publicKey: generateSignalPubKey(session.signedPreKey.publicKey) },
        ...(session.preKey ? { preKey: { ...session.preKey, publicKey: generateSignalPubKey(session.preKey.publicKey) } } : {}),
      },
    });
  };

  return {
    /** A bundle with a fresh one-time prekey, as the server hands it to one sender. */
    async takeBundle(): Promise<PreKeyBundle> {
      const keyId = nextPreKeyId++;
      const preKey = Curve.generateKeyPair();
      await keys.set({ 'pre-key': { [keyId]: preKey } });
      return {
        registrationId: creds.registrationId,
        identityKey: creds.signedIdentityKey.public,
        signedPreKey: {
          keyId: creds.signedPreKey.keyId,
          publicKey: creds.signedPreKey.keyPair.public,
          signature: creds.signedPreKey.signature,
        },
        preKey: { keyId, publicKey: preKey.public },
      };
    },

    /** Decrypts a 1:1 payload; a sender key distribution inside it is installed on the way. */
    async decrypt(senderJid: string, payload: EncryptedPayload): Promise<proto.IMessage> {
      const plaintext = await repository.decryptMessage({ jid: senderJid, ...payload });
      const message = proto.Message.decode(unpadRandomMax16(plaintext));
      if (message.senderKeyDistributionMessage) {
        await repository.processSenderKeyDistributionMessage({
          authorJid: senderJid,
          item: message.senderKeyDistributionMessage,
        });
      }
      return message.deviceSentMessage?.message ?? message;
    },

    async decryptGroup(group: string, authorJid: string, ciphertext: Uint8Array): Promise<proto.IMessage> {
      const plaintext = await repository.decryptGroupMessage({ group, authorJid, msg: ciphertext });
      return proto.Message.decode(unpadRandomMax16(plaintext));
    },

    /**
     * Encrypts for a group with this device's sender key as `authorJid`. `distribution` (the key,
     * to send the recipient pairwise) is set only the first time, as WhatsApp devices do.
     */
    async encryptGroup(
      group: string,
      authorJid: string,
      recipientJid: string,
      message: proto.IMessage,
    ): Promise<{ ciphertext: Uint8Array; distribution?: proto.Message.ISenderKeyDistributionMessage }> {
      const encrypted = await repository.encryptGroupMessage({ group, meId: authorJid, data: encodeWAMessage(message) });
      const shared = `${group} ${authorJid} ${recipientJid}`;
      if (sharedSenderKeys.has(shared)) return { ciphertext: encrypted.ciphertext };
      sharedSenderKeys.add(shared);
      return {
        ciphertext: encrypted.ciphertext,
        distribution: { groupId: group, axolotlSenderKeyDistributionMessage: encrypted.senderKeyDistributionMessage },
      };
    },

    /** Encrypts for a recipient device, opening a session from its published bundle if needed. */
    async encrypt(recipientJid: string, message: proto.IMessage, bundle: () => PreKeyBundle | undefined): Promise<EncryptedPayload> {
      await ensureSession(recipientJid, bundle);
      return repository.encryptMessage({ jid: recipientJid, data: encodeWAMessage(message) });
    },
  };
};
