/** A fresh self-signed certificate for 127.0.0.1, generated when the simulator starts. */
import { generate } from 'selfsigned';

export type TlsCertificate = { cert: string; key: string };

export const createLoopbackCertificate = async (): Promise<TlsCertificate> => {
  const pems = await generate([{ name: 'commonName', value: 'wa-sim.127.0.0.1' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
};
