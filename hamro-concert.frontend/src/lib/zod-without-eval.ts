import { z } from 'zod';

/**
 * The page's Content-Security-Policy allows no eval. zod would otherwise try `new Function` once to
 * see whether it may compile faster parsers, and the refused try is reported as a violation.
 * Imported first by main.tsx, before any schema parses.
 */
z.config({ jitless: true });
