import { describe, expect, it } from 'vitest';
import { createAnalysisSession } from './analysis';

// A certificate is judged from the text as pasted; the editor then holds the redacted text, whose
// values are placeholders. The verdict read first must survive the next analyses of the design.
const design = (crt: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: example
  listeners:
  - name: https
    protocol: HTTPS
    port: 443
    tls:
      mode: Terminate
      certificateRefs: [{name: edge-cert}]
---
apiVersion: v1
kind: Secret
metadata: {name: edge-cert, namespace: infra}
type: kubernetes.io/tls
data:
  tls.crt: ${crt}
  tls.key: ${Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n').toString('base64')}
`;

const certProblems = (text: string, session: ReturnType<typeof createAnalysisSession>, seq: number) =>
  session.analyze({ seq, files: [{ name: 'design.yaml', text }] }).diagnostics.filter((d) => d.message.includes('InvalidCertificateRef'));

describe('certificate verdicts across edits', () => {
  it('a certificate found bad on paste is still reported once the text holds placeholders', () => {
    const session = createAnalysisSession();
    const pasted = design(Buffer.from('not a certificate').toString('base64'));
    const first = session.analyze({ seq: 1, files: [{ name: 'design.yaml', text: pasted }] });
    expect(first.diagnostics.some((d) => d.message.includes('InvalidCertificateRef'))).toBe(true);
    const redacted = first.redactedText;
    expect(redacted).toBeDefined();
    expect(certProblems(redacted ?? '', session, 2).length).toBeGreaterThan(0);
  });

  it('a fresh session knows nothing of the placeholders: a restored design is assumed valid', () => {
    const pasted = design(Buffer.from('not a certificate').toString('base64'));
    const redacted = createAnalysisSession().analyze({ seq: 1, files: [{ name: 'design.yaml', text: pasted }] }).redactedText ?? '';
    expect(certProblems(redacted, createAnalysisSession(), 1)).toEqual([]);
  });
});
