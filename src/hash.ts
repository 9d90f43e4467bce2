// sha256 as the project writes it ('sha256:' + hex). A leaf importing nothing of the project, so the case domain
// and the store (which may not import each other's values) share one helper.
import { createHash } from 'node:crypto';

export const sha256 = (text: string | Uint8Array): string => 'sha256:' + createHash('sha256').update(text).digest('hex');
