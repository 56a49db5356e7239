import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

// axe-core's own types, reached through the builder (axe-core is its dependency, not ours).
type Result = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];
type NodeResult = Result['nodes'][number];

/**
 * WCAG 2.1 level A and AA, as axe-core tags them (axe's docs, "Axe-core Tags"): the 2.0 rules
 * are tagged wcag2a/wcag2aa, the ones 2.1 added wcag21a/wcag21aa.
 */
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The impacts issue 11 forbids on any screen a journey visits. */
const FORBIDDEN = new Set(['serious', 'critical']);

interface ContrastData {
  readonly fgColor?: string;
  readonly bgColor?: string;
  readonly contrastRatio?: number;
  readonly expectedContrastRatio?: string;
  readonly fontSize?: string;
  readonly fontWeight?: string;
}

/** The numbers axe measured for one colour-contrast node, or '' for other rules. */
function contrastNumbers(node: NodeResult): string {
  const check = [...node.any, ...node.all, ...node.none].find((c) => c.id === 'color-contrast');
  const data = check?.data as ContrastData | undefined;
  if (!data || data.contrastRatio === undefined) return '';
  return ` — ${data.fgColor ?? '?'} on ${data.bgColor ?? '?'} = ${data.contrastRatio}:1, needs ${data.expectedContrastRatio ?? '?'} (${data.fontSize ?? '?'} ${data.fontWeight ?? ''})`;
}

/** One line per offending element: rule id, impact, CSS target and, for contrast, the numbers. */
export function describeViolations(violations: readonly Result[]): string {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`${v.id} [${v.impact ?? '?'}] ${v.help} (${v.nodes.length})`);
    for (const node of v.nodes) lines.push(`  ${node.target.join(' ')}${contrastNumbers(node)}`);
  }
  return lines.join('\n');
}

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Result[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG21_AA).analyze();
  return results.violations.filter((v) => FORBIDDEN.has(v.impact ?? ''));
}

/**
 * Fails the test when axe finds a serious or critical WCAG 2.1 AA violation on the screen as it
 * is now; `label` names the screen in the failure ("designer, dark, after simulate"). A soft
 * expectation: the journey goes on and reports every screen, and the test still fails at its end.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await seriousViolations(page);
  const count = violations.reduce((n, v) => n + v.nodes.length, 0);
  expect.soft(count, `axe on "${label}": ${count} serious/critical WCAG 2.1 AA violation(s)\n${describeViolations(violations)}`).toBe(0);
}
