/**
 * Kubernetes CEL `isIP(s)`: Go's `netip.ParseAddr` accepts `s` (dotted-quad IPv4 without leading
 * zeros, or IPv6), with no zone and not an IPv4-mapped IPv6 address.
 */
export function isIP(s: string): boolean {
  return IPV4.test(s) || isPlainIPv6(s);
}

const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

function isPlainIPv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups: number[][] = [];
  for (const [h, half] of halves.entries()) {
    const words: number[] = [];
    const parts = half === '' ? [] : half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      const last = i === parts.length - 1 && h === halves.length - 1;
      if (last && IPV4.test(part)) {
        const [a = 0, b = 0, c = 0, d = 0] = part.split('.').map(Number);
        words.push(a * 256 + b, c * 256 + d);
      } else if (HEXTET.test(part)) words.push(parseInt(part, 16));
      else return false;
    }
    groups.push(words);
  }
  const [head = [], tail = []] = groups;
  const given = head.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return false;
  const words = [...head, ...Array<number>(8 - given).fill(0), ...tail];
  const mapped = words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff;
  return !mapped;
}
