import './lib/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { switchLanguage } from './i18n/i18n';
import { preferredLanguage } from './i18n/preferred-language';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

// The app waits for its language's words (Nepali is loaded on demand), so nothing shows in the
// wrong language first; if they cannot be loaded, it shows in English. (A promise rather than a
// top-level await, which would split the bundle so that the schemas load before zod-without-eval.)
void switchLanguage(preferredLanguage())
  .catch(() => switchLanguage('en'))
  .finally(() => {
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
