import { DoorScanner } from '../../features/door';
import { TokenGate } from '../access/token-gate';
import { StaffBar } from '../access/staff-bar';

export const STAFF_TOKEN_KEY = 'hamro.staffToken';

/** /door: staff check tickets in, one code after another. */
export function DoorPage() {
  return (
    <>
      <title>Door check-in · Hamro Concert</title>
      <TokenGate
        role="staff"
        storageKey={STAFF_TOKEN_KEY}
        title="Door check-in"
        tokenLabel="Staff token"
        intro="Enter the staff token to check tickets in at the door."
      >
        {(access) => (
          <>
            <StaffBar title="Door check-in" onSignOut={access.signOut} />
            <DoorScanner token={access.token} onAccessRefused={access.refused} />
          </>
        )}
      </TokenGate>
    </>
  );
}
