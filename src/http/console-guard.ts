/**
 * The staff console's gate. Every page under `/console` needs a logged-in user; a user with a
 * pending one-time password may only reach `/console/password` until it is changed. The auth
 * module installs {@link consoleGuardHook} for every `/console…` URL; route modules may also put
 * {@link requireStaffPage} in a route's own `onRequest` (it is idempotent).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The password-change page: the one console page a user with a pending change may see. */
export const PASSWORD_PAGE = '/console/password';

/** Whether a URL (path with optional query) is a console page. */
export function isConsoleUrl(url: string): boolean {
  return /^\/console(?:[/?#]|$)/.test(url);
}

/**
 * Redirects (303) an anonymous visitor to `/login?next=<this url>` and a user with a pending
 * password change to `/console/password`; does nothing for a usable staff session.
 * Use as a route's `onRequest` hook: `app.get('/console/x', { onRequest: requireStaffPage }, …)`.
 */
export function requireStaffPage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  // Not `async`, and always a promise: fastify stops the hook chain when the reply has been sent.
  if (reply.sent) return Promise.resolve();
  const actor = request.actor;
  if (actor.kind === 'public') {
    const next = request.method === 'GET' ? request.url : '/console';
    void reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
  } else if (actor.kind === 'user' && actor.mustChangePassword && request.url.split('?')[0] !== PASSWORD_PAGE) {
    void reply.redirect(PASSWORD_PAGE, 303);
  }
  return Promise.resolve();
}

/** A global `onRequest` hook applying {@link requireStaffPage} to every `/console…` URL. */
export function consoleGuardHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return isConsoleUrl(request.url) ? requireStaffPage(request, reply) : Promise.resolve();
}
