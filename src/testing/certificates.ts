/**
 * Test certificates made on the spot (Node's crypto for keys and signatures, @peculiar/asn1-x509
 * for the DER): no upstream certificate is copied. Node only — for unit tests and e2e specs.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { AsnParser, AsnSerializer } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier, AttributeTypeAndValue, AttributeValue, BasicConstraints, Certificate, Extension, Extensions, GeneralName, Name,
  RelativeDistinguishedName, SubjectAlternativeName, SubjectPublicKeyInfo, TBSCertificate, Validity, Version, id_ce_basicConstraints, id_ce_subjectAltName,
} from '@peculiar/asn1-x509';
import { OctetString } from '@peculiar/asn1-schema';

export type KeyType = 'rsa' | 'ec' | 'ed25519';

export interface KeyPair {
  readonly type: KeyType;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

export function keyPair(type: KeyType): KeyPair {
  if (type === 'rsa') return { type, ...generateKeyPairSync('rsa', { modulusLength: 2048 }) };
  if (type === 'ec') return { type, ...generateKeyPairSync('ec', { namedCurve: 'prime256v1' }) };
  return { type, ...generateKeyPairSync('ed25519') };
}

export interface CertificateSpec {
  readonly cn: string;
  readonly dnsNames?: readonly string[];
  readonly ipAddresses?: readonly string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly isCA?: boolean;
  readonly key: KeyPair;
  /** Signs the certificate; absent: self-signed. */
  readonly issuer?: { readonly cn: string; readonly key: KeyPair };
  readonly serial?: number;
}

const name = (cn: string): Name => new Name([new RelativeDistinguishedName([new AttributeTypeAndValue({ type: '2.5.4.3', value: new AttributeValue({ utf8String: cn }) })])]);

function signatureAlgorithm(type: KeyType): AlgorithmIdentifier {
  if (type === 'rsa') return new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.11', parameters: null });
  if (type === 'ec') return new AlgorithmIdentifier({ algorithm: '1.2.840.10045.4.3.2' });
  return new AlgorithmIdentifier({ algorithm: '1.3.101.112' });
}

/** A certificate as PEM. */
export function certificatePem(spec: CertificateSpec): string {
  const signer = spec.issuer ?? { cn: spec.cn, key: spec.key };
  const alg = signatureAlgorithm(signer.key.type);
  const san = new SubjectAlternativeName([
    ...(spec.dnsNames ?? []).map((dNSName) => new GeneralName({ dNSName })),
    ...(spec.ipAddresses ?? []).map((iPAddress) => new GeneralName({ iPAddress })),
  ]);
  const extensions = new Extensions([new Extension({ extnID: id_ce_basicConstraints, critical: true, extnValue: new OctetString(AsnSerializer.serialize(new BasicConstraints({ cA: spec.isCA === true }))) })]);
  if (san.length > 0) extensions.push(new Extension({ extnID: id_ce_subjectAltName, critical: false, extnValue: new OctetString(AsnSerializer.serialize(san)) }));
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array([spec.serial ?? 1]).buffer,
    signature: alg,
    issuer: name(signer.cn),
    validity: new Validity({ notBefore: spec.notBefore, notAfter: spec.notAfter }),
    subject: name(spec.cn),
    subjectPublicKeyInfo: AsnParser.parse(spec.key.publicKey.export({ type: 'spki', format: 'der' }), SubjectPublicKeyInfo),
    extensions,
  });
  const tbsDer = Buffer.from(AsnSerializer.serialize(tbs));
  const signature = sign(signer.key.type === 'ed25519' ? null : 'sha256', tbsDer, signer.key.privateKey);
  const der = AsnSerializer.serialize(new Certificate({ tbsCertificate: tbs, signatureAlgorithm: alg, signatureValue: new Uint8Array(signature).buffer }));
  return pem('CERTIFICATE', Buffer.from(der));
}

/** The private key as PEM: PKCS#8 (`PRIVATE KEY`), or the traditional PKCS#1 / SEC1 form. */
export function privateKeyPem(key: KeyPair, form: 'pkcs8' | 'traditional' = 'pkcs8'): string {
  if (form === 'traditional' && key.type !== 'ed25519') return key.privateKey.export({ type: key.type === 'rsa' ? 'pkcs1' : 'sec1', format: 'pem' }).toString();
  return key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A kubernetes.io/tls Secret manifest with base64 `data`. */
export function tlsSecretYaml(namespace: string, secretName: string, certPem: string, keyPem: string): string {
  const b64 = (s: string): string => Buffer.from(s).toString('base64');
  return `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${secretName}\n  namespace: ${namespace}\ntype: kubernetes.io/tls\ndata:\n  tls.crt: ${b64(certPem)}\n  tls.key: ${b64(keyPem)}\n`;
}
