import './compare-marks.css';

/** What a compare mark says in words (never by colour alone): on the canvas, the list and the legend. */
export type MarkWord = 'added' | 'changed' | 'removed';

export function MarkTag({ mark, className = '' }: { mark: MarkWord; className?: string }) {
  return (
    <span className={`rd-mark-tag is-${mark}${className ? ` ${className}` : ''}`} data-testid="mark-tag" data-mark={mark}>
      {mark}
    </span>
  );
}
