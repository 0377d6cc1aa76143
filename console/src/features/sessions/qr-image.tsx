import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

/** How the QR is drawn: 288 px with its quiet zone. */
export const qrOptions = { errorCorrectionLevel: 'M', margin: 4, width: 288 } as const;

/** The QR to scan, drawn from its string, redrawn whenever the string rotates. */
export function QrImage({ text }: { text: string }) {
  const [drawn, setDrawn] = useState<string>();
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(text, qrOptions).then((url) => current && setDrawn(url));
    return () => {
      current = false;
    };
  }, [text]);
  return drawn ? <img class="qr-image" src={drawn} width={qrOptions.width} height={qrOptions.width} alt="WhatsApp QR code" /> : null;
}
