// Hashes for the audit chain, stored lists and migration checksums, over the core's canonical JSON.
export { canonicalJson } from '../core/canonical.ts';
export { sha256 } from '../hash.ts';
