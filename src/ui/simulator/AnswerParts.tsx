import type { ReactNode } from 'react';
import { formatShare } from './format';

/** A titled part of the answer. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="rd-sim-section" data-testid={testId}>
      <h3 className="rd-section-title">{title}</h3>
      {children}
    </section>
  );
}

/** A probability as a bar and its percentage. */
export function Share({ p, tone }: { p: number; tone: string }) {
  return (
    <span className="rd-sim-share" title={formatShare(p)}>
      <span className={`rd-sim-share-bar rd-sim-bg-${tone}`} style={{ width: `${Math.max(2, p * 100)}%` }} />
      <span className="rd-sim-share-text">{formatShare(p)}</span>
    </span>
  );
}
