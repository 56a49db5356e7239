import { selectRuleReach, useDesign, useDesignStore } from '../../store/index';
import '../status/problems.css';

/**
 * On a rule in the inspector: "Simulate this" when the rule can be reached (its witness request —
 * method, URL, headers, gateway or mesh client — goes to the simulator, which answers at once), or
 * "unreachable" when earlier rules take every request it would match.
 */
export function SimulateRule({ resourceId, path }: { resourceId: string; path: string }) {
  const store = useDesignStore();
  const reach = useDesign((s) => selectRuleReach(s, resourceId, path));
  if (reach?.state === 'shadowed') {
    return (
      <span className="rd-rule-unreachable" data-testid="rule-unreachable" title={`Can never match: shadowed by ${reach.by.map((b) => b.detail).join(', ')}`}>
        unreachable
      </span>
    );
  }
  if (reach?.state !== 'reachable') return null;
  const { witness } = reach;
  return (
    <button
      type="button"
      className="rd-link rd-simulate-rule"
      data-testid="simulate-rule"
      title={`Send ${witness.request}${witness.gateway ? ` to ${witness.gateway}` : ''} in the simulator: a request this rule takes`}
      onClick={() => store.getState().simulateWitness(witness)}
    >
      ▶ Simulate this
    </button>
  );
}
