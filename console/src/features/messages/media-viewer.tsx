import { useState } from 'preact/hooks';
import { ErrorNote } from '../../components/states.tsx';
import { messageMediaUrl } from './message-api.ts';

/** A button that shows a message's media from its short-lived signed URL (the page's policy allows the media origin). */
export function MediaViewer({ session, messageId, mimeType }: { session: string; messageId: string; mimeType: string | undefined }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setUrl(await messageMediaUrl(session, messageId));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (!url)
    return (
      <>
        <button type="button" disabled={busy} onClick={() => void open()} aria-label={`View media of ${messageId}`}>
          {busy ? 'Loading…' : 'View media'}
        </button>
        {error && <ErrorNote>{error}</ErrorNote>}
      </>
    );
  const kind = mimeType?.split('/')[0];
  return (
    <div class="media">
      {kind === 'image' && <img src={url} alt={`Media of ${messageId}`} />}
      {kind === 'video' && <video src={url} controls aria-label={`Media of ${messageId}`} />}
      {kind === 'audio' && <audio src={url} controls aria-label={`Media of ${messageId}`} />}
      <a href={url} target="_blank" rel="noreferrer">
        Open
      </a>{' '}
      <button type="button" onClick={() => setUrl(undefined)}>
        Close media
      </button>
    </div>
  );
}
