/**
 * The only reader of the build-time environment. `VITE_API_BASE_URL` points the app at an API on
 * another origin; without it the app talks to the origin it was served from.
 */
function apiBaseUrl(raw: string | undefined): string {
  const value = raw?.trim() ?? '';
  return value.replace(/\/+$/, '');
}

export const env = {
  apiBaseUrl: apiBaseUrl(import.meta.env.VITE_API_BASE_URL as string | undefined),
} as const;
