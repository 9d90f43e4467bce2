// Downloads the sanctions list over HTTP(S): a conditional GET, a size limit, timeouts and retries. Only the bytes;
// validating and storing them is importList's work.
import type { Problem } from '../core/model.ts';
import { MAX_LIST_BYTES } from '../screening/load-list.ts';

export interface DownloadOptions {
  /** Validators of the copy we hold; a 304 answer means it is still current. */
  etag?: string | null;
  lastModified?: string | null;
  /** Largest body accepted, decoded (the UN list is about 2 MB; default MAX_LIST_BYTES, what a file or PUT may hold). */
  maxBytes?: number;
  /** Until the response headers arrive, and between two chunks of the body. */
  timeoutMs?: number;
  /** Attempts in all, for network errors, timeouts and 5xx/429 answers. */
  attempts?: number;
  /** Wait before the second attempt; doubled each time. */
  backoffMs?: number;
}

export type Download =
  | { status: 'unchanged' }
  | { status: 'changed'; text: string; etag: string | null; lastModified: string | null; bytes: number };

export type DownloadResult = { ok: true; value: Download } | { ok: false; problems: Problem[] };

export const DOWNLOAD_DEFAULTS = { maxBytes: MAX_LIST_BYTES, timeoutMs: 30_000, attempts: 3, backoffMs: 2_000 } as const;

class Permanent extends Error {
  constructor(readonly code: string, message: string) { super(message); }
}

const problem = (code: string, url: string, message: string): DownloadResult => ({ ok: false, problems: [{ code, path: url, message }] });

/** Reads the body chunk by chunk, refusing it past maxBytes and when a chunk is slower than timeoutMs. */
async function readBody(res: Response, maxBytes: number, timeoutMs: number, abort: AbortController): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => { reject(new Error(`no data for ${timeoutMs} ms`)); abort.abort(); }, timeoutMs);
    });
    let r: ReadableStreamReadResult<Uint8Array>;
    try {
      r = await Promise.race([reader.read(), stalled]);
    } finally {
      clearTimeout(timer);
    }
    if (r.done) break;
    size += r.value.byteLength;
    if (size > maxBytes) {
      abort.abort();
      throw new Permanent('list.too_large', `the list is larger than ${maxBytes} bytes`);
    }
    chunks.push(r.value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.byteLength; }
  return out;
}

async function attempt(url: string, o: Required<Omit<DownloadOptions, 'etag' | 'lastModified'>> & DownloadOptions): Promise<Download> {
  const abort = new AbortController();
  const headersTimer = setTimeout(() => abort.abort(), o.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      signal: abort.signal,
      redirect: 'follow',
      headers: {
        accept: 'application/xml, text/xml;q=0.9, */*;q=0.1',
        ...(o.etag ? { 'if-none-match': o.etag } : {}),
        ...(o.lastModified ? { 'if-modified-since': o.lastModified } : {}),
      },
    });
  } catch (e) {
    throw new Error(abort.signal.aborted ? `no answer within ${o.timeoutMs} ms` : `cannot reach the server: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
  } finally {
    clearTimeout(headersTimer);
  }
  if (res.status === 304) return { status: 'unchanged' };
  if (res.status >= 500 || res.status === 429) {
    await res.body?.cancel().catch(() => {});
    throw new Error(`the server answered ${res.status} ${res.statusText}`);
  }
  if (res.status !== 200) {
    await res.body?.cancel().catch(() => {});
    throw new Permanent('list.http_status', `the server answered ${res.status} ${res.statusText}`);
  }
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > o.maxBytes && !res.headers.get('content-encoding')) {
    abort.abort();
    throw new Permanent('list.too_large', `the list is ${declared} bytes, more than the limit of ${o.maxBytes}`);
  }
  let body: Uint8Array;
  try {
    body = await readBody(res, o.maxBytes, o.timeoutMs, abort);
  } catch (e) {
    if (e instanceof Permanent) throw e;
    // The connection closed before the declared length arrived, or stalled: a truncated download.
    throw new Error(`the download broke off: ${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new Permanent('list.not_utf8', 'the download is not UTF-8 text');
  }
  return { status: 'changed', text, etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified'), bytes: body.byteLength };
}

/** Downloads the list at url; every failure, after the retries, is a problem naming the URL. */
export async function downloadList(url: string, opts: DownloadOptions = {}): Promise<DownloadResult> {
  const o = { ...DOWNLOAD_DEFAULTS, ...opts };
  let last = '';
  for (let i = 0; i < o.attempts; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, o.backoffMs * 2 ** (i - 1)));
    try {
      return { ok: true, value: await attempt(url, o) };
    } catch (e) {
      if (e instanceof Permanent) return problem(e.code, url, e.message);
      last = (e as Error).message;
    }
  }
  return problem('list.download_failed', url, `${last} (after ${o.attempts} attempt${o.attempts === 1 ? '' : 's'})`);
}
