// The one list of route modules. Adding a module is adding one line here.
import type { RouteModule } from '../route.ts';
import { analysis } from './analysis.ts';
import { audit } from './audit.ts';
import { auth } from './auth.ts';
import { cases } from './cases.ts';
import { engine } from './engine.ts';
import { meta } from './meta.ts';
import { questions } from './questions.ts';
import { reports } from './reports.ts';
import { caseScreening } from './screening.ts';
import { users } from './users.ts';

export const ROUTE_MODULES: readonly RouteModule[] = [
  meta,
  engine,
  analysis,
  questions,
  auth,
  cases,
  users,
  audit,
  reports,
  caseScreening,
];
