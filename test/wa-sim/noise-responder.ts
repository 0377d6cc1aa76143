/**
 * Server half of WhatsApp's Noise XX handshake, mirroring Baileys' `Utils/noise-handler.js`:
 * one nonce counter during the handshake, then transport keys where the server sends with the
 * second half of the final HKDF and receives with the first.
 */
import {
  aesDecryptGCM,
  aesEncryptGCM,
  Curve,
  hkdf,
  NOISE_MODE,
  NOISE_WA_HEADER,
  proto,
  sha256,
  type KeyPair,
} from '@whiskeysockets/baileys';

const IV_LENGTH = 12;
const FRAME_LENGTH_BYTES = 3;

const ivFor = (counter: number): Uint8Array => {
  const iv = new Uint8Array(IV_LENGTH);
  new DataView(iv.buffer).setUint32(8, counter);
  return iv;
};

export type ClientFinish = { clientStaticPublic: Buffer; payload: proto.ClientPayload };

export type NoiseResponder = {
  /** Answers the client hello with the server hello (ephemeral, encrypted static, cert chain). */
  respondToHello(helloFrame: Uint8Array): Uint8Array;
  /** Reads the client finish, switches to transport keys and returns who the client is. */
  acceptFinish(finishFrame: Uint8Array): ClientFinish;
  encryptFrame(plaintext: Uint8Array): Uint8Array;
  decryptFrame(ciphertext: Uint8Array): Buffer;
  /** Splits received bytes into complete frames (stripping the client's intro header once). */
  pushBytes(data: Uint8Array): Uint8Array[];
};

export const createNoiseResponder = (serverStatic: KeyPair, certChain: Uint8Array): NoiseResponder => {
  const mode = Buffer.from(NOISE_MODE);
  let hash: Buffer = mode.byteLength === 32 ? mode : sha256(mode);
  let salt: Uint8Array = hash;
  let cipherKey: Uint8Array = hash;
  let counter = 0;
  let ephemeral: KeyPair | undefined;
  let transport: { sendKey: Uint8Array; receiveKey: Uint8Array; sent: number; received: number } | undefined;
  let pending = Buffer.alloc(0);
  let introStripped = false;

  const authenticate = (data: Uint8Array) => {
    hash = sha256(Buffer.concat([hash, data]));
  };
  const mixIntoKey = (ikm: Uint8Array) => {
    const derived = hkdf(Buffer.from(ikm), 64, { salt: Buffer.from(salt), info: '' });
    salt = derived.subarray(0, 32);
    cipherKey = derived.subarray(32);
    counter = 0;
  };
  const handshakeEncrypt = (plaintext: Uint8Array) => {
    const result = aesEncryptGCM(plaintext, cipherKey, ivFor(counter++), hash);
    authenticate(result);
    return result;
  };
  const handshakeDecrypt = (ciphertext: Uint8Array) => {
    const result = aesDecryptGCM(ciphertext, cipherKey, ivFor(counter++), hash);
    authenticate(ciphertext);
    return result;
  };

  authenticate(NOISE_WA_HEADER);

  return {
    respondToHello(helloFrame) {
      const clientEphemeral = proto.HandshakeMessage.decode(helloFrame).clientHello?.ephemeral;
      if (!clientEphemeral) throw new Error('client hello without ephemeral key');
      authenticate(clientEphemeral);
      ephemeral = Curve.generateKeyPair();
      authenticate(ephemeral.public);
      mixIntoKey(Curve.sharedKey(ephemeral.private, clientEphemeral));
      const encryptedStatic = handshakeEncrypt(serverStatic.public);
      mixIntoKey(Curve.sharedKey(serverStatic.private, clientEphemeral));
      const encryptedCert = handshakeEncrypt(certChain);
      return proto.HandshakeMessage.encode({
        serverHello: { ephemeral: ephemeral.public, static: encryptedStatic, payload: encryptedCert },
      }).finish();
    },
    acceptFinish(finishFrame) {
      const finish = proto.HandshakeMessage.decode(finishFrame).clientFinish;
      if (!ephemeral || !finish?.static || !finish.payload) throw new Error('unexpected client finish');
      const clientStaticPublic = handshakeDecrypt(finish.static);
      mixIntoKey(Curve.sharedKey(ephemeral.private, clientStaticPublic));
      const payload = proto.ClientPayload.decode(handshakeDecrypt(finish.payload));
      const keys = hkdf(Buffer.alloc(0), 64, { salt: Buffer.from(salt), info: '' });
      transport = { receiveKey: keys.subarray(0, 32), sendKey: keys.subarray(32), sent: 0, received: 0 };
      return { clientStaticPublic, payload };
    },
    encryptFrame(plaintext) {
      const body = transport ? aesEncryptGCM(plaintext, transport.sendKey, ivFor(transport.sent++), new Uint8Array(0)) : plaintext;
      const frame = Buffer.alloc(FRAME_LENGTH_BYTES + body.byteLength);
      frame.writeUIntBE(body.byteLength, 0, FRAME_LENGTH_BYTES);
      frame.set(body, FRAME_LENGTH_BYTES);
      return frame;
    },
    decryptFrame(ciphertext) {
      if (!transport) throw new Error('transport keys not established');
      return aesDecryptGCM(ciphertext, transport.receiveKey, ivFor(transport.received++), new Uint8Array(0));
    },
    pushBytes(data) {
      pending = Buffer.concat([pending, data]);
      if (!introStripped) {
        if (pending.byteLength < NOISE_WA_HEADER.byteLength) return [];
        pending = pending.subarray(NOISE_WA_HEADER.byteLength);
        introStripped = true;
      }
      const frames: Uint8Array[] = [];
      while (pending.byteLength >= FRAME_LENGTH_BYTES) {
        const size = pending.readUIntBE(0, FRAME_LENGTH_BYTES);
        if (pending.byteLength < FRAME_LENGTH_BYTES + size) break;
        frames.push(pending.subarray(FRAME_LENGTH_BYTES, FRAME_LENGTH_BYTES + size));
        pending = pending.subarray(FRAME_LENGTH_BYTES + size);
      }
      return frames;
    },
  };
};
