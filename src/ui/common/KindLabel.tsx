import type { Family } from '../../core/index';
import { FAMILY_LABEL, FAMILY_TAG } from './family';

interface KindLabelProps {
  kind: string;
  family: Family;
  /** Show the dialect tag (GW API, Istio, core). */
  withFamily?: boolean;
}

/** The kind in the family's colour: the first thing a reader sees on a node. */
export function KindLabel({ kind, family, withFamily = true }: KindLabelProps) {
  return (
    <span className={`rd-kind rd-fam-${family}`} title={`${kind} · ${FAMILY_LABEL[family]}`}>
      {kind}
      {withFamily && <span className="rd-kind-family">{FAMILY_TAG[family]}</span>}
    </span>
  );
}
