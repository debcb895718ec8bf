import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { AuthApp, isAuthPath } from './auth/auth-app.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Sign-in and first-run set-up live outside the console shell; they leave with a full page load.
const path = window.location.pathname;
createRoot(container).render(<StrictMode>{isAuthPath(path) ? <AuthApp path={path} /> : <App />}</StrictMode>);
