import { groupCountries, type World } from './domain.ts';
import type { Engine } from './engine.ts';
import type { ItemClass } from './items.ts';
import type { CountryCode, EndUserType, IsoDate, Outcome, Purpose, TransferRequest, Transferor } from './model.ts';

export interface MatrixCell {
  recipient: CountryCode;
  item: string;
  outcome: Outcome;
  reasons: string[];
}

export interface MatrixOptions {
  asOf: IsoDate;
  items: readonly ItemClass[];
  regime?: string; // a regime, revision or draft instead of the law in force on asOf
  purpose?: Purpose;
  endUserType?: EndUserType;
  transferor?: Transferor;
  countries?: readonly CountryCode[];
  onProgress?: (done: number, total: number) => void;
}

export interface Matrix {
  asOf: IsoDate;
  regime: string;
  revision: string;
  purpose: Purpose | null;
  cells: MatrixCell[];
  evaluations: number; // distinct evaluations behind the cells, one per country group and item
}

export function requestFor(recipient: CountryCode, item: ItemClass, asOf: IsoDate, purpose?: Purpose, endUserType?: EndUserType, transferor?: Transferor): TransferRequest {
  return {
    asOf, recipient, item: item.item,
    ...(purpose ? { purpose } : {}),
    ...(endUserType ? { endUser: { type: endUserType } } : {}),
    ...(transferor ? { transferor } : {}),
  };
}

/** The outcome for every country x item class on one date; the caller checks that a regime applies on it. */
export function matrix(engine: Engine, opts: MatrixOptions): Matrix {
  const version = opts.regime ? engine.version(opts.regime) : engine.versionOn(opts.asOf);
  if (!version) throw new Error(`no regime ${opts.regime ?? `in force on ${opts.asOf}`}; validate input first`);
  const world: World = { version, date: opts.asOf };
  const groups = groupCountries([world], opts.items, opts.countries);
  const byCountry = new Map<CountryCode, { outcome: Outcome; reasons: string[] }[]>();
  const total = groups.length * opts.items.length;
  let done = 0;
  for (const g of groups) {
    const row = opts.items.map((item) => {
      const d = engine.evaluate(requestFor(g.representative, item, opts.asOf, opts.purpose, opts.endUserType, opts.transferor), { regime: opts.regime, trace: false });
      done++;
      opts.onProgress?.(done, total);
      return { outcome: d.outcome, reasons: d.reasons };
    });
    for (const cc of g.countries) byCountry.set(cc, row);
  }
  const cells: MatrixCell[] = [];
  for (const cc of opts.countries ?? [...byCountry.keys()].sort()) {
    byCountry.get(cc)!.forEach((r, i) => cells.push({ recipient: cc, item: opts.items[i].id, outcome: r.outcome, reasons: [...r.reasons] }));
  }
  return { asOf: opts.asOf, regime: version.info.regime, revision: version.info.id, purpose: opts.purpose ?? null, cells, evaluations: done };
}
