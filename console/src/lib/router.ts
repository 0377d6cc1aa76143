import { useEffect, useState } from 'preact/hooks';

/** The console's pages, addressed by the hash (`#/messages/main`) so the site needs only `/`. */
export type Page = 'sessions' | 'send' | 'messages' | 'message' | 'webhooks' | 'account' | 'admin';
const pages: readonly Page[] = ['sessions', 'send', 'messages', 'message', 'webhooks', 'account', 'admin'];

export interface Route {
  readonly page: Page;
  /** The path segments after the page, decoded: a session name, a message id. */
  readonly params: readonly string[];
}

export function parseHash(hash: string): Route {
  const [page = '', ...params] = hash.replace(/^#\/?/, '').split('/');
  const known = pages.find((candidate) => candidate === page);
  return known ? { page: known, params: params.filter(Boolean).map(decodeURIComponent) } : { page: 'sessions', params: [] };
}

export function href(page: Page, ...params: string[]): string {
  return `#/${[page, ...params.map(encodeURIComponent)].join('/')}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
