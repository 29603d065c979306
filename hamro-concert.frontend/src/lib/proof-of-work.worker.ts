// A worker that solves proof-of-work challenges with the browser's own PBKDF2 (WebCrypto), off the
// page's thread: altcha-lib's solver loop, each worker trying every n-th counter.
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { handler } from 'altcha-lib/workers/shared';

handler({ deriveKey });
