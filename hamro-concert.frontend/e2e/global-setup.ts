import type { TestProject } from 'vitest/node';
import { startApi } from './support/api-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Starts the real product for the end-to-end tests (see startApi) and stops it afterwards. The
 * hold-expiry test starts a second instance of its own with a short hold lifetime.
 */
export default async function setup(project: TestProject) {
  const api = await startApi();
  project.provide('baseUrl', api.baseUrl);
  return api.stop;
}
