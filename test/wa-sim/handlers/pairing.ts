/**
 * Linking a new companion: QR refs, the "scan" (parsing the QR string), pairing by code, and
 * `pair-success`, after which the client must reconnect (stream error 515) and log in.
 */
import { randomBytes, randomInt } from 'node:crypto';
import {
  aesDecryptCTR,
  aesDecryptGCM,
  aesEncryptCTR,
  Curve,
  derivePairingCodeKey,
  hkdf,
  hmacSign,
  proto,
  WA_ADV_ACCOUNT_SIG_PREFIX,
  WA_ADV_DEVICE_SIG_PREFIX,
  type BinaryNode,
} from '@whiskeysockets/baileys';
import type { Registration, SimContext } from '../context.ts';
import { SimError } from '../errors.ts';
import { lidJid, normalizePhone, pnJid, SERVER_JID, userOf } from '../jids.ts';
import { bytesOf, childOf, iqError, iqResult, unixTime } from '../nodes.ts';
import type { Account } from '../state.ts';
import type { WaConnection } from '../wa-connection.ts';

const QR_REF_COUNT = 6;
const PAIRING_TIMEOUT_MS = 10_000;

const readUInt = (bytes: Uint8Array | null | undefined): number => (bytes ? Buffer.from(bytes).readUIntBE(0, bytes.byteLength) : 0);

export const beginRegistration = (
  context: SimContext,
  connection: WaConnection,
  noiseKey: Uint8Array,
  pairingData: proto.ClientPayload.IDevicePairingRegistrationData,
): Registration => {
  const registration: Registration = {
    connection,
    noiseKey,
    registrationId: readUInt(pairingData.eRegid),
    identityKey: pairingData.eIdent ?? new Uint8Array(0),
    signedPreKey: {
      keyId: readUInt(pairingData.eSkeyId),
      publicKey: pairingData.eSkeyVal ?? new Uint8Array(0),
      signature: pairingData.eSkeySig ?? new Uint8Array(0),
    },
    refs: Array.from({ length: QR_REF_COUNT }, () => `2@${randomBytes(24).toString('base64')}`),
  };
  context.registrations.add(registration);
  connection.onClose(() => context.registrations.delete(registration));
  connection
    .query({
      tag: 'iq',
      attrs: { from: SERVER_JID, type: 'set', xmlns: 'md' },
      content: [
        {
          tag: 'pair-device',
          attrs: {},
          content: registration.refs.map((ref) => ({ tag: 'ref', attrs: {}, content: Buffer.from(ref) })),
        },
      ],
    })
    .catch(() => connection.drop());
  return registration;
};

/** The QR payload after the `#`: ref, noise key, identity key, ADV secret, platform. */
const parseQr = (qr: string) => {
  const [ref, noiseKey, identityKey, advSecret] = qr.slice(qr.indexOf('#') + 1).split(',');
  if (!ref || !noiseKey || !identityKey || !advSecret) throw new SimError(400, 'not a WhatsApp linking QR');
  return {
    ref,
    noiseKey: Buffer.from(noiseKey, 'base64'),
    identityKey: Buffer.from(identityKey, 'base64'),
    advSecret: Buffer.from(advSecret, 'base64'),
  };
};

/** The phone of `phone` scans `qr`: resolves once the companion is linked. */
export const scanQr = async (context: SimContext, qr: string, phone: string): Promise<Account> => {
  const scanned = parseQr(qr);
  const registration = [...context.registrations].find(
    (candidate) => candidate.refs.includes(scanned.ref) && Buffer.from(candidate.noiseKey).equals(scanned.noiseKey),
  );
  if (!registration || !registration.connection.isOpen()) throw new SimError(404, 'no client is showing this QR');
  if (!Buffer.from(registration.identityKey).equals(scanned.identityKey)) {
    throw new SimError(400, 'QR identity key does not match the client');
  }
  return completePairing(context, registration, context.state.account(phone), scanned.advSecret);
};

