/// <reference types="vite/client" />
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerServiceWorker } from './pwa/register';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The app shell and its pages kept for offline use (pwa/sw.ts), once this first load is done. Not
// under the Vite dev server, which builds no worker.
if (import.meta.env.PROD) registerServiceWorker();
