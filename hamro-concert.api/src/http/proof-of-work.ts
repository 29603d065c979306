import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { proofOfWorkPayloadSchema } from 'hamro-concert.contracts';
import type { Signer } from '../lib/signer.js';

export interface ProofOfWorkSettings {
  /**
   * PROOF_OF_WORK_ATTEMPTS: a challenge is solved after at most this many attempts (three quarters
   * of it on average); 0 switches proof of work off.
   */
  attempts: number;
  /** PROOF_OF_WORK_COST: PBKDF2-SHA-256 iterations per attempt. */
  cost: number;
}

export const PROOF_OF_WORK_DEFAULTS: ProofOfWorkSettings = { attempts: 1_200, cost: 1_000 };

const ALGORITHM = 'PBKDF2/SHA-256';
const CHALLENGE_MINUTES = 10;
/** Challenges kept per session and concert, so asking again costs the server no new derivation. */
const KEPT = 10_000;

/**
 * Small self-hosted proofs of work (ALTCHA's, through altcha-lib): what a browser session pays once
 * before its first hold or its place in a waiting room. A challenge is bound to one session and one
 * concert and signed with keys derived from the shared signing key, so any instance verifies a
 * solution by two HMACs, without a database read. A solution proves its own session and nothing
 * else; once proven, the session says so in its cookie and asks for no further work.
 */
export class ProofOfWork {
  private readonly kept = new Map<string, Challenge>();

  constructor(
    private readonly signer: Signer,
    readonly settings: ProofOfWorkSettings,
  ) {}

  get enabled(): boolean {
    return this.settings.attempts > 0;
  }

  private async secrets() {
    return {
      hmacSignatureSecret: await this.signer.secret('proof-of-work'),
      hmacKeySignatureSecret: await this.signer.secret('proof-of-work-key'),
    };
  }

  /** A challenge for this session and concert: the same one again while it has minutes left. */
  async challenge(session: string, concertId: string): Promise<Challenge> {
    const key = `${session} ${concertId}`;
    const kept = this.kept.get(key);
    if (kept && (kept.parameters.expiresAt ?? 0) * 1000 > Date.now() + 60_000) return kept;
    const { attempts, cost } = this.settings;
    const challenge = await createChallenge({
      algorithm: ALGORITHM,
      cost,
      counter: randomInt(Math.ceil(attempts / 2), attempts),
      deriveKey,
      expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
      data: { session, concert: concertId },
      ...(await this.secrets()),
    });
    if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, challenge);
    return challenge;
  }

  /** Whether `header` (a Proof-Of-Work header) holds a solution of a live challenge for this session and concert. */
  async verify(header: string | undefined, session: string, concertId: string): Promise<boolean> {
    if (!header) return false;
    let payload;
    try {
      payload = proofOfWorkPayloadSchema.safeParse(JSON.parse(Buffer.from(header, 'base64').toString('utf8')));
    } catch {
      return false;
    }
    if (!payload.success) return false;
    const { challenge, solution } = payload.data;
    if (challenge.parameters.data?.session !== session || challenge.parameters.data.concert !== concertId) return false;
    if (challenge.parameters.algorithm !== ALGORITHM) return false;
    const result = await verifySolution({ challenge, solution, deriveKey, ...(await this.secrets()) });
    return result.verified;
  }
}
