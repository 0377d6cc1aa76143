import { useEffect, useRef, useState } from 'preact/hooks';
import { Poller } from './backoff.ts';

export type Polled<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: string; readonly value?: T }
  | { readonly state: 'ready'; readonly value: T };

/** A live value: polled with back-off while the view is mounted, restarted when `key` changes; `poke` after a user action. */
export function usePoll<T>(load: () => Promise<T>, key: string): { polled: Polled<T>; poke: () => void } {
  const [polled, setPolled] = useState<Polled<T>>({ state: 'loading' });
  const poller = useRef<Poller<T> | undefined>(undefined);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    setPolled({ state: 'loading' });
    const current = new Poller<T>({
      load: () => loadRef.current(),
      onValue: (value) => setPolled({ state: 'ready', value }),
      onError: (error) =>
        setPolled((before) => ({
          state: 'error',
          error: error instanceof Error ? error.message : String(error),
          ...(before.state === 'loading' ? {} : { value: before.value }),
        })),
    });
    poller.current = current;
    current.start();
    return () => current.stop();
  }, [key]);

  return { polled, poke: () => poller.current?.poke() };
}
