// A part of the page that the first frame does not need, loaded after it (issue 16): its module
// arrives as its own chunk, asked for only once the first frame is painted (so neither its fetch
// nor its styles delay that frame), and until then a stand-in of the same size holds its place
// (or nothing), so the header does not jump when the real part replaces it. A view that is the
// first frame's content (the embedded view, explain mode) is asked for at once (`now`). A part
// that fails (its chunk never arrives, or it throws) leaves its stand-in in place and says so in
// the page's one notice (PartLoadBoundary.tsx), and the rest of the page keeps working.

import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useFirstFrameDrawn } from './firstFrame';
import { PartLoadBoundary } from './PartLoadBoundary';

export interface LazyPartOptions {
  /** What the part is, for a reader, should it fail: "the gallery". */
  part: string;
  /** What holds its place until it is there (and if it fails); nothing by default. */
  fallback?: ReactNode;
  /** When to ask for it: after the first frame is painted (the default), or at once. */
  when?: 'afterFirstFrame' | 'now';
}

/** A component that renders `name` from the module `load` fetches, `fallback` until it is there. */
export function lazyPart<M, P extends object = object>(load: () => Promise<M>, name: keyof M, { part, fallback = null, when = 'afterFirstFrame' }: LazyPartOptions): ComponentType<P> {
  let loaded = false;
  const Part = lazy(async () => {
    const module = await load();
    loaded = true;
    return { default: module[name] as ComponentType<P> };
  }) as unknown as ComponentType<P>;
  const isLoaded = () => loaded;
  function LazyPart(props: P) {
    const drawn = useFirstFrameDrawn();
    if (when === 'afterFirstFrame' && !drawn) return fallback;
    return (
      <PartLoadBoundary part={part} fallback={fallback} loaded={isLoaded}>
        <Suspense fallback={fallback}>
          <Part {...props} />
        </Suspense>
      </PartLoadBoundary>
    );
  }
  LazyPart.displayName = `Lazy(${String(name)})`;
  return LazyPart;
}

/** A header button's stand-in: the same look, inert, no test id (the real one replaces it). */
export function HeaderButtonStandIn({ label, className = 'header-button' }: { label: string; className?: string }) {
  return <button type="button" className={className} disabled aria-hidden="true" tabIndex={-1}>{label}</button>;
}
