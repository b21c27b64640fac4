import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AdminCenter } from './admin-center/admin-center.js';
import { SiteConsole } from './site-console/site-console.js';
import './styles.css';

/** One build, two apps: the cloud serves it at / as the admin center, the site at /console/ as its console. */
const App = window.location.pathname.startsWith('/console') ? SiteConsole : AdminCenter;
createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
