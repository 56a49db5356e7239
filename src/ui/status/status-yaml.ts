/**
 * Plain data → YAML the way `kubectl get -o yaml` prints it: two-space indents, list items at their
 * key's indent, strings quoted only when YAML would read them as something else ("True", "1").
 * Enough for status objects (maps, lists, strings, numbers, booleans); not a general serializer.
 */
export function toYaml(value: unknown, indent = 0): string {
  return lines(value, indent).join('\n');
}

function lines(value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item) => {
      const inner = lines(item, indent + 2);
      const first = inner[0] ?? '';
      return [`${pad}- ${first.slice(indent + 2)}`, ...inner.slice(1)];
    });
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([k, v]) => {
      if (v !== null && typeof v === 'object' && !(Array.isArray(v) && v.length === 0) && Object.keys(v).length > 0) {
        return [`${pad}${k}:`, ...lines(v, Array.isArray(v) ? indent : indent + 2)];
      }
      return [`${pad}${k}: ${scalar(v)}`];
    });
  }
  return [`${pad}${scalar(value)}`];
}

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./ ()-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;

function scalar(v: unknown): string {
  if (Array.isArray(v)) return '[]';
  if (v !== null && typeof v === 'object') return '{}';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'null';
  const s = String(v);
  return PLAIN.test(s) && !RESERVED.test(s) && !s.endsWith(' ') ? s : JSON.stringify(s);
}
