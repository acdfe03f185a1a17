// The page's entry: start the engine runner and persistence, then render.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApp } from './state/appStore';
import { App } from './ui/app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

startApp();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
