// Bidirectional controls (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM) reorder how a file name is
// shown: "invoice\u202Efdp.exe" reads as "invoiceexe.pdf" and disguises the real extension.
const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Whether `text` holds a bidirectional control character. */
export const hasBidiControls = (text: string): boolean => text.search(bidiControls) !== -1;

/** `text` without its bidirectional control characters. */
export const withoutBidiControls = (text: string): string => text.replace(bidiControls, '');
