// Hashes for the audit chain, stored lists and migration checksums, over the core's canonical JSON.
import { createHash } from 'node:crypto';

export { canonicalJson } from '../core/canonical.ts';

export const sha256 = (text: string | Uint8Array): string => 'sha256:' + createHash('sha256').update(text).digest('hex');
