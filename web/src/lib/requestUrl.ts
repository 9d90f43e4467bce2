// The evaluate form's state and its place in the URL, so an answer can be shared by link.
import {
  END_USER_TYPES, ETCO_ITEM1, FORMS, FUNCTIONS, MUNITION_TYPES, ORIGINS, PURPOSES, TRANSFERORS,
  type EndUserType, type Item, type Purpose, type TransferRequest, type Transferor,
} from '../../../src/core/model.ts';

export interface FormState {
  recipient: string;
  asOf: string;
  /** '' means the regime in force on asOf. */
  regime: string;
  purpose: Purpose | '';
  transferor: Transferor | '';
  endUserType: EndUserType | '';
  endUserName: string;
  /** The catalogue item class the attributes came from, '' when described by hand. */
  preset: string;
  item: Item;
}

export const emptyForm = (today: string): FormState => ({
  recipient: '', asOf: today, regime: '', purpose: '', transferor: '', endUserType: '', endUserName: '', preset: '', item: {},
});

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v !== null && (list as readonly string[]).includes(v) ? (v as T) : undefined;
const bool = (v: string | null): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
const code = (v: string | null): string | undefined => (v && /^[A-Z]{2}$/.test(v.toUpperCase()) ? v.toUpperCase() : undefined);
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
const text = (v: string | null, max: number): string | undefined => (v ? v.slice(0, max) : undefined);

/** Writes the form into query parameters; defaults and empty fields are left out so links stay short. */
export function encodeForm(s: FormState): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: string | boolean | undefined) => {
    if (v === undefined || v === '') return;
    p.set(k, typeof v === 'boolean' ? (v ? 'yes' : 'no') : v);
  };
  set('to', s.recipient);
  set('date', s.asOf);
  set('regime', s.regime);
  set('purpose', s.purpose);
  set('transferor', s.transferor);
  set('endUserType', s.endUserType);
  set('endUser', s.endUserName);
  set('item', s.preset);
  const i = s.item;
  set('name', i.name);
  // Stated either way: an unstated attribute is an open question, so a link keeps what was said.
  set('defenseEquipment', i.defenseEquipment);
  set('etcoItem', i.etcoItem);
  set('weapon', i.weapon);
  set('form', i.form);
  set('function', i.function);
  set('origin', i.origin);
  if (i.partners?.length) set('partners', i.partners.join(','));
  set('licensor', i.licensor);
  set('program', i.program);
  set('controlList', i.controlList);
  set('munitionType', i.munitionType);
  return p;
}

/** Reads the form back from query parameters; values that are not valid choices are dropped, never guessed. */
export function decodeForm(p: URLSearchParams, today: string): FormState {
  const item: Item = {};
  const name = text(p.get('name'), 500);
  if (name) item.name = name;
  const defenseEquipment = bool(p.get('defenseEquipment'));
  if (defenseEquipment !== undefined) item.defenseEquipment = defenseEquipment;
  const etcoItem = oneOf(ETCO_ITEM1, p.get('etcoItem'));
  if (etcoItem) item.etcoItem = etcoItem;
  const weapon = bool(p.get('weapon'));
  if (weapon !== undefined) item.weapon = weapon;
  const form = oneOf(FORMS, p.get('form'));
  if (form) item.form = form;
  const fn = oneOf(FUNCTIONS, p.get('function'));
  if (fn) item.function = fn;
  const origin = oneOf(ORIGINS, p.get('origin'));
  if (origin) item.origin = origin;
  const partners = (p.get('partners') ?? '').split(',').map((x) => code(x.trim())).filter((x): x is string => x !== undefined);
  if (partners.length) item.partners = partners;
  const licensor = code(p.get('licensor'));
  if (licensor) item.licensor = licensor;
  const program = text(p.get('program'), 100);
  if (program) item.program = program;
  const ml = p.get('controlList');
  if (ml && /^ML([1-9]|1[0-9]|2[0-2])[a-z]?$/.test(ml)) item.controlList = ml;
  const mt = oneOf(MUNITION_TYPES, p.get('munitionType'));
  if (mt) item.munitionType = mt;
  const date = p.get('date');
  return {
    recipient: code(p.get('to')) ?? '',
    asOf: isDate(date) ? date : today,
    regime: text(p.get('regime'), 100) ?? '',
    purpose: oneOf(PURPOSES, p.get('purpose')) ?? '',
    transferor: oneOf(TRANSFERORS, p.get('transferor')) ?? '',
    endUserType: oneOf(END_USER_TYPES, p.get('endUserType')) ?? '',
    endUserName: text(p.get('endUser'), 500) ?? '',
    preset: text(p.get('item'), 100) ?? '',
    item,
  };
}

/** Whether the URL carries enough to evaluate at once (a shared link). */
export const isComplete = (s: FormState): boolean => s.recipient !== '' && s.asOf !== '';

/** The TransferRequest the API takes, from the form. */
export function toRequest(s: FormState): TransferRequest {
  const endUser = s.endUserType || s.endUserName
    ? { ...(s.endUserName ? { name: s.endUserName } : {}), ...(s.endUserType ? { type: s.endUserType } : {}) }
    : undefined;
  return {
    asOf: s.asOf,
    recipient: s.recipient,
    item: s.item,
    ...(s.purpose ? { purpose: s.purpose } : {}),
    ...(s.transferor ? { transferor: s.transferor } : {}),
    ...(endUser ? { endUser } : {}),
  };
}

/** A link may name a catalogue class without its attributes: fill them from the catalogue (once it has loaded). */
export function withPresetItem(s: FormState, catalogue: readonly { id: string; item: Item }[] | undefined): FormState {
  if (!s.preset || Object.keys(s.item).length > 0) return s;
  const found = catalogue?.find((c) => c.id === s.preset);
  return found ? { ...s, item: { ...found.item } } : s;
}

/** The form for a request, so an answer computed elsewhere (a question) opens on Evaluate. */
export function formOf(req: TransferRequest, preset = ''): FormState {
  return {
    recipient: req.recipient, asOf: req.asOf, regime: '', purpose: req.purpose ?? '', transferor: req.transferor ?? '', endUserType: req.endUser?.type ?? '',
    endUserName: req.endUser?.name ?? '', preset, item: req.item,
  };
}
