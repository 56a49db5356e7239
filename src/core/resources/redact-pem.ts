/**
 * Private keys in PEM form (RFC 7468 §2 labels `PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`,
 * `ENCRYPTED PRIVATE KEY`, OpenSSH's and PGP's) are cut out wherever they appear — a Secret, a
 * ConfigMap, an annotation, a JSON string with `\n` escapes — so key material never enters the
 * design. Certificates (`BEGIN CERTIFICATE`) are public and stay.
 */
import { keepLineCount } from './redact-lines.js';

export const PEM_PLACEHOLDER_BODY = 'REDACTED';

const LABEL = '((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)';
/** A key block with its END line; the body is bounded so a BEGIN without END costs one bounded scan. */
const CLOSED = `-----BEGIN ${LABEL}-----[\\s\\S]{0,65536}?-----END \\1-----`;
/** A BEGIN line whose END is missing (a truncated paste): its header lines and base64 run go. */
const OPEN = `-----BEGIN ${LABEL}-----(?:(?:\\s|\\\\[nrt])+(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info|Comment):[^\\n\\\\"]*))*`;
const PEM = new RegExp(`${CLOSED}|${OPEN}`, 'g');

/** The marker every PEM private key carries; a text without it holds none. */
export const PRIVATE_KEY_MARKER = 'PRIVATE KEY';

/** Replaces each PEM private key by `-----BEGIN … PRIVATE KEY----- REDACTED -----END … PRIVATE KEY-----` on one line. */
export function redactPem(text: string): string {
  if (!text.includes(PRIVATE_KEY_MARKER)) return text;
  return text.replace(PEM, (all: string, closed: string | undefined, open: string | undefined) => {
    const label = closed ?? open ?? 'PRIVATE KEY';
    return keepLineCount(all, `-----BEGIN ${label}----- ${PEM_PLACEHOLDER_BODY} -----END ${label}-----`);
  });
}
