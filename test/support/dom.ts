// A fresh React root for each component test, unmounted (and any stubbed globals restored) after it.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, vi } from 'vitest';

export interface MountPoint {
  host: HTMLElement;
  root: Root;
}

/** Call inside a describe block: registers the hooks and returns the point the tests render into. */
export function mountPoint(): MountPoint {
  const dom = {} as MountPoint;
  beforeEach(() => {
    dom.host = document.createElement('div');
    document.body.append(dom.host);
    dom.root = createRoot(dom.host);
  });
  afterEach(() => {
    act(() => dom.root.unmount());
    dom.host.remove();
    vi.unstubAllGlobals();
  });
  return dom;
}
