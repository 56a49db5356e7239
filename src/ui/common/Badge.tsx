import type { GraphBadge } from '../../core/index';

export function Badge({ badge }: { badge: GraphBadge }) {
  return (
    <span className={`rd-badge rd-tone-${badge.tone}`} title={badge.detail}>
      {badge.text}
    </span>
  );
}

export function Chip({ text }: { text: string }) {
  return <span className={`rd-chip rd-chip-${text}`}>{text}</span>;
}
