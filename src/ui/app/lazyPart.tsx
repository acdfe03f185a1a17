// A part of the page that the first frame does not need, loaded after it (issue 16): its module
// arrives as its own chunk, asked for only once the first frame is painted (so neither its fetch
// nor its styles delay that frame), and until then a stand-in of the same size holds its place
// (or nothing), so the header does not jump when the real part replaces it. A view that is the
// first frame's content (the embedded view, explain mode) is asked for at once (`now`).

import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useFirstFrameDrawn } from './firstFrame';

/** A component that renders `name` from the module `load` fetches, `fallback` until it is there. */
export function lazyPart<M, P extends object = object>(load: () => Promise<M>, name: keyof M, fallback: ReactNode = null, when: 'afterFirstFrame' | 'now' = 'afterFirstFrame'): ComponentType<P> {
  const Part = lazy(async () => ({ default: (await load())[name] as ComponentType<P> })) as unknown as ComponentType<P>;
  function LazyPart(props: P) {
    const drawn = useFirstFrameDrawn();
    if (when === 'afterFirstFrame' && !drawn) return fallback;
    return (
      <Suspense fallback={fallback}>
        <Part {...props} />
      </Suspense>
    );
  }
  LazyPart.displayName = `Lazy(${String(name)})`;
  return LazyPart;
}

/** A header button's stand-in: the same look, inert, no test id (the real one replaces it). */
export function HeaderButtonStandIn({ label, className = 'header-button' }: { label: string; className?: string }) {
  return <button type="button" className={className} disabled aria-hidden="true" tabIndex={-1}>{label}</button>;
}
