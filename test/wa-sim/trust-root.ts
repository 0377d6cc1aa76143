/**
 * Importing this module makes the Baileys instance of this process trust the simulator's Noise
 * certificates instead of WhatsApp's. Test-only: load it with `node --import` or from a test.
 */
import { WA_CERT_DETAILS } from '@whiskeysockets/baileys';
import { simulatorRootKeyPair } from './root-key.ts';

WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(simulatorRootKeyPair().public);
