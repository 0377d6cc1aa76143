import { useEffect, useState } from 'preact/hooks';
import { ErrorNote } from '../../components/states.tsx';
import { messageMedia } from './message-api.ts';

/** A button that fetches a message's media and shows it from a blob: URL, freed when closed. */
export function MediaViewer({ session, messageId, mimeType }: { session: string; messageId: string; mimeType: string | undefined }) {
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  const open = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setUrl(URL.createObjectURL(await messageMedia(session, messageId)));
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
      <a href={url} download>
        Download
      </a>{' '}
      <button type="button" onClick={() => setUrl(undefined)}>
        Close media
      </button>
    </div>
  );
}
