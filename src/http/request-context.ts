/**
 * Per-request facts the edge attaches: the actor (from the session cookie on pages, from the
 * `Authorization: Bearer` token on the API) and how it authenticated (which decides CSRF).
 */
import type { Actor } from '../auth/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting: the public unless a valid session was presented. */
    actor: Actor;
    /** How the actor was authenticated: none, the page session cookie, or an API bearer token. */
    authVia: 'none' | 'cookie' | 'bearer';
    /** The raw session token presented (cookie or bearer), for logout. */
    sessionToken: string | null;
  }
}

export {};
