/** What every handler works with: the state, the live connections and the simulator's events. */
import { EventEmitter } from 'node:events';
import type { BinaryNode, KeyPair } from '@whiskeysockets/baileys';
import type { Account, AccountReceipt, Contact, ReceivedMessage, SimState } from './state.ts';
import type { PreKeyBundle } from './simulated-device.ts';
import type { WaConnection } from './wa-connection.ts';

/** A logged-in companion connection of an account. */
export type Session = { account: Account; connection: WaConnection };

/** An unpaired client showing QR codes (and maybe asking for a pairing code). */
export type Registration = {
  connection: WaConnection;
  noiseKey: Uint8Array;
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: PreKeyBundle['signedPreKey'];
  refs: string[];
  /** Set once the client asked for a pairing code for this phone number. */
  pairingCodeRequest?: { phone: string; wrappedCompanionEphemeral: Uint8Array };
  /** Set between "the phone entered the code" and the client's `companion_finish`. */
  codePairing?: CodePairing;
};

export type CodePairing = {
  account: Account;
  primaryEphemeral: KeyPair;
  companionEphemeralPublic: Uint8Array;
  settle: PromiseWithResolvers<Account>;
};

export type SimEventMap = {
  /** A contact decrypted a message. */
  received: [contact: Contact, message: ReceivedMessage];
  /** An account's client acknowledged a contact's message (delivery, read…). */
  'account-receipt': [contact: Contact, receipt: AccountReceipt];
  /** A companion finished pairing for an account. */
  paired: [account: Account];
  /** A companion logged in and is ready. */
  'logged-in': [account: Account];
  /** A logged-in companion disconnected. */
  'logged-out': [account: Account];
  /** A client asked for a pairing code for a phone number. */
  'pairing-code-requested': [phone: string];
};

export type MediaHostInfo = {
  /** `host:port` as given to clients in `media_conn`. */
  hostname: string;
  baseUrl: string;
  caPem: string;
  /** Token clients must present on uploads. */
  uploadAuth: string;
  /** Stores encrypted media as an upload does; simulated phones send their media this way. */
  store(encrypted: Buffer): StoredMedia;
  profilePictureUrl(phone: string): string;
};

/** Where stored media is downloaded from: `url` on the media host, and its path there. */
export type StoredMedia = { url: string; directPath: string };

export type SimContext = {
  state: SimState;
  events: EventEmitter<SimEventMap>;
  sessions: Map<string, Session>;
  registrations: Set<Registration>;
  media: MediaHostInfo;
  /** Sends to the account's companion now (true), or queues it for its next login (false). */
  deliverToAccount(account: Account, node: BinaryNode): boolean;
};

export const createEvents = () => new EventEmitter<SimEventMap>();
