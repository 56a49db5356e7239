import type { SimulationAnswer } from '../../store/index';
import { formatRef } from './format';

type DecisionAnswer = Extract<SimulationAnswer, { kind: 'decision' }>;

/**
 * A mesh request whose Host header names another host than the URL: where it went (the Service
 * the URL names, dialled by its ClusterIP) and the Host apart, with whether the Host chose the
 * routes (core simulate/mesh-host.ts says it in the trace).
 */
export function MeshAddress({ answer }: { answer: DecisionAnswer }) {
  const r = answer.request;
  const d = answer.decision;
  if (r.address === undefined || d.gateway?.kind !== 'Service') return null;
  const how = d.trace.find((t) => t.step === 'vhost' && t.ref === `Host ${r.host}`);
  return (
    <p className="rd-sim-path rd-sim-address" data-testid="sim-mesh-address">
      sent to <strong>{formatRef(d.gateway)}</strong> (the URL&apos;s host, its ClusterIP) · Host: <strong>{r.host}</strong>
      {how && <span className="rd-muted"> — {how.reason}</span>}
    </p>
  );
}
