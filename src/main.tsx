// The page's entry: start the engine runner and persistence, then render.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApp } from './state/appStore';
import { App } from './ui/app/App';
import { startShare } from './ui/share/startShare';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

startShare(); // the link in the address (and ?embed) goes in before the engine's first run
startApp();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