const completePairing = async (
  context: SimContext,
  registration: Registration,
  account: Account,
  advSecret: Uint8Array,
): Promise<Account> => {
  const deviceId = account.nextDeviceId++;
  const deviceDetails = proto.ADVDeviceIdentity.encode({
    rawId: randomInt(2 ** 31),
    timestamp: Math.floor(Date.now() / 1000),
    keyIndex: deviceId,
  }).finish();
  const accountSignature = Curve.sign(
    account.identity.private,
    Buffer.concat([WA_ADV_ACCOUNT_SIG_PREFIX, deviceDetails, registration.identityKey]),
  );
  const signedIdentity = proto.ADVSignedDeviceIdentity.encode({
    details: deviceDetails,
    accountSignatureKey: account.identity.public,
    accountSignature,
  }).finish();
  const deviceIdentity = proto.ADVSignedDeviceIdentityHMAC.encode({
    details: signedIdentity,
    hmac: hmacSign(signedIdentity, advSecret),
  }).finish();

  const answer = await registration.connection.query(
    {
      tag: 'iq',
      attrs: { from: SERVER_JID, type: 'set', xmlns: 'md', t: unixTime() },
      content: [
        {
          tag: 'pair-success',
          attrs: {},
          content: [
            { tag: 'device-identity', attrs: {}, content: deviceIdentity },
            { tag: 'platform', attrs: { name: 'android' } },
            { tag: 'device', attrs: { jid: pnJid(account.phone, deviceId), lid: lidJid(account.lidUser, deviceId) } },
          ],
        },
      ],
    },
    PAIRING_TIMEOUT_MS,
  );
  const signed = bytesOf(childOf(childOf(answer, 'pair-device-sign'), 'device-identity'));
  const deviceSignature = signed ? proto.ADVSignedDeviceIdentity.decode(signed).deviceSignature : undefined;
  const deviceMessage = Buffer.concat([WA_ADV_DEVICE_SIG_PREFIX, deviceDetails, registration.identityKey, account.identity.public]);
  if (!deviceSignature || !Curve.verify(registration.identityKey, deviceMessage, deviceSignature)) {
    registration.connection.drop();
    throw new SimError(502, 'the client did not sign the device identity');
  }

  context.sessions.get(account.phone)?.connection.streamError({ code: '401' });
  account.companion = {
    deviceId,
    noiseKey: registration.noiseKey,
    registrationId: registration.registrationId,
    identityKey: registration.identityKey,
    signedPreKey: registration.signedPreKey,
    preKeys: new Map(),
  };
  account.outbox = [];
  context.registrations.delete(registration);
  context.events.emit('paired', account);
  registration.connection.streamError({ code: '515' });
  return account;
};

const wrapWithCode = async (code: string, publicKey: Uint8Array): Promise<Buffer> => {
  const salt = randomBytes(32);
  const iv = randomBytes(16);
  const key = await derivePairingCodeKey(code, salt);
  return Buffer.concat([salt, iv, aesEncryptCTR(publicKey, key, iv)]);
};

const unwrapWithCode = async (code: string, wrapped: Uint8Array): Promise<Buffer> => {
  const bytes = Buffer.from(wrapped);
  const key = await derivePairingCodeKey(code, bytes.subarray(0, 32));
  return aesDecryptCTR(bytes.subarray(48, 80), key, bytes.subarray(32, 48));
};

