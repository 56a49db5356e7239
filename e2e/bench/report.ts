/** One benchmark figure with its target, printed on one line: `name: 1.23 s (target ≤ 2 s) ok|MISSED`. */
export function report(name: string, value: number, unit: string, target: { max?: number; min?: number }): boolean {
  const ok = (target.max === undefined || value <= target.max) && (target.min === undefined || value >= target.min);
  const goal = target.max !== undefined ? `≤ ${target.max} ${unit}` : `≥ ${target.min ?? 0} ${unit}`;
  const shown = Number.isFinite(value) ? value.toFixed(unit === 's' || unit === '×' ? 2 : unit === 'KB' ? 1 : 0) : String(value);
  console.log(`  ${name}: ${shown} ${unit} (target ${goal}) ${ok ? 'ok' : 'MISSED'}`);
  return ok;
}
