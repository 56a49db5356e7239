import type { ForwardedRequest, Request as SimulatedRequest } from '../../core/index';
import { sentHeaders } from './format';

type Line = { readonly mark: '+' | '-' | '~' | ' '; readonly name: string; readonly value: string; readonly before?: string };

/** The request as the backend receives it after filters, against what the client sent. */
export function RequestDiff({ sent, received }: { sent: SimulatedRequest; received: ForwardedRequest }) {
  const before = `${sent.scheme}://${sent.authority}${sent.path}`;
  const after = `${received.scheme}://${received.host}${received.path}`;
  const sentHost = sent.authority.replace(/:\d+$/, '');
  const urlChanged = received.path !== sent.path || received.host !== sentHost || received.scheme !== sent.scheme || received.method !== sent.method;
  const lines = headerLines(sentHeaders(sent), received.headers);
  return (
    <div className="rd-sim-diff" data-testid="sim-forwarded">
      {urlChanged && (
        <div className="rd-sim-diff-line is-removed" data-testid="sim-forwarded-before">
          <span className="rd-sim-diff-mark">-</span>
          {sent.method} {before}
        </div>
      )}
      <div className={`rd-sim-diff-line${urlChanged ? ' is-added' : ''}`} data-testid="sim-forwarded-url">
        <span className="rd-sim-diff-mark">{urlChanged ? '+' : ' '}</span>
        {received.method} {after}
      </div>
      {lines.map((l) => (
        <div key={l.name} className={`rd-sim-diff-line${MARK_CLASS[l.mark]}`} data-testid="sim-forwarded-header" data-mark={l.mark}>
          <span className="rd-sim-diff-mark">{l.mark}</span>
          {l.name}: {l.value}
          {l.before !== undefined && <span className="rd-sim-diff-before"> (was {l.before})</span>}
        </div>
      ))}
      {lines.length === 0 && <div className="rd-sim-diff-line rd-muted">no headers</div>}
    </div>
  );
}

const MARK_CLASS: Readonly<Record<Line['mark'], string>> = { '+': ' is-added', '-': ' is-removed', '~': ' is-changed', ' ': '' };

function headerLines(sent: Readonly<Record<string, string>>, received: Readonly<Record<string, string>>): Line[] {
  const lines: Line[] = [];
  for (const [name, value] of Object.entries(received)) {
    const was = sent[name];
    lines.push(was === undefined ? { mark: '+', name, value } : was === value ? { mark: ' ', name, value } : { mark: '~', name, value, before: was });
  }
  for (const [name, value] of Object.entries(sent)) if (received[name] === undefined) lines.push({ mark: '-', name, value });
  return lines;
}
