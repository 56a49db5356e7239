/**
 * The name formats the Kubernetes API server checks, as kubernetes/apimachinery writes them
 * (`pkg/util/validation/validation.go`: IsDNS1123Label, IsDNS1123Subdomain, IsDNS1035Label).
 * Each says what it is in words, so a message can tell the user what to type instead.
 */
export interface NameFormat {
  /** As a person reads it: "a lowercase RFC 1123 subdomain". */
  readonly title: string;
  /** What the characters must be. */
  readonly rule: string;
  readonly max: number;
  readonly re: RegExp;
  /** Characters a suggestion keeps (others become '-'). */
  readonly keep: RegExp;
}

/** `dns1123LabelFmt`, at most 63 characters (DNS1123LabelMaxLength). */
export const DNS1123_LABEL: NameFormat = {
  title: 'a lowercase RFC 1123 label',
  rule: "lowercase letters, digits and '-', starting and ending with a letter or digit (no dots)",
  max: 63,
  re: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
  keep: /[^a-z0-9-]+/g,
};

/** `dns1123SubdomainFmt`: labels joined by '.', at most 253 characters (DNS1123SubdomainMaxLength). */
export const DNS1123_SUBDOMAIN: NameFormat = {
  title: 'a lowercase RFC 1123 subdomain',
  rule: "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit",
  max: 253,
  re: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
  keep: /[^a-z0-9.-]+/g,
};

/** `dns1035LabelFmt`: like a label but starting with a letter, at most 63 characters. */
export const DNS1035_LABEL: NameFormat = {
  title: 'an RFC 1035 label',
  rule: "lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (no dots)",
  max: 63,
  re: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  keep: /[^a-z0-9-]+/g,
};

export type NameFault = 'length' | 'characters';

/**
 * Why `value` is not in `format`, or undefined when it is. `prefix`: the value is a
 * `generateName`, to which the API server appends 5 characters, so a trailing '-' is allowed
 * (apimachinery `pkg/api/validation/generic.go` maskTrailingDash, which replaces the last two
 * characters with 'a').
 */
export function nameFault(value: string, format: NameFormat, prefix = false): NameFault | undefined {
  const checked = prefix && value.length > 1 && value.endsWith('-') ? `${value.slice(0, -2)}a` : value;
  if (checked.length > format.max) return 'length';
  return format.re.test(checked) ? undefined : 'characters';
}

/** A value close to `value` that `format` accepts (lowercased, other characters as '-'), if any. */
export function suggestName(value: string, format: NameFormat): string | undefined {
  const parts = value
    .toLowerCase()
    .replace(format.keep, '-')
    .split('.')
    .map((label) => label.replace(/-+/g, '-').replace(/^-+|-+$/g, ''))
    .filter((label) => label !== '');
  let out = parts.join('.').slice(0, format.max);
  if (format === DNS1035_LABEL) out = out.replace(/^[^a-z]+/, '');
  out = out.replace(/[^a-z0-9]+$/, '');
  return out !== '' && out !== value && format.re.test(out) ? out : undefined;
}

/** A value as a message shows it: escapes for control characters, long values shortened. */
export function showText(value: string): string {
  const escaped = JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"');
  return `\`${escaped.length > 64 ? `${escaped.slice(0, 40)}…` : escaped}\``;
}

/** UTF-8 length in bytes: Go's `len(string)`, which the API server's size limits count. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
