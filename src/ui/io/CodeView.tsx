import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { LineRange } from '../../store/io-export';

const LINE = 18;
const OVERSCAN = 20;

export interface ScrollRequest {
  readonly line: number;
  readonly seq: number;
}

interface CodeViewProps {
  readonly text: string;
  readonly label: string;
  readonly testId: string;
  /** Lines drawn highlighted (the object a report entry is about). */
  readonly highlights?: readonly LineRange[];
  /** Lines with a mark in the gutter (objects that have report entries). */
  readonly marks?: readonly LineRange[];
  /** The one line a report entry names, drawn apart from the rest of its object. */
  readonly current?: number | null;
  readonly scrollTo?: ScrollRequest | null;
}

/**
 * Read-only YAML with line numbers. Only the lines in view are in the DOM, so a 1,000-route
 * design (50,000 lines) scrolls as smoothly as a small one.
 */
export function CodeView({ text, label, testId, highlights = [], marks = [], current = null, scrollTo = null }: CodeViewProps) {
  const lines = useMemo(() => {
    const all = text.split('\n');
    if (all.length > 1 && all[all.length - 1] === '') all.pop();
    return all;
  }, [text]);
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [text]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !scrollTo) return;
    el.scrollTop = Math.max(0, (scrollTo.line - 4) * LINE);
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [scrollTo]);

  const first = Math.max(0, Math.floor(view.top / LINE) - OVERSCAN);
  const last = Math.min(lines.length, Math.ceil((view.top + view.height) / LINE) + OVERSCAN);
  const inRange = (ranges: readonly LineRange[], n: number): boolean => ranges.some((r) => n >= r.start && n <= r.end);
  const digits = String(lines.length).length;

  return (
    <div
      ref={ref}
      className="rd-code"
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
      style={{ ['--rd-code-digits' as string]: digits }}
    >
      <div style={{ height: first * LINE }} />
      {lines.slice(first, last).map((content, i) => {
        const n = first + i + 1;
        const classes = ['rd-code-line'];
        if (inRange(highlights, n)) classes.push('is-highlighted');
        if (inRange(marks, n)) classes.push('is-marked');
        if (n === current) classes.push('is-current');
        return (
          <div key={n} className={classes.join(' ')} data-line={n}>
            <span className="rd-code-num">{n}</span>
            <span className="rd-code-text">{content || ' '}</span>
          </div>
        );
      })}
      <div style={{ height: (lines.length - last) * LINE }} />
    </div>
  );
}
