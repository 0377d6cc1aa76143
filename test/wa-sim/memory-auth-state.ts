/** In-memory Baileys auth state: used by simulated devices, and by tests for the real client. */
import {
  initAuthCreds,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';

export const createMemoryKeyStore = (): SignalKeyStore => {
  const data = new Map<string, unknown>();
  const keyOf = (type: string, id: string) => `${type}/${id}`;
  return {
    get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const found: { [id: string]: SignalDataTypeMap[T] } = {};
      for (const id of ids) {
        const value = data.get(keyOf(type, id));
        if (value !== undefined) found[id] = value as SignalDataTypeMap[T];
      }
      return found;
    },
    set(changes: SignalDataSet) {
      for (const [type, entries] of Object.entries(changes)) {
        for (const [id, value] of Object.entries(entries ?? {})) {
          if (value === null) data.delete(keyOf(type, id));
          else data.set(keyOf(type, id), value);
        }
      }
    },
  };
};

/** Fresh, unpaired credentials; keep the object across sockets, Baileys updates it in place. */
export const createMemoryAuthState = (creds: AuthenticationCreds = initAuthCreds()): AuthenticationState => ({
  creds,
  keys: createMemoryKeyStore(),
});
