// Test helpers for list imports: a changed copy of the UN list (made in memory from the bundled file, never
// copied into the repository), a stub engine, and an open case filed and submitted through the case service.
import type { Decision } from '../../src/core/model.ts';
import type { Store } from '../../src/cases/store-port.ts';
import type { DecisionEngine } from '../../src/cases/evaluate.ts';
import type { ScreeningProvider } from '../../src/cases/screening.ts';
import type { CaseRow } from '../../src/cases/model.ts';
import { CaseService } from '../../src/cases/service.ts';

export { DEFAULT_LIST as SHARED_LIST } from '../../src/screening/load-list.ts';

/** An engine that permits everything: these tests are about screening, not the rules. */
export const STUB_ENGINE: DecisionEngine = {
  policyDigest: 'sha256:stub',
  evaluate: () => ({ outcome: 'permissible', regime: 'test', revision: 'test', reasons: ['p2-test'], review: 'meti', conditions: [], open: [], trace: [], policyDigest: 'sha256:stub' }) as unknown as Decision,
  rule: () => undefined,
  policy: { categories: [] },
};

export interface ListEdits {
  /** The new dateGenerated. */
  version?: string;
  /** Individuals to add, by reference number and name parts. */
  addIndividuals?: { referenceNumber: string; dataId: string; names: string[]; nationality?: string }[];
  /** Entries to remove, by reference number. */
  remove?: string[];
  /** Entries to give one more Good alias, by reference number. */
  addAlias?: { referenceNumber: string; alias: string }[];
}

/** The span of the INDIVIDUAL or ENTITY element holding this reference number. */
function block(xml: string, ref: string): { start: number; end: number; tag: string } {
  const at = xml.indexOf(`<REFERENCE_NUMBER>${ref}</REFERENCE_NUMBER>`);
  if (at < 0) throw new Error(`no entry ${ref} in the list`);
  const person = xml.lastIndexOf('<INDIVIDUAL>', at);
  const entity = xml.lastIndexOf('<ENTITY>', at);
  const tag = person > entity ? 'INDIVIDUAL' : 'ENTITY';
  const start = Math.max(person, entity);
  const end = xml.indexOf(`</${tag}>`, at) + `</${tag}>`.length;
  return { start, end, tag };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A changed copy of a UN list: new generation date, entries added, removed or given an alias. */
export function editList(xml: string, edits: ListEdits): string {
  let out = xml;
  if (edits.version) out = out.replace(/dateGenerated="[^"]*"/, `dateGenerated="${edits.version}"`);
  for (const ref of edits.remove ?? []) {
    const b = block(out, ref);
    out = out.slice(0, b.start) + out.slice(b.end);
  }
  for (const a of edits.addAlias ?? []) {
    const b = block(out, a.referenceNumber);
    const close = out.lastIndexOf(`</${b.tag}>`, b.end);
    out = `${out.slice(0, close)}<${b.tag}_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>${esc(a.alias)}</ALIAS_NAME></${b.tag}_ALIAS>\n${out.slice(close)}`;
  }
  const added = (edits.addIndividuals ?? []).map((p) => {
    const tags = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'];
    return `    <INDIVIDUAL>
      <DATAID>${p.dataId}</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      ${p.names.map((n, i) => `<${tags[i]}>${esc(n)}</${tags[i]}>`).join('\n      ')}
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>${p.referenceNumber}</REFERENCE_NUMBER>
      <LISTED_ON>2026-05-09</LISTED_ON>
      <COMMENTS1>Added for a test.</COMMENTS1>
      ${p.nationality ? `<NATIONALITY><VALUE>${esc(p.nationality)}</VALUE></NATIONALITY>` : ''}
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <LAST_DAY_UPDATED><VALUE/></LAST_DAY_UPDATED>
    </INDIVIDUAL>
`;
  }).join('');
  if (added) {
    const at = out.indexOf('</INDIVIDUALS>');
    out = out.slice(0, at) + added + out.slice(at);
  }
  return out;
}

/** The changes the re-import tests make to the 2026-05-08 list. */
export const NEW_VERSION = '2026-05-09T23:00:04.118Z';
export const NEW_PERSON = { referenceNumber: 'KPi.999', dataId: '9999001', names: ['TARO', 'YAMASHITA'] };
export const REIMPORT_EDITS: ListEdits = {
  version: NEW_VERSION,
  addIndividuals: [NEW_PERSON],
  remove: ['SDi.007'],
  addAlias: [{ referenceNumber: 'QDi.335', alias: 'ABU TEST' }],
};

/** Files and submits a case whose end user is this individual, screened against the provider given; the stored row. */
export async function submitCase(store: Store, provider: ScreeningProvider | null, endUser: string, now: () => Date = () => new Date()): Promise<CaseRow> {
  const service = new CaseService({ store, engine: STUB_ENGINE, now, screening: () => provider });
  const rc = { actor: { id: 'u-app', username: 'acme-clerk', role: 'applicant' as const, org: 'ACME' } };
  const created = await service.create(rc, {
    recipient: 'AU', purpose: 'security-cooperation',
    endUser: { name: endUser, type: 'individual', country: 'JP' },
    consignees: [{ name: 'Pacific Freight Forwarders Pty Ltd', type: 'company', country: 'AU' }],
    items: [{ item: { name: 'radar', weapon: false, form: 'complete', function: 'surveillance' }, quantity: 1, valueJpy: 1_000_000 }],
    justification: 'test',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  const submitted = await service.transition(rc, created.value.id, { action: 'submit' });
  if (!submitted.ok) throw new Error(JSON.stringify(submitted.problems));
  // The applicant's view hides the screening; tests read what was stored.
  return (await store.cases.get(submitted.value.id))!;
}
