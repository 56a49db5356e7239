import { DNS1123_SUBDOMAIN, nameFault, showText, suggestName } from './dns.js';

/**
 * Label keys, annotation keys and label values, as kubernetes/apimachinery checks them
 * (`pkg/api/validate/content/kube.go`: IsLabelKey — alias IsQualifiedName — and IsLabelValue).
 * A key is an optional DNS subdomain prefix (≤ 253) and '/', then a name of ≤ 63 characters
 * `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`; a value is empty or such a name.
 */
const NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const NAME_MAX = 63;
const NAME_RULE = "letters, digits, '-', '_' and '.', starting and ending with a letter or digit";

/** What is wrong with `key` as a qualified name, in words; undefined when it is valid. */
export function qualifiedNameFault(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return "it has more than one '/' (a key is an optional prefix, '/', and a name)";
  const [first = '', second] = parts;
  const name = second ?? first;
  if (second !== undefined) {
    if (first === '') return "its prefix before '/' is empty";
    const fault = nameFault(first, DNS1123_SUBDOMAIN);
    if (fault === 'length') return `its prefix is ${first.length} characters long; a prefix is a DNS subdomain of at most 253`;
    if (fault) return `its prefix ${showText(first)} must be ${DNS1123_SUBDOMAIN.title}: ${DNS1123_SUBDOMAIN.rule}`;
  }
  if (name === '') return 'its name part is empty';
  if (name.length > NAME_MAX) return `its name part is ${name.length} characters long; at most ${NAME_MAX}`;
  if (!NAME_RE.test(name)) return `its name part ${showText(name)} must be ${NAME_RULE}`;
  return undefined;
}

/** What is wrong with a label value, in words; undefined when it is valid. */
export function labelValueFault(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > NAME_MAX) return `it is ${value.length} characters long; a label value has at most ${NAME_MAX}`;
  return NAME_RE.test(value) ? undefined : `a label value must be empty or ${NAME_RULE}`;
}

/** A close key that is a valid qualified name, if any. */
export function suggestQualifiedName(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = suggestPlain(slash < 0 ? key : key.slice(slash + 1));
  const fixedPrefix = prefix === undefined || nameFault(prefix, DNS1123_SUBDOMAIN) === undefined ? prefix : suggestName(prefix, DNS1123_SUBDOMAIN);
  if (name === undefined || (prefix !== undefined && fixedPrefix === undefined)) return undefined;
  const out = fixedPrefix === undefined ? name : `${fixedPrefix}/${name}`;
  return out !== key && qualifiedNameFault(out) === undefined ? out : undefined;
}

/** A close label value, if any. */
export function suggestLabelValue(value: string): string | undefined {
  const out = suggestPlain(value);
  return out !== undefined && out !== value ? out : undefined;
}

function suggestPlain(value: string): string | undefined {
  const out = value
    .replace(/[^-A-Za-z0-9_.]+/g, '-')
    .slice(0, NAME_MAX)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return NAME_RE.test(out) ? out : undefined;
}
