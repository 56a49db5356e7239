/**
 * What a controller would find in a Secret's certificate and key, read in the parser BEFORE the
 * values are redacted (secrets.ts): for each of `tls.crt`, `tls.key` and `ca.crt`, whether it is
 * well-formed PEM, what its certificates say (x509.ts) and whether the key pairs with the
 * certificate (key-match.ts). Only the verdicts and facts are kept, beside the resource: no key
 * material, no value.
 * A value that is already the placeholder (a design restored from autosave) is 'unknown' and
 * treated as valid downstream.
 */
import { loadDocument } from './load.js';
import { CERTIFICATE_KEYS, type CertificateKey, type PemVerdict, type SecretFacts } from './certificate-facts.js';
import { checkCertificates, checkPrivateKey, decodeBase64, isPlaceholder } from './pem.js';
import { isSecret } from './secrets.js';
import { splitDocuments, type DocumentSpan } from './split.js';
import { isRecord, makeResourceId, type KubeObject, type ResourceId } from './types.js';
import type { ReadCertificate } from './x509.js';
import { certificateReader } from './certificate-reader.js';


/** The verdicts of one Secret object's certificate keys (`data` is base64, `stringData` plain). */
export function secretFactsOf(obj: KubeObject): SecretFacts {
  const out: Partial<Record<CertificateKey, PemVerdict>> = {};
  const texts: Partial<Record<CertificateKey, string>> = {};
  const data = isRecord(obj.data) ? obj.data : {};
  const plain = isRecord(obj.stringData) ? obj.stringData : {};
  for (const key of CERTIFICATE_KEYS) {
    // stringData wins over data for the same key (the API server merges it in on write).
    const raw = typeof plain[key] === 'string' ? (plain[key] as string) : typeof data[key] === 'string' ? (data[key] as string) : null;
    if (raw === null) continue;
    const fromData = typeof plain[key] !== 'string';
    let text: string | null = raw;
    if (fromData && !isPlaceholder(raw)) text = decodeBase64(raw);
    if (text === null) {
      out[key] = { state: 'invalid', problem: `data["${key}"] is not base64` };
      continue;
    }
    texts[key] = text;
    out[key] = key === 'tls.key' ? checkPrivateKey(text) : checkCertificates(text);
  }
  return withCertificateFacts(out, texts);
}

/**
 * The facts of each well-formed certificate bundle, and whether `tls.key` pairs with the first
 * certificate of `tls.crt` (x509.ts, key-match.ts), when the reader is installed
 * (certificate-reader.ts). The key's text is read here and dropped.
 */
function withCertificateFacts(out: Partial<Record<CertificateKey, PemVerdict>>, texts: Partial<Record<CertificateKey, string>>): SecretFacts {
  const reader = certificateReader();
  if (!reader) return out;
  let leaf: ReadCertificate | undefined;
  for (const key of ['tls.crt', 'ca.crt'] as const) {
    const verdict = out[key];
    const text = texts[key];
    if (verdict?.state !== 'valid' || text === undefined) continue;
    const reading = reader.readCertificates(text);
    out[key] = reading.ok ? { ...verdict, certificates: reading.certificates.map((c) => c.facts) } : { ...verdict, unreadable: reading.problem };
    if (key === 'tls.crt' && reading.ok) leaf = reading.certificates[0];
  }
  const keyVerdict = out['tls.key'];
  const keyText = texts['tls.key'];
  if (leaf && keyVerdict?.state === 'valid' && keyText !== undefined) {
    const match = reader.keyMatch(keyText, leaf.spki);
    out['tls.key'] = 'matches' in match ? { ...keyVerdict, keyMatches: match.matches } : { ...keyVerdict, keyUnconfirmed: match.unconfirmed };
  }
  return out;
}

const MENTIONS = /Secret/;
const KEYS = /tls\.crt|tls\.key|ca\.crt/;

/**
 * Facts of every Secret in a raw (not yet redacted) text, by resource id. One YAML load per
 * document that names a Secret and a certificate key; documents that do not load give none.
 * `spans` are `splitDocuments(text)` when the caller has them already (the parser does).
 */
export function collectSecretFacts(text: string, defaultNamespace: string, spans?: readonly DocumentSpan[]): Map<ResourceId, SecretFacts> {
  const out = new Map<ResourceId, SecretFacts>();
  if (!MENTIONS.test(text) || !KEYS.test(text)) return out;
  for (const span of spans ?? splitDocuments(text)) {
    if (!span.hasContent) continue;
    const doc = text.slice(span.start, span.end);
    if (!MENTIONS.test(doc) || !KEYS.test(doc)) continue;
    const value = loadDocument(doc).value;
    if (isRecord(value)) visit(value, defaultNamespace, out);
  }
  return out;
}

function visit(obj: KubeObject, defaultNamespace: string, out: Map<ResourceId, SecretFacts>): void {
  if (isSecret(obj)) {
    const meta = isRecord(obj.metadata) ? obj.metadata : {};
    const name = typeof meta.name === 'string' ? meta.name : '';
    const ns = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : defaultNamespace;
    if (name !== '') out.set(makeResourceId('', 'Secret', ns, name), secretFactsOf(obj));
  }
  // The parser reads `kind: List` items as objects (parse.ts); so do these facts.
  if (obj.kind === 'List' && Array.isArray(obj.items)) {
    for (const item of obj.items as unknown[]) if (isRecord(item)) visit(item, defaultNamespace, out);
  }
}

/**
 * Facts with each 'unknown' verdict (a placeholder value) taken from `known` — what an earlier
 * parse of the same design read before the values were redacted. Once the editor holds the
 * redacted text, this keeps a bad certificate reported across later edits.
 */
export function withKnownFacts(facts: SecretFacts, known: SecretFacts | undefined): SecretFacts {
  if (!known) return facts;
  const out: Partial<Record<CertificateKey, PemVerdict>> = { ...facts };
  for (const key of CERTIFICATE_KEYS) {
    const earlier = known[key];
    if (out[key]?.state === 'unknown' && earlier && earlier.state !== 'unknown') out[key] = earlier;
  }
  return out;
}
