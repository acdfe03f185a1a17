// The CSS zoom in effect on an element. Presenter mode enlarges the timeline on a big screen with
// `zoom` (present.css); pointer positions and drag distances arrive in the viewport's pixels and
// are divided by it to get the timeline's own, and the marks' canvases multiply their backing
// store by it so they stay sharp.

/** The effective zoom of `el` (its ancestors' included), 1 where none is set or the browser does not say. */
export function cssZoomOf(el: Element | null | undefined): number {
  const zoom = (el as (Element & { currentCSSZoom?: number }) | null | undefined)?.currentCSSZoom;
  return typeof zoom === 'number' && Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}
