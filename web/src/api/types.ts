// The shapes the web app reads from the HTTP API. The engine's contracts come from the core itself (types only,
// nothing of the core is bundled), so the app and the server cannot drift apart unnoticed.
import type {
  Decision, DecisionCondition, FactTrace, Item, OpenQuestion, Outcome, Problem, Purpose, Review, RuleTrace, Text, TraceEntry,
  TransferRequest, EndUserType, Transferor,
} from '../../../src/core/model.ts';
import type { RegimeInfo, RuleInfo } from '../../../src/core/engine.ts';
import type { Segment } from '../../../src/core/timeline.ts';
import type { CaseSummary, CaseView } from '../../../src/cases/service.ts';
import type {
  CaseAction, CaseApplication, CaseEvaluation, CaseStatus, ConsentRow, ItemLine, Party, Role,
} from '../../../src/cases/model.ts';
import type { AuditEntry, AuditVerification } from '../../../src/cases/store-port.ts';

export type {
  Decision, DecisionCondition, FactTrace, Item, OpenQuestion, Outcome, Problem, Purpose, Review, RuleTrace, Text, TraceEntry,
  TransferRequest, EndUserType, Transferor, RegimeInfo, RuleInfo, Segment, CaseSummary, CaseView, CaseAction, CaseApplication, CaseEvaluation,
  CaseStatus, ConsentRow, ItemLine, Party, Role, AuditEntry, AuditVerification,
};

export interface RegimeList {
  policyDigest: string;
  regimes: RegimeInfo[];
}

export interface CountryFacts {
  country: string;
  asOf: string;
  facts: FactTrace[];
}

import type { Source as PolicySource } from '../../../src/core/policy-schema.ts';
/** A source as GET /api/v1/sources gives it: its issuer also by name in both languages where the policy has it. */
export type Source = PolicySource & { issuerName?: { en: string; ja: string } };
import type { Fact, FactEntry } from '../../../src/core/policy-schema.ts';
export type { FactEntry };

/** What a fact means (GET /api/v1/facts): title, type, who keeps the list, what absence means and when it was reviewed. */
export type FactDoc = Omit<Fact, 'series'>;

/** Every dated entry of every fact about a country (GET /api/v1/facts/:country/series). */
export interface CountrySeries {
  country: string;
  facts: { fact: string; entries: FactEntry[] }[];
}

export interface User {
  id: string;
  username: string;
  role: Role;
  org: string | null;
}

export interface LoginReply {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

/** An item class of the catalogue (policy/items): a named TransferRequest item drawn from a real transfer. */
export type { ItemClass as CatalogueItem } from '../../../src/core/items.ts';

/** A sub-item of item 1 of Appended Table 1 of the Export Trade Control Order (policy/classification), with its ML categories. */
export type { Classification } from '../../../src/core/policy-schema.ts';

export type { MatrixCell } from '../../../src/core/matrix.ts';
