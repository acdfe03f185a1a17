// The gallery: a button in the header and a drawer listing every teaching scenario (title and
// two-sentence lesson). Each entry is a real link (open it in a new tab, copy it); choosing it
// here loads it in place, with its cursor at the moment the lesson shows.

import type { MouseEvent } from 'react';
import { appHref } from '../../share';
import { openResolved, resolveShareState } from '../../state/open/openScenario';
import { shareContext } from '../share/startShare';
import { DrawerButton } from '../dialog/DrawerButton';
import { galleryLinks, type GalleryLink } from './galleryLinks';
import './gallery.css';

function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

const DRAWER = {
  testId: 'gallery', className: 'drawer gallery-drawer', titleId: 'gallery-title',
  title: 'Gallery: what people get wrong about sidecars', closeLabel: 'Close the gallery', initialFocus: '.gallery-entry',
};

export function GalleryPanel() {

  const choose = (e: MouseEvent, link: GalleryLink, compare: boolean, close: () => void) => {
    if (!isPlainClick(e)) return;
    e.preventDefault();
    close();
    const state = compare && link.compare ? link.compare.state : link.state;
    const resolved = resolveShareState(state);
    // The lesson's span: the timeline opens zoomed on the moment that matters.
    if (!compare && link.entry.view) resolved.scenario = { ...resolved.scenario, view: link.entry.view };
    openResolved(shareContext(), resolved, {
      what: `gallery scenario “${link.entry.title}”`,
      intro: `${link.entry.title}: ${link.entry.lesson}`,
    });
  };

  return (
    <DrawerButton label="Gallery" buttonTestId="gallery-button" drawer={DRAWER}>
      {(close) => {
        // Encoding every entry's link deflates each lesson: done when the drawer opens (the
        // drawer's content is built only then), not while the page draws its first timeline (issue 16).
        const links = galleryLinks();
        return (
        <ul className="gallery-list">
          {links.map((link) => (
            <li key={link.entry.id}>
              <a
                className="gallery-entry"
                href={appHref(location.href, link.address)}
                data-testid="gallery-entry"
                data-entry={link.entry.id}
                aria-describedby={`lesson-${link.entry.id}`}
                onClick={(e) => choose(e, link, false, close)}
              >
                <strong>{link.entry.title}</strong>
                <span id={`lesson-${link.entry.id}`} className="gallery-lesson">{link.entry.lesson}</span>
              </a>
              {link.compare && (
                <a
                  className="gallery-compare"
                  href={appHref(location.href, link.compare.fragment)}
                  data-testid="gallery-compare"
                  data-entry={link.entry.id}
                  onClick={(e) => choose(e, link, true, close)}
                >
                  Compare side by side: {link.compare.labels.join(' · ')}
                </a>
              )}
            </li>
          ))}
        </ul>
        );
      }}
    </DrawerButton>
  );
}
