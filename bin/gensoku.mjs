#!/usr/bin/env node
// Runs the TypeScript sources through tsx so `npx gensoku` works right after `npm install`; `npm start` runs the bundle.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/bin.ts');
