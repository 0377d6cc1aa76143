import { createServer, type Server } from 'node:http';

export interface MediaServer {
  url: string;
  /** Paths requested so far. */
  hits: string[];
  close(): Promise<void>;
}

/** Serves fixed files on 127.0.0.1, as a customer's media host would. */
export async function startMediaServer(files: Record<string, { body: Buffer; contentType: string }>): Promise<MediaServer> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    const file = files[request.url ?? ''];
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
