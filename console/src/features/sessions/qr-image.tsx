import QRCode from 'qrcode';
import { useEffect, useState } from 'preact/hooks';

/** The QR to scan, drawn from its string at 288 px with its quiet zone, redrawn whenever the string rotates. */
export function QrImage({ text }: { text: string }) {
  const [drawn, setDrawn] = useState<string>();
  useEffect(() => {
    let current = true;
    void QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 288 }).then((url) => current && setDrawn(url));
    return () => {
      current = false;
    };
  }, [text]);
  return drawn ? <img class="qr-image" src={drawn} width={288} height={288} alt="WhatsApp QR code" /> : null;
}
