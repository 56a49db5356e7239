/**
 * `host[:port]` as a client would send it, read strictly (WHATWG URL Standard §3.5 "host parsing",
 * §4.4 "port state"; RFC 9110 §7.2 `Host = uri-host [ ":" port ]`): a port is 1–65535 written in
 * decimal digits (`:0x1f90` is not 8080); userinfo (`user:pw@`) is never part of a request; an
 * IPv6 literal is closed by `]`; an internationalized name becomes its ASCII (punycode) form as
 * browsers and curl send it (`bücher.example` → `xn--bcher-kva.example`, UTS #46 via the platform's
 * URL parser, present in Node, browsers and workers).
 */

/** The platform's WHATWG URL parser, typed here because the core has no DOM library. */
interface ParsedUrl {
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
}
const UrlParser = (globalThis as unknown as { URL: new (input: string) => ParsedUrl }).URL;

export type Authority = { readonly ok: true; readonly host: string; readonly port: number | null; readonly portText: string | null } | { readonly ok: false; readonly error: string };

const DIGITS = /^[0-9]{1,5}$/;

export function parseAuthority(text: string): Authority {
  if (text.includes('@')) return fail(`"${text.slice(0, text.lastIndexOf('@') + 1)}" is user information, which a request does not carry: remove it`);
  let hostText: string;
  let portText: string | null;
  if (text.startsWith('[')) {
    const end = text.indexOf(']');
    if (end === -1) return fail(`the IPv6 address in "${text}" is not closed by "]"`);
    hostText = text.slice(0, end + 1);
    const rest = text.slice(end + 1);
    if (rest !== '' && !rest.startsWith(':')) return fail(`"${rest}" after the IPv6 address "${hostText}": expected ":port"`);
    portText = rest === '' ? null : rest.slice(1);
  } else {
    const colon = text.indexOf(':');
    hostText = colon === -1 ? text : text.slice(0, colon);
    portText = colon === -1 ? null : text.slice(colon + 1);
  }
  if (hostText === '') return fail('the request has no host');
  let port: number | null = null;
  if (portText !== null && portText !== '') {
    port = DIGITS.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) return fail(`invalid port "${portText}": a port is a decimal number from 1 to 65535`);
  }
  const host = parseHost(hostText);
  return host === null ? fail(`invalid host "${hostText}"`) : { ok: true, host, port, portText: port === null ? null : portText };
}

/** A host name or IP literal → its lower-case ASCII form, or null when it is not a host. */
export function parseHost(text: string): string | null {
  if (/[\\/?#@\s]/.test(text) || (text.includes(':') && !text.startsWith('['))) return null;
  let u: ParsedUrl;
  try {
    u = new UrlParser(`http://${text}/`);
  } catch {
    return null;
  }
  const whole = u.port === '' && u.pathname === '/' && u.search === '' && u.hash === '' && u.username === '' && u.password === '';
  return whole && u.hostname !== '' ? u.hostname : null;
}

function fail(error: string): Authority {
  return { ok: false, error };
}
