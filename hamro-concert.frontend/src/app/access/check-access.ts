import { useMutation } from '@tanstack/react-query';
import { apiCall, type ApiError } from '../../lib/api-client';

export type AccessRole = 'staff' | 'admin';

export interface CheckAccessRequest {
  role: AccessRole;
  token: string;
}

/** Asks the API whether a token opens the door (staff) or the organizer routes (admin): 204, or 401/403. */
export function checkAccess({ role, token }: CheckAccessRequest) {
  return apiCall(`/access/${role}`, { token });
}

export function useCheckAccess(options: {
  onSuccess: (data: void, request: CheckAccessRequest) => void;
  onError: (error: ApiError) => void;
}) {
  return useMutation<void, ApiError, CheckAccessRequest>({ mutationFn: checkAccess, ...options });
}
