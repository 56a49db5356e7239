import { EXPIRY_WARNING_DAYS, daysLeft, type CertificateFacts, type PemVerdict, type Resource } from '../../core/index';
import './secret-facts.css';

/**
 * A Secret's certificate facts (issue 13), read before its values were redacted: for `tls.crt`
 * and `ca.crt` each certificate's names, validity with days left, issuer and key; for `tls.key`
 * whether it pairs with the certificate. A value redacted before this session cannot be read,
 * and says so. Never key material: the facts hold none.
 */
export function SecretFactsView({ resource, now = new Date() }: { resource: Resource; now?: Date }) {
  const facts = resource.secretFacts ?? {};
  const keys = (['tls.crt', 'ca.crt'] as const).filter((k) => facts[k] !== undefined);
  return (
    <div className="rd-secret-facts" data-testid="secret-facts">
      <p className="rd-hint">Secret values are placeholders here (never key material): set the real ones when you apply it.</p>
      {keys.map((k) => (
        <BundleFacts key={k} label={k} verdict={facts[k] as PemVerdict} now={now} />
      ))}
      {facts['tls.key'] && <KeyFacts verdict={facts['tls.key']} />}
    </div>
  );
}

function BundleFacts({ label, verdict, now }: { label: string; verdict: PemVerdict; now: Date }) {
  return (
    <section className="rd-cert-bundle" aria-label={`${label} facts`}>
      <h4 className="rd-cert-title">{label}</h4>
      {verdict.state === 'unknown' && <p className="rd-cert-note">cannot read: redacted before this session</p>}
      {verdict.state === 'invalid' && <p className="rd-cert-note is-bad">not usable: {verdict.problem}</p>}
      {verdict.state === 'valid' && verdict.unreadable && <p className="rd-cert-note is-bad">cannot read: {verdict.unreadable}</p>}
      {verdict.state === 'valid' && verdict.certificates?.map((c, i) => <CertificateCard key={c.sha256} cert={c} index={i} count={verdict.certificates?.length ?? 1} now={now} />)}
    </section>
  );
}

function CertificateCard({ cert, index, count, now }: { cert: CertificateFacts; index: number; count: number; now: Date }) {
  const left = daysLeft(cert, now);
  const early = Date.parse(cert.notBefore) > now.getTime();
  const validity = left < 0 ? `expired on ${cert.notAfter.slice(0, 10)}` : early ? `not valid before ${cert.notBefore.slice(0, 10)}` : `${left} day${left === 1 ? '' : 's'} left (until ${cert.notAfter.slice(0, 10)})`;
  const tone = left < 0 || early ? 'is-bad' : left < EXPIRY_WARNING_DAYS ? 'is-warn' : 'is-ok';
  const names = [...cert.dnsNames, ...cert.ipAddresses];
  const key = `${cert.publicKey.algorithm}${cert.publicKey.curve ? ` ${cert.publicKey.curve}` : cert.publicKey.bits ? ` ${cert.publicKey.bits}` : ''}`;
  return (
    <dl className="rd-cert" data-testid="certificate-facts">
      {count > 1 && <div className="rd-cert-which">{index === 0 ? 'leaf' : cert.isCA ? `CA ${index + 1} of ${count}` : `${index + 1} of ${count}`}</div>}
      <dt>Names</dt>
      <dd data-testid="certificate-names">{names.length > 0 ? names.join(', ') : <span className="rd-cert-note is-warn">no subject alternative name: clients check names only there</span>}</dd>
      <dt>Valid</dt>
      <dd className={tone} data-testid="certificate-validity">
        {validity}
      </dd>
      <dt>Subject</dt>
      <dd>{cert.subject || '(empty)'}</dd>
      <dt>Issuer</dt>
      <dd>{cert.issuer === cert.subject ? `${cert.issuer} (self-signed)` : cert.issuer || '(empty)'}</dd>
      <dt>Key</dt>
      <dd>
        {key}
        {cert.isCA ? ' · CA' : ''}
      </dd>
      <dt>SHA-256</dt>
      <dd className="rd-cert-fp" title={cert.sha256}>
        {cert.sha256.slice(0, 23)}…
      </dd>
    </dl>
  );
}

function KeyFacts({ verdict }: { verdict: PemVerdict }) {
  const text =
    verdict.state === 'unknown'
      ? 'cannot read: redacted before this session'
      : verdict.state === 'invalid'
        ? `not usable: ${verdict.problem}`
        : verdict.keyMatches === true
          ? 'matches the certificate'
          : verdict.keyMatches === false
            ? 'does not match the certificate'
            : verdict.keyUnconfirmed
              ? `cannot confirm it matches: ${verdict.keyUnconfirmed}`
              : 'well-formed';
  const tone = verdict.state === 'invalid' || (verdict.state === 'valid' && verdict.keyMatches === false) ? 'is-bad' : verdict.state === 'valid' && verdict.keyMatches ? 'is-ok' : '';
  return (
    <section className="rd-cert-bundle" aria-label="tls.key facts">
      <h4 className="rd-cert-title">tls.key</h4>
      <p className={`rd-cert-note ${tone}`} data-testid="key-match">
        {text}
      </p>
    </section>
  );
}
