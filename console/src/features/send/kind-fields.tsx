import { isMediaKind, takesReply, targetsAMessage, type MessageKind } from './requests.ts';

const accepts: Record<string, string> = { image: 'image/*', sticker: 'image/*', video: 'video/*', audio: 'audio/*' };

/** The fields one kind of message takes, labelled as the API names them. */
export function KindFields({ kind }: { kind: MessageKind }) {
  return (
    <>
      {targetsAMessage(kind) && (
        <label>
          Message id
          <input name="message_id" required placeholder="msg_…" />
        </label>
      )}
      {kind === 'reaction' && (
        <label>
          Emoji (empty removes the reaction)
          <input name="emoji" />
        </label>
      )}
      {(kind === 'text' || kind === 'edit') && (
        <label>
          {kind === 'edit' ? 'New text' : 'Text'}
          <textarea name="text" required rows={4} />
        </label>
      )}
      {isMediaKind(kind) && <MediaFields kind={kind} />}
      {kind === 'location' && (
        <>
          <label>
            Latitude
            <input name="latitude" inputMode="decimal" required />
          </label>
          <label>
            Longitude
            <input name="longitude" inputMode="decimal" required />
          </label>
          <label>
            Place name (optional)
            <input name="name" />
          </label>
          <label>
            Address (optional)
            <input name="address" />
          </label>
        </>
      )}
      {kind === 'contact' && (
        <label>
          Contacts, one a line as “Name, number”
          <textarea name="contacts" required rows={3} placeholder="Ana, 6287654321" />
        </label>
      )}
      {kind === 'poll' && (
        <>
          <label>
            Question
            <input name="question" required />
          </label>
          <label>
            Options, one a line (2 to 12)
            <textarea name="options" required rows={4} />
          </label>
          <label>
            Choices per voter
            <input name="selectable_count" type="number" min={1} max={12} defaultValue="1" />
          </label>
        </>
      )}
      {takesReply(kind) && (
        <>
          <label>
            Reply to message id (optional)
            <input name="reply_to" />
          </label>
          <label>
            Mentions, numbers for a group message (optional)
            <input name="mentions" placeholder="6287654321, 6281234567" />
          </label>
        </>
      )}
    </>
  );
}

function MediaFields({ kind }: { kind: MessageKind }) {
  return (
    <>
      <label>
        File
        <input name="file" type="file" accept={accepts[kind]} />
      </label>
      <label>
        Or its URL
        <input name="url" type="url" placeholder="https://…" />
      </label>
      {kind === 'document' && (
        <label>
          Document name (optional)
          <input name="document_name" />
        </label>
      )}
      {kind !== 'sticker' && kind !== 'audio' && (
        <label>
          Caption (optional)
          <textarea name="text" rows={2} />
        </label>
      )}
      {kind === 'video' && (
        <label class="inline">
          <input name="gif_playback" type="checkbox" /> Play as a GIF
        </label>
      )}
      {kind === 'audio' && (
        <label class="inline">
          <input name="ptt" type="checkbox" /> Voice note (OGG/Opus)
        </label>
      )}
    </>
  );
}
