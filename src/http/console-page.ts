/**
 * Helpers of console routes: the page around a body, and which errors a form shows inline (next to
 * its fields) rather than as an error page.
 */
import type { FastifyRequest } from 'fastify';
import type { GongkaiError } from '../shared/errors.ts';
import { toGongkaiError } from './error-handler.ts';
import type { SafeHtml } from './html.ts';
import { renderPage } from './views/layout.ts';

/** A console page: the layout with the request's actor, the form token and an optional notice. */
export function consolePage(request: FastifyRequest, csrf: string, title: string, body: SafeHtml, notice?: string): string {
  return renderPage({ title, area: 'console', actor: request.actor, csrfToken: csrf, body, ...(notice ? { notice } : {}) });
}

/**
 * The error as a known `GongkaiError` when its code is shown inline by this form.
 * @throws the error itself otherwise (the app's error handler renders it)
 */
export function inlineErrorOf(error: unknown, inline: ReadonlySet<string>): GongkaiError {
  const known = toGongkaiError(error);
  if (!known || !inline.has(known.code)) throw error;
  return known;
}