/** The phone of `phone` types the code its linking client displays; resolves once linked. */
export const enterPairingCode = async (context: SimContext, phone: string, code: string): Promise<Account> => {
  const normalized = normalizePhone(phone);
  const registration = [...context.registrations].find((candidate) => candidate.pairingCodeRequest?.phone === normalized);
  if (!registration?.pairingCodeRequest) throw new SimError(404, `no client asked for a pairing code for ${normalized}`);
  const account = context.state.account(normalized);
  const primaryEphemeral = Curve.generateKeyPair();
  const ref = Buffer.from(randomBytes(16).toString('hex'));
  const settle = Promise.withResolvers<Account>();
  registration.codePairing = {
    account,
    primaryEphemeral,
    companionEphemeralPublic: await unwrapWithCode(code, registration.pairingCodeRequest.wrappedCompanionEphemeral),
    settle,
  };
  registration.connection.send({
    tag: 'notification',
    attrs: { from: SERVER_JID, type: 'link_code_companion_reg', id: randomBytes(8).toString('hex'), t: unixTime() },
    content: [
      {
        tag: 'link_code_companion_reg',
        attrs: { stage: 'primary_hello' },
        content: [
          {
            tag: 'link_code_pairing_wrapped_primary_ephemeral_pub',
            attrs: {},
            content: await wrapWithCode(code, primaryEphemeral.public),
          },
          { tag: 'primary_identity_pub', attrs: {}, content: account.identity.public },
          { tag: 'link_code_pairing_ref', attrs: {}, content: ref },
        ],
      },
    ],
  });
  const timer = setTimeout(() => settle.reject(new SimError(504, 'the client did not finish pairing')), PAIRING_TIMEOUT_MS);
  try {
    return await settle.promise;
  } finally {
    clearTimeout(timer);
  }
};

/** The client's `companion_finish`: derive the ADV secret exactly as the client did, then link. */
const finishCodePairing = async (context: SimContext, registration: Registration, request: BinaryNode, stage: BinaryNode) => {
  const pairing = registration.codePairing;
  const bundle = bytesOf(childOf(stage, 'link_code_pairing_wrapped_key_bundle'));
  if (!pairing || !bundle) {
    registration.connection.send(iqError(request, 400, 'bad-request'));
    return;
  }
  registration.codePairing = undefined;
  try {
    const wrapped = Buffer.from(bundle);
    const companionShared = Curve.sharedKey(pairing.primaryEphemeral.private, pairing.companionEphemeralPublic);
    const bundleKey = hkdf(companionShared, 32, {
      salt: wrapped.subarray(0, 32),
      info: 'link_code_pairing_key_bundle_encryption_key',
    });
    const plaintext = aesDecryptGCM(wrapped.subarray(44), bundleKey, wrapped.subarray(32, 44), new Uint8Array(0));
    const companionIdentity = plaintext.subarray(0, 32);
    const random = plaintext.subarray(64, 96);
    const identityShared = Curve.sharedKey(pairing.account.identity.private, companionIdentity);
    const advSecret = hkdf(Buffer.concat([companionShared, identityShared, random]), 32, { info: 'adv_secret' });
    registration.connection.send(iqResult(request));
    pairing.settle.resolve(await completePairing(context, registration, pairing.account, advSecret));
  } catch (error) {
    registration.connection.send(iqError(request, 401, 'not-authorized'));
    pairing.settle.reject(new SimError(401, `pairing code rejected: ${(error as Error).message}`));
  }
};

/** Stanzas from a client that is not linked yet. */
export const handleRegistrationNode = (context: SimContext, registration: Registration, node: BinaryNode): void => {
  const stage = childOf(node, 'link_code_companion_reg');
  if (node.tag === 'iq' && stage?.attrs['stage'] === 'companion_hello') {
    const wrapped = bytesOf(childOf(stage, 'link_code_pairing_wrapped_companion_ephemeral_pub'));
    const phone = normalizePhone(userOf(stage.attrs['jid'] ?? ''));
    if (wrapped) registration.pairingCodeRequest = { phone, wrappedCompanionEphemeral: wrapped };
    registration.connection.send(iqResult(node));
    context.events.emit('pairing-code-requested', phone);
    return;
  }
  if (node.tag === 'iq' && stage?.attrs['stage'] === 'companion_finish') {
    // Not awaited: pairing waits for the client's next stanza, which this connection reads after us.
    void finishCodePairing(context, registration, node, stage);
    return;
  }
  if (node.tag === 'iq' && (node.attrs['type'] === 'get' || node.attrs['type'] === 'set')) {
    registration.connection.send(iqResult(node));
  }
};
