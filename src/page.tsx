// The page (loaded by the tiny entry, main.tsx): start the engine runner and persistence, then render. The share code (the
// link codec, opening a link, the address bar) is its own chunk (issue 16): awaited first when
// the address holds a link or asks for the embedded view, as the link goes in before the
// engine's first run; otherwise asked for once the first frame is painted.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isEmbedUrl, splitFragment } from './share/url';
import { appStore, startApp } from './state/appStore';
import { whenFirstFrameDrawn } from './state/firstFrame';
import { App } from './ui/app/App';
import { AppCrashBoundary } from './ui/app/AppCrashBoundary';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

const loadShare = () => import('./ui/share/startShare');
const embed = isEmbedUrl(location.href);
const linkFirst = embed || splitFragment(location.hash).kind === 'link';
if (linkFirst) {
  const share = loadShare();
  if (embed) void import('./ui/embed/EmbedApp'); // fetched beside the share chunk, not after it
  (await share).startShare(); // the link in the address (and ?embed) goes in before the engine's first run
}
startApp();
createRoot(root).render(
  <StrictMode>
    <AppCrashBoundary store={appStore}>
      <App />
    </AppCrashBoundary>
  </StrictMode>,
);
if (!linkFirst) whenFirstFrameDrawn(() => void loadShare().then((m) => m.startShare()));
