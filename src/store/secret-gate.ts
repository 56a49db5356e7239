/**
 * Whether a text may hold key material the analysis has not redacted yet — cheap (two scans) and
 * conservative: a PEM private key anywhere, or a `data` / `stringData` key in a text that names a
 * Secret (the only values the core redacts: core/resources/secrets.ts). A text for which this is
 * false can be saved before its analysis; any other waits for the analysis (which redacts).
 */
export function mayHoldSecretText(text: string): boolean {
  if (text.includes('PRIVATE KEY')) return true;
  return text.includes('Secret') && /(?:^|[\s{,'"])(?:data|stringData)['"]?[ \t]*:/m.test(text);
}
