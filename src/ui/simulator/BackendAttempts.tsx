import { formatMs, type Attempt, type Decision, type Note, type RequestProtocol } from '../../core/index';
import { Section, Share } from './AnswerParts';
import { statusText, statusTone } from './format';

/**
 * The answer's what-if parts (issue 13), shown only when the request carried "Backend answers"
 * (the Decision then has `attempts` and `elapsedMs`): each outcome with its probability and time,
 * each try (its status, when it ended, whether it was retried and why), what the client finally
 * gets and when, and the notes that say which timeout and retry policy applies.
 */

/** Notes about timeouts, retries, backoff and fault delays: shown with the tries, not among the other notes. */
export function isTryNote(n: Note): boolean {
  return /timeout|retr|backoff|fault delay|backend answers/i.test(n.message);
}

/** The notes the general Notes section shows: all of them, but those shown with the tries when they are. */
export function otherNotes(d: Decision): readonly Note[] {
  return d.attempts === undefined ? d.notes : d.notes.filter((n) => !isTryNote(n));
}

/** Outcomes: each with its share, status, reason and, with a behaviour, its time and tries. */
export function OutcomesSection({ decision: d }: { decision: Decision }) {
  if (d.outcomes.length <= 1 && !d.outcomes.some((o) => o.reason)) return null;
  const several = d.outcomes.length > 1;
  return (
    <Section title="Outcomes">
      <ul className="rd-sim-list" data-testid="sim-outcomes">
        {d.outcomes.map((o, i) => (
          <li key={i} className="rd-sim-share-row" data-testid="sim-outcome">
            <Share p={o.probability} tone={statusTone(o.status)} />
            <span className={`rd-sim-outcome-status rd-sim-tone-${statusTone(o.status)}`}>{String(o.status)}</span>
            {o.elapsedMs !== undefined && <span className="rd-sim-outcome-time">after {formatMs(o.elapsedMs)}</span>}
            {o.reason && <span className={`rd-sim-reason rd-sim-tone-${statusTone(o.status)}`}>{o.reason}</span>}
            {several && o.attempts !== undefined && o.attempts.length > 0 && (
              <details className="rd-sim-outcome-tries">
                <summary>
                  {o.attempts.length} {o.attempts.length === 1 ? 'try' : 'tries'}
                </summary>
                <AttemptList attempts={o.attempts} />
              </details>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The most probable outcome's tries and what the client gets; nothing without a behaviour. */
export function AttemptsSection({ decision: d, protocol }: { decision: Decision; protocol: RequestProtocol }) {
  if (d.attempts === undefined || d.elapsedMs === undefined) return null;
  const requests = protocol === 'http' || protocol === 'grpc';
  const notes = d.notes.filter(isTryNote);
  const policy = d.timeouts !== null || d.retries !== null;
  return (
    <Section title="Backend answers" testId="sim-attempts">
      <p className="rd-sim-client-gets" data-testid="sim-client-gets">
        The client gets <strong className={`rd-sim-tone-${statusTone(d.status)}`}>{statusText(d.status)}</strong> after <strong>{formatMs(d.elapsedMs)}</strong>
        {d.outcomes.length > 1 ? ' (the most probable outcome)' : ''}
      </p>
      {!requests ? (
        <p className="rd-sim-backend-hint">A {protocol.toUpperCase()} connection has no answers to try: the backend answers apply to HTTP and gRPC requests.</p>
      ) : d.attempts.length === 0 ? (
        <p className="rd-sim-backend-hint">No try reaches a backend: the proxy answers itself.</p>
      ) : (
        <AttemptList attempts={d.attempts} />
      )}
      {d.route !== null && d.attempts.length > 0 && !policy && <p className="rd-sim-backend-hint">The rule sets no timeout and no retry.</p>}
      {notes.length > 0 && (
        <ul className="rd-sim-list rd-sim-try-notes" data-testid="sim-try-notes">
          {notes.map((n, i) => (
            <li key={i} className="rd-sim-note">
              <code className="rd-sim-note-code">{n.code}</code> {n.message}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function AttemptList({ attempts }: { attempts: readonly Attempt[] }) {
  return (
    <ol className="rd-sim-attempts">
      {attempts.map((a, i) => {
        const last = i === attempts.length - 1;
        const verdict = a.retried ? 'retried' : last && statusTone(a.status) === 'ok' ? 'to the client' : 'not retried';
        return (
          <li key={i} className="rd-sim-attempt" data-testid="sim-attempt" data-retried={a.retried}>
            <span className="rd-sim-attempt-head">
              <span className="rd-sim-attempt-n">attempt {i + 1}</span>
              <span className={`rd-sim-attempt-status rd-sim-tone-${statusTone(a.status)}`}>{String(a.status)}</span>
              <span className="rd-sim-attempt-time">ended at {formatMs(a.elapsedMs)}</span>
              <span className={`rd-sim-attempt-verdict is-${a.retried ? 'retried' : verdict === 'to the client' ? 'ok' : 'final'}`}>{verdict}</span>
            </span>
            <span className="rd-sim-attempt-reason">{verdict === 'not retried' ? a.reason.replace(/^not retried: /, '') : a.reason}</span>
          </li>
        );
      })}
    </ol>
  );
}
