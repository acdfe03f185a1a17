// The parts of the main view that the first frame does not need and every page shows soon after
// it (the header's pickers and buttons, the panels under the timeline, the notices), in one module
// so that they arrive as one chunk: each dynamic import of its own became a file of its own, and
// the page fetched some twenty small files right after its first frame, each a request with its
// own cost in the browser (issue 16). Parts that only some pages ever show (a Job's pod picker, the
// cause arrows, the exporters, the embedded and explain views) keep chunks of their own.

export { VersionSelect } from '../panels/VersionSelect';
export { GalleryPanel } from '../gallery/GalleryPanel';
export { HistoryPanel } from '../history/HistoryPanel';
export { PresentButton } from '../present/PresentButton';
export { ShareButton } from '../share/ShareButton';
export { ShareBanner, OpenDialog } from '../share/ShareNotices';
export { StorageNotice } from '../history/StorageNotice';
export { HelpOverlay } from '../panels/HelpOverlay';
export { PresenterPanel } from '../present/PresenterPanel';
export { CompareView } from '../share/compare/CompareView';
export { UnfinishedRunNotice } from '../panels/UnfinishedRunNotice';
export { UnderTimeline } from '../panels/UnderTimeline';
