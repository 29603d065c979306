import { z } from 'zod';

/** The header that carries a solved proof of work to a session's first hold or its join of a waiting room. */
export const PROOF_OF_WORK_HEADER = 'Proof-Of-Work';

const hex = z
  .string()
  .max(1024)
  .regex(/^[0-9a-f]*$/i, 'must be hexadecimal');

/** An ALTCHA (v2) challenge, as the API signs it: find the counter whose derived key starts with keyPrefix. */
export const proofOfWorkChallengeSchema = z
  .object({
    parameters: z.object({
      algorithm: z.string().max(32),
      nonce: hex,
      salt: hex,
      cost: z.number().int().positive().max(10_000_000),
      keyLength: z.number().int().positive().max(64),
      keyPrefix: hex,
      keySignature: hex.optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: hex.optional(),
  })
  .meta({ id: 'ProofOfWorkChallenge' });
export type ProofOfWorkChallenge = z.infer<typeof proofOfWorkChallengeSchema>;

/** GET /concerts/{id}/challenge: whether this browser session must still solve one, and the challenge if so. */
export const proofOfWorkSchema = z
  .object({
    required: z.boolean().meta({
      description:
        'false: this session has already proven itself (or the API asks for no work): hold and join as they are. ' +
        'true: solve `challenge` and send the solution in the Proof-Of-Work header of the first hold or join.',
    }),
    challenge: proofOfWorkChallengeSchema.nullable(),
  })
  .meta({
    id: 'ProofOfWork',
    example: {
      required: true,
      challenge: {
        parameters: {
          algorithm: 'PBKDF2/SHA-256',
          nonce: '6f1c2a9b0d4e7f3a5b8c1d2e3f4a5b6c',
          salt: '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d',
          cost: 1000,
          keyLength: 32,
          keyPrefix: '3fa1c2d4e5b6a7980a1b2c3d4e5f6a7b',
          keySignature: 'b1d0c9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0',
          expiresAt: 1796640000,
          data: { session: '2c9f1b7e-8d4a-4f3b-9e6c-1a2b3c4d5e6f', concert: '0b1c6f5e-7d0a-4a57-9a1e-3c2f5d1e9b77' },
        },
        signature: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
    },
  });
export type ProofOfWork = z.infer<typeof proofOfWorkSchema>;

/** What the Proof-Of-Work header carries, base64-encoded JSON: the challenge as given, and its solution. */
export const proofOfWorkPayloadSchema = z.object({
  challenge: proofOfWorkChallengeSchema,
  solution: z.object({
    counter: z.number().int().min(0).max(4_294_967_295),
    derivedKey: hex,
  }),
});
export type ProofOfWorkPayload = z.infer<typeof proofOfWorkPayloadSchema>;

export const proofOfWorkHeaderSchema = z.object({
  [PROOF_OF_WORK_HEADER.toLowerCase()]: z
    .string()
    .max(4096)
    .optional()
    .meta({
      description:
        "A new browser session's first hold, and its join of a waiting room, carry a solved challenge from " +
        'GET /concerts/{id}/challenge: base64 of `{"challenge": …, "solution": {"counter", "derivedKey"}}`',
    }),
});
