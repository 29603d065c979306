import type { RequestHandler } from 'express';
import { AppError, type FieldIssue } from './errors.js';

/** Enough to say what is wrong; a body of 10,000 bad strings does not get 10,000 answers. */
const MAX_ISSUES = 20;

/** Deeper than any body of this API (a concert's tiers' rows are three levels down) by a wide margin. */
export const MAX_INPUT_DEPTH = 16;

interface Node {
  value: unknown;
  key: string;
  parent: Node | undefined;
  depth: number;
}

const pathOf = (node: Node): string => {
  const keys: string[] = [];
  for (let at: Node | undefined = node; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
};

/**
 * What in `input` the API refuses whatever the route: a string with a NUL character, which
 * PostgreSQL cannot store in text and no name, title or email holds; and nesting deeper than
 * MAX_INPUT_DEPTH, which no route reads and which would overflow the stack of JSON.stringify (an
 * Idempotency-Key's hash of the body). A loop, not recursion, and each step costs the same however
 * deep it is, so no input is too big or too deep for the check itself.
 */
function refusedIn(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const pending: Node[] = [{ value: input, key: '', parent: undefined, depth: 0 }];
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const node = pending.pop()!;
    if (typeof node.value === 'string') {
      if (node.value.includes('\u0000')) {
        issues.push({ path: pathOf(node), message: 'must not contain the NUL character (\\u0000)' });
      }
    } else if (node.value !== null && typeof node.value === 'object') {
      if (node.depth === MAX_INPUT_DEPTH) {
        issues.push({ path: pathOf(node), message: `must not nest deeper than ${MAX_INPUT_DEPTH} levels` });
        continue;
      }
      for (const [key, value] of Object.entries(node.value)) {
        pending.push({ value, key, parent: node, depth: node.depth + 1 });
      }
    }
  }
  return issues.reverse();
}

/**
 * Refuses a request whose path, query or JSON body holds what no route accepts (see refusedIn), as
 * 400 `validation-failed` naming the field: one check for every route, before any of them parses.
 */
export const guardInput: RequestHandler = (req, _res, next) => {
  const issues = [...refusedIn(req.params), ...refusedIn(req.query), ...refusedIn(req.body)];
  if (issues.length > 0) {
    throw new AppError(400, 'validation-failed', 'The request is not valid.', { errors: issues });
  }
  next();
};
