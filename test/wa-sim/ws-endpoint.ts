/**
 * The websocket endpoint clients dial (`waWebSocketUrl`): accepts connections (unless refusing),
 * and routes each one to registration (unlinked client) or to its account session.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Curve } from '@whiskeysockets/baileys';
import { WebSocketServer } from 'ws';
import { buildCertChain } from './cert-chain.ts';
import type { Registration, Session, SimContext } from './context.ts';
import { beginSession } from './handlers/login.ts';
import { beginRegistration, handleRegistrationNode } from './handlers/pairing.ts';
import { handleSessionNode } from './handlers/session.ts';
import { simulatorRootKeyPair } from './root-key.ts';
import { acceptConnection, type WaConnection } from './wa-connection.ts';

export type WsEndpoint = {
  url: string;
  /** Destroys new connections before the websocket upgrade for `ms`. */
  refuseFor(ms: number): void;
  close(): Promise<void>;
};

export const startWsEndpoint = async (context: SimContext, port: number): Promise<WsEndpoint> => {
  const serverStatic = Curve.generateKeyPair();
  const certChain = buildCertChain(simulatorRootKeyPair(), serverStatic.public);
  const roles = new Map<WaConnection, { registration: Registration } | { session: Session }>();
  let refuseUntil = 0;

  const httpServer: Server = createServer((_request, response) => response.writeHead(426).end());
  const wss = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (request, socket, head) => {
    if (Date.now() < refuseUntil) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = acceptConnection(ws, serverStatic, certChain, {
        onAuthenticated(connection, { clientStaticPublic, payload }) {
          if (payload.devicePairingData) {
            const registration = beginRegistration(context, connection, clientStaticPublic, payload.devicePairingData);
            roles.set(connection, { registration });
            return;
          }
          const session = beginSession(context, connection, clientStaticPublic, payload);
          if (session) roles.set(connection, { session });
        },
        async onNode(connection, node) {
          const role = roles.get(connection);
          if (role && 'session' in role) await handleSessionNode(context, role.session, node);
          else if (role) handleRegistrationNode(context, role.registration, node);
        },
      });
      connection.onClose(() => roles.delete(connection));
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));

  return {
    url: `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/ws/chat`,
    refuseFor(ms) {
      refuseUntil = Date.now() + ms;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };
};
