import { describe, expect, it } from 'vitest';
import example from '../../../public/examples/shop.yaml?raw';
import meshExample from '../../../public/examples/mesh-route.yaml?raw';
import { traceTarget } from '../graph/decision-path.js';
import { compiledGraphOf } from '../graph/test-helpers.js';
import { ask } from './testing.js';

// One numbering wherever people read it: the inspector says "Rule 1" for spec.rules[0], so the
// trace, the answer and the CLI text say "rule 1" too; the JSON fields stay 0-based indices.
describe('rules and matches are numbered from 1 in words, 0-based in the decision fields', () => {
  const { compiled, graph } = compiledGraphOf(example);
  const cart = 'gateway.networking.k8s.io/HTTPRoute/shop/cart';
  const d = ask(compiled, 'GET https://www.shop.example.com/cart');

  it('the decision names spec.rules[1] by its index', () => {
    expect([d.route?.name, d.rule, d.match]).toEqual(['cart', 1, 0]);
  });

  it.each([
    ['HTTPRoute shop/cart rule 1 match 1', 'skipped', `${cart}#rule:0`],
    ['HTTPRoute shop/cart rule 2 match 1', 'matched', `${cart}#rule:1`],
  ] as const)('trace step %s (%s) is the row of the rule the inspector calls by that number', (ref, result, row) => {
    const step = d.trace.find((t) => t.ref === ref);
    expect(step?.result).toBe(result);
    expect(step && traceTarget(graph, step)).toEqual({ node: cart, row });
  });
});

describe('a mesh request is not said to pass a gateway', () => {
  it("its first step is the Service it is addressed to (the client's sidecar routes it)", () => {
    const { compiled } = compiledGraphOf(meshExample);
    const d = ask(compiled, 'GET http://payments.payments:8080/', [], { mesh: { namespace: 'payments', workload: 'client', labels: {} } });
    expect(d.trace[0]).toMatchObject({ step: 'service', ref: 'Service payments/payments', result: 'matched' });
    expect(d.trace.some((t) => t.step === 'gateway')).toBe(false);
  });
  it('a Service not in the design is a skipped service step', () => {
    const { compiled } = compiledGraphOf(meshExample);
    const d = ask(compiled, 'GET http://nowhere.payments:8080/', [], { mesh: { namespace: 'payments', workload: 'client', labels: {} } });
    expect(d.trace[0]).toMatchObject({ step: 'service', result: 'skipped' });
  });
});
