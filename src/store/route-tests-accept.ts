import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { ActualOutcome, RouteTestFailure } from '../core/index';
import { shareText } from './route-tests-case';
import type { TestsEdit } from './route-tests-yaml';

/**
 * "Accept the new answer" on a failing case: each expectation that did not hold takes the value
 * the design gives now — only those; what held and every other field stay as written (comments
 * too). An expectation of something that no longer exists (a redirect, a header) is removed.
 */
export function acceptAnswer(text: string, index: number, failures: readonly RouteTestFailure[], actual: ActualOutcome): TestsEdit {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, error: "the tests' YAML does not read: fix it under Edit as YAML first" };
  const at = ['tests', index, 'expect'];
  if (!isMap(doc.getIn(at, true))) return { ok: false, error: `there is no test ${index + 1}` };
  const fields = new Set(failures.map((f) => f.field));
  const put = (key: string, value: string | number | null): void => {
    if (value === null) doc.deleteIn([...at, key]);
    else doc.setIn([...at, key], value);
  };
  if (fields.has('status')) put('status', actual.status);
  if (fields.has('route')) put('route', actual.route);
  if (fields.has('redirect')) put('redirect', actual.redirect);
  if (fields.has('path')) put('path', actual.path);
  if (fields.has('host')) put('host', actual.host);
  if (fields.has('backends')) acceptBackends(doc, at, actual);
  if (fields.has('headers')) acceptHeaders(doc, at, actual);
  if (fields.has('absentHeaders')) acceptAbsent(doc, at, actual);
  const expect = doc.getIn(at, true);
  if (isMap(expect) && expect.items.length === 0) doc.setIn([...at, 'status'], actual.status);
  return { ok: true, text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }) };
}

/** The backends that receive a share now, with their shares (one per NS/NAME, as Save as test writes them). */
function acceptBackends(doc: Document, at: (string | number)[], actual: ActualOutcome): void {
  const byName = new Map<string, number>();
  for (const b of actual.backends) if (b.share > 0) byName.set(`${b.namespace}/${b.name}`, (byName.get(`${b.namespace}/${b.name}`) ?? 0) + b.share);
  doc.deleteIn([...at, 'backend']);
  doc.deleteIn([...at, 'backends']);
  const shares = [...byName];
  const only = shares[0];
  if (shares.length === 1 && only && only[1] === 1) doc.setIn([...at, 'backend'], only[0]);
  else doc.setIn([...at, 'backends'], doc.createNode(shares.map(([name, share]) => ({ name, share: shareText(share) }))));
}

function acceptHeaders(doc: Document, at: (string | number)[], actual: ActualOutcome): void {
  const headers = doc.getIn([...at, 'headers'], true);
  if (!isMap(headers)) return;
  for (const pair of [...headers.items]) {
    const name = String((pair.key as { value?: unknown } | null)?.value ?? pair.key);
    const now = actual.headers?.[name.toLowerCase()];
    if (now === undefined) doc.deleteIn([...at, 'headers', name]);
    else doc.setIn([...at, 'headers', name], now);
  }
  const left = doc.getIn([...at, 'headers'], true);
  if (isMap(left) && left.items.length === 0) doc.deleteIn([...at, 'headers']);
}

function acceptAbsent(doc: Document, at: (string | number)[], actual: ActualOutcome): void {
  const list = doc.getIn([...at, 'absentHeaders'], true);
  if (!isSeq(list)) return;
  // A header the backend receives now, or every one when the request reaches no backend, is no longer expected absent.
  list.items = list.items.filter((item) => {
    const name = String((item as { value?: unknown } | null)?.value ?? item);
    return actual.headers !== null && actual.headers[name.toLowerCase()] === undefined;
  });
  if (list.items.length === 0) doc.deleteIn([...at, 'absentHeaders']);
}
