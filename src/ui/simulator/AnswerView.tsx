import { formatMs, servedCertificateText, type Decision, type DecisionBackend, type TraceStep } from '../../core/index';
import { selectTraceTarget, useDesignStore, type SimulationAnswer } from '../../store/index';
import { Section, Share } from './AnswerParts';
import { AttemptsSection, OutcomesSection, otherNotes } from './BackendAttempts';
import { formatRef, statusText, statusTone } from './format';
import { MeshAddress } from './MeshAddress';
import { RequestDiff } from './RequestDiff';

type DecisionAnswer = Extract<SimulationAnswer, { kind: 'decision' }>;

const DIALECT: Readonly<Record<string, string>> = { 'gateway-api': 'Gateway API', istio: 'Istio' };

/** The simulator's answer: status, outcomes, backends, the request as forwarded, and what else applies. */
export function AnswerView({ answer }: { answer: DecisionAnswer }) {
  const d = answer.decision;
  return (
    <div className="rd-sim-answer" data-testid="sim-answer">
      <div className="rd-sim-headline">
        <span className={`rd-sim-status rd-sim-tone-${statusTone(d.status)}`} data-testid="sim-status">
          {statusText(d.status)}
        </span>
        <span className="rd-sim-decider" data-testid="sim-dialect">
          {d.dialect ? `decided by ${DIALECT[d.dialect] ?? d.dialect}` : 'no route decided'}
        </span>
        {d.elapsedMs !== undefined && (
          <span className="rd-sim-decider" data-testid="sim-elapsed">
            after {formatMs(d.elapsedMs)}
          </span>
        )}
      </div>
      <Path decision={d} />
      <MeshAddress answer={answer} />
      {d.certificate && (
        <p className={`rd-sim-path rd-sim-certificate${d.certificate.covers === false ? ' rd-sim-tone-error' : ''}`} data-testid="sim-certificate">
          certificate: {servedCertificateText(d.certificate, new Date())}
        </p>
      )}
      <OutcomesSection decision={d} />
      <AttemptsSection decision={d} protocol={answer.protocol} />
      {d.backends.length > 0 && (
        <Section title="Backends">
          <ul className="rd-sim-list" data-testid="sim-backends">
            {d.backends.map((b, i) => (
              <BackendRow key={i} backend={b} />
            ))}
          </ul>
        </Section>
      )}
      {d.redirect && (
        <Section title="Redirect">
          <p className="rd-sim-mono" data-testid="sim-redirect">
            {d.redirect.status} → Location: <strong>{d.redirect.location}</strong>
          </p>
        </Section>
      )}
      {d.request && (
        <Section title="Request at the backend">
          <RequestDiff sent={answer.request} received={d.request} />
        </Section>
      )}
      <ResponseHeaders decision={d} />
      {d.mirrors.length > 0 && (
        <Section title="Mirrors">
          <ul className="rd-sim-list" data-testid="sim-mirrors">
            {d.mirrors.map((m, i) => (
              <li key={i} className="rd-sim-mono">
                {m.kind} {m.namespace}/{m.name}
                {m.port !== null ? `:${m.port}` : ''} · {m.percent} %{m.problem && <span className="rd-sim-problem"> — {m.problem}</span>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {(d.timeouts || d.retries) && (
        <Section title="Timeouts and retries">
          <dl className="rd-sim-kvs" data-testid="sim-timeouts">
            {Object.entries(d.timeouts ?? {}).map(([k, v]) => (
              <Pair key={k} k={`timeout ${k}`} v={v} />
            ))}
            {d.retries && <Pair k="retries" v={retriesText(d.retries)} />}
          </dl>
        </Section>
      )}
      {otherNotes(d).length > 0 && (
        <Section title="Notes">
          <ul className="rd-sim-list" data-testid="sim-notes">
            {otherNotes(d).map((n, i) => (
              <li key={i} className="rd-sim-note">
                <code className="rd-sim-note-code">{n.code}</code> {n.message}
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}

function Pair({ k, v }: { k: string; v: string }) {
  return (
    <>
      <dt>{k}</dt>
      <dd>{v}</dd>
    </>
  );
}

function BackendRow({ backend: b }: { backend: DecisionBackend }) {
  const target = `${b.kind === 'Service' ? '' : `${b.kind} `}${b.namespace}/${b.name}${b.port !== null ? `:${b.port}` : ''}${b.subset ? ` · ${b.subset}` : ''}`;
  return (
    <li className="rd-sim-share-row" data-testid="sim-backend" data-name={b.name}>
      <Share p={b.probability} tone={b.problem ? 'error' : 'ok'} />
      <span className="rd-sim-backend">{target}</span>
      <span className="rd-sim-weight">weight {b.weight}</span>
      {b.problem && <span className="rd-sim-problem">{b.problem}</span>}
    </li>
  );
}

/** Gateway · listener → route · rule · match, each a link to its node on the canvas. */
function Path({ decision: d }: { decision: Decision }) {
  if (!d.gateway && !d.route) return null;
  // The mesh names the destination Service and its port; Istio gateways have servers.
  const section = d.gateway?.kind === 'Service' ? 'port' : d.dialect === 'istio' ? 'server' : 'listener';
  const listener = (word: string): string => (d.listener !== null ? ` ${word} ${d.listener}` : '');
  const parent = d.gateway ? formatRef(d.gateway) : null;
  const route = d.route ? `${formatRef(d.route)}${d.rule !== null ? ` rule ${d.rule + 1}` : ''}${d.match !== null ? ` match ${d.match + 1}` : ''}` : null;
  return (
    <p className="rd-sim-path" data-testid="sim-path">
      {parent && <RefLink text={`${parent}${listener(section)}`} lookup={`${parent}${listener(section === 'server' ? 'server' : 'listener')}`} step={section === 'server' ? 'server' : 'listener'} />}
      {parent && route && <span className="rd-sim-arrow"> → </span>}
      {route && <RefLink text={route} lookup={route} step="rule" />}
    </p>
  );
}

/** `lookup`: the object as a trace step names it (see traceTarget). */
function RefLink({ text, lookup, step }: { text: string; lookup: string; step: TraceStep['step'] }) {
  const store = useDesignStore();
  const handleClick = (): void => {
    const target = selectTraceTarget(store.getState(), { step, ref: lookup, result: 'matched', reason: '' });
    if (target) store.getState().select(target.node, { reveal: true, focus: true });
  };
  return (
    <button type="button" className="rd-link rd-sim-ref" onClick={handleClick} title="Select it on the canvas and show its YAML">
      {text}
    </button>
  );
}

function ResponseHeaders({ decision: d }: { decision: Decision }) {
  const { set, add, remove } = d.responseHeaders;
  const lines = [...Object.entries(set).map(([k, v]) => `set ${k}: ${v}`), ...Object.entries(add).map(([k, v]) => `add ${k}: ${v}`), ...remove.map((k) => `remove ${k}`)];
  if (lines.length === 0) return null;
  return (
    <Section title="Response headers">
      <ul className="rd-sim-list rd-sim-mono" data-testid="sim-response-headers">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </Section>
  );
}

function retriesText(r: NonNullable<Decision['retries']>): string {
  return [
    `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`,
    r.codes && r.codes.length > 0 ? `on ${r.codes.join(', ')}` : '',
    r.retryOn && r.retryOn.length > 0 ? `on ${r.retryOn.join(', ')}` : '',
    r.perTryTimeout ? `per try ${r.perTryTimeout}` : '',
    r.backoff ? `backoff ${r.backoff}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
