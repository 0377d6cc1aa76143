import type { ComponentChildren } from 'preact';
import type { Polled } from '../lib/use-poll.ts';

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {what}…
    </p>
  );
}

/** An error in the API's words, announced to screen readers. */
export function ErrorNote({ children }: { children: ComponentChildren }) {
  return (
    <p class="error" role="alert">
      {children}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** Shows a polled value, its loading state, or its error (over the last value, if there was one). */
export function PolledView<T>({ polled, what, children }: { polled: Polled<T>; what: string; children: (value: T) => ComponentChildren }) {
  if (polled.state === 'loading') return <Loading what={what} />;
  return (
    <>
      {polled.state === 'error' && (
        <ErrorNote>
          Could not load {what}: {polled.error}
        </ErrorNote>
      )}
      {polled.value !== undefined && children(polled.value)}
    </>
  );
}
