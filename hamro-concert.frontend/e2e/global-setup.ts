import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { startApi } from './support/api-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
    staffToken: string;
  }
}

/**
 * Starts the real product for the end-to-end tests (see startApi) and stops it afterwards, with
 * fresh organizer and door staff tokens. The hold-expiry test starts a second instance of its own
 * with a short hold lifetime.
 */
export default async function setup(project: TestProject) {
  const adminToken = `admin-${randomBytes(16).toString('hex')}`;
  const staffToken = `staff-${randomBytes(16).toString('hex')}`;
  const api = await startApi({ ADMIN_TOKEN: adminToken, STAFF_TOKEN: staffToken });
  project.provide('baseUrl', api.baseUrl);
  project.provide('adminToken', adminToken);
  project.provide('staffToken', staffToken);
  return api.stop;
}
