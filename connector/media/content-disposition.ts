import { basename } from 'node:path/posix';
import { withoutBidiControls } from '../../shared/messages/bidi-controls.ts';

const extendedFileName = /(?:^|;)\s*filename\*\s*=\s*([\w!#$%&+^`{}~-]*)'[^']*'([^;\s]+)/i;
const plainFileName = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what it removes
const controlCharacters = /[\u0000-\u001f\u007f]/g;
const MAX_FILE_NAME_LENGTH = 255;

/**
 * The file name a Content-Disposition header suggests (RFC 6266: `filename*` wins over
 * `filename`), cut down to a bare name: it is shown to the recipient, never used as a path, and
 * without control or bidirectional control characters, which could hide its real extension.
 */
export function fileNameFromContentDisposition(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const extended = extendedFileName.exec(header);
  const plain = plainFileName.exec(header);
  const raw = extended ? decodeExtendedValue(extended[1]!, extended[2]!) : (plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim());
  const bare = basename((raw ?? '').replaceAll('\\', '/'));
  const name = withoutBidiControls(bare.replace(controlCharacters, '')).trim();
  return name === '' || name === '.' || name === '..' ? undefined : name.slice(0, MAX_FILE_NAME_LENGTH);
}

function decodeExtendedValue(charset: string, encoded: string): string {
  const bytes = Buffer.from(
    encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return charset.toLowerCase() === 'utf-8' ? bytes.toString('utf8') : bytes.toString('latin1');
}
