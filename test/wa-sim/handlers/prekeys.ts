/** `xmlns="encrypt"`: prekey count, uploads, signed prekey rotation, digest and bundle fetches. */
import { type BinaryNode } from '@whiskeysockets/baileys';
import type { Session, SimContext } from '../context.ts';
import { bytesOf, childOf, childrenOf, iqResult } from '../nodes.ts';
import { bundleToNodes, type PreKeyBundle } from '../simulated-device.ts';
import type { Account, CompanionDevice } from '../state.ts';

const readUInt = (node: BinaryNode | undefined): number | undefined => {
  const bytes = bytesOf(node);
  return bytes ? Buffer.from(bytes).readUIntBE(0, bytes.byteLength) : undefined;
};

const readSignedPreKey = (node: BinaryNode | undefined): CompanionDevice['signedPreKey'] | undefined => {
  const keyId = readUInt(childOf(node, 'id'));
  const publicKey = bytesOf(childOf(node, 'value'));
  const signature = bytesOf(childOf(node, 'signature'));
  return keyId !== undefined && publicKey && signature ? { keyId, publicKey, signature } : undefined;
};

/** Hands one of the companion's uploaded one-time prekeys to a sender, as the server does. */
export const takeCompanionBundle = (account: Account): PreKeyBundle | undefined => {
  const companion = account.companion;
  if (!companion) return undefined;
  const next = companion.preKeys.entries().next();
  if (!next.done) companion.preKeys.delete(next.value[0]);
  return {
    registrationId: companion.registrationId,
    identityKey: companion.identityKey,
    signedPreKey: companion.signedPreKey,
    ...(next.done ? {} : { preKey: { keyId: next.value[0], publicKey: next.value[1] } }),
  };
};

const storeUpload = (companion: CompanionDevice, request: BinaryNode) => {
  const registrationId = readUInt(childOf(request, 'registration'));
  const identityKey = bytesOf(childOf(request, 'identity'));
  const signedPreKey = readSignedPreKey(childOf(request, 'skey'));
  if (registrationId !== undefined) companion.registrationId = registrationId;
  if (identityKey) companion.identityKey = identityKey;
  if (signedPreKey) companion.signedPreKey = signedPreKey;
  for (const key of childrenOf(childOf(request, 'list'))) {
    const keyId = readUInt(childOf(key, 'id'));
    const publicKey = bytesOf(childOf(key, 'value'));
    if (keyId !== undefined && publicKey) companion.preKeys.set(keyId, publicKey);
  }
};

const bundleFor = async (context: SimContext, jid: string): Promise<PreKeyBundle | undefined> => {
  const user = context.state.findUser(jid);
  if (user?.kind === 'contact') return user.contact.device.takeBundle();
  return undefined;
};

export const handleEncryptIq = async (context: SimContext, session: Session, request: BinaryNode): Promise<BinaryNode> => {
  const companion = session.account.companion;
  const [child] = childrenOf(request);
  switch (child?.tag) {
    case 'count':
      return iqResult(request, [{ tag: 'count', attrs: { value: (companion?.preKeys.size ?? 0).toString() } }]);
    case 'digest':
      return iqResult(request, [{ tag: 'digest', attrs: {} }]);
    case 'rotate': {
      const signedPreKey = readSignedPreKey(childOf(child, 'skey'));
      if (companion && signedPreKey) companion.signedPreKey = signedPreKey;
      return iqResult(request);
    }
    case 'key': {
      const users: BinaryNode[] = [];
      for (const user of childrenOf(child)) {
        const jid = user.attrs['jid'] ?? '';
        const bundle = await bundleFor(context, jid);
        if (bundle) users.push({ tag: 'user', attrs: { jid }, content: bundleToNodes(bundle) });
      }
      return iqResult(request, [{ tag: 'list', attrs: {}, content: users }]);
    }
    default:
      if (companion && request.attrs['type'] === 'set') storeUpload(companion, request);
      return iqResult(request);
  }
};
