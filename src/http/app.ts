/**
 * Builds the HTTP server: the REST API (`/api/…`, OpenAPI at `/api/openapi.json`), the public portal
 * and the staff console (server-rendered HTML). Security defaults live here, once:
 * - sessions: cookie `gk_session` (HttpOnly, SameSite=Lax, Secure behind https) for pages, `Authorization: Bearer` for the API;
 * - CSRF: every state-changing page request (form) must carry the token (`_csrf` field, `x-csrf-token`
 *   header or `?_csrf=` for multipart forms); the API ignores cookies, so it needs none;
 * - rate limits: routes opt in with `config.rateLimit` (login, public forms);
 * - security headers (CSP without inline scripts, no framing, no sniffing).
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC_ACTOR } from '../auth/actor.ts';
import { resolveSessionActor } from '../auth/session.service.ts';
import type { AppContext, GongkaiApp } from './context.ts';
import { isApiRequest, sendError } from './error-handler.ts';
import './request-context.ts';
import { ROUTE_MODULES } from './routes.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'gk_session';

function csrfToken(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === 'object' && typeof body['_csrf'] === 'string' ? body['_csrf'] : undefined;
  const fromHeader = request.headers['x-csrf-token'];
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.['_csrf'];
  return fromBody ?? (typeof fromHeader === 'string' ? fromHeader : undefined) ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
}

/**
 * Creates the app (not listening).
 * @param ctx the store (migrated), configuration and clock
 * @param options `logger`: false to silence (tests)
 */
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<GongkaiApp> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: ctx.config.logLevel },
    // Only trusted proxies may name the client: otherwise anyone could spoof X-Forwarded-For past the rate limits.
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const secure = ctx.config.publicUrl.startsWith('https://');
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: ctx.config.maxUploadBytes, files: 5, fields: 50 } });
  await app.register(fastifyCsrf, {
    cookieKey: 'gk_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure },
    getToken: csrfToken,
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'gongkai API', description: 'Open government information records: organizations, users, the proactive-disclosure catalog, search, audit; requests for disclosure under the statutory clock (cases, events, deadlines with their explanation, attachments, statistics), the deadline calculator and public tracking; the working-day calendar; reconsideration and litigation records.', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  // fastify 5 refuses an object default (FST_ERR_DEC_REFERENCE_TYPE): null here, set in onRequest below.
  app.decorateRequest<FastifyRequest['actor']>('actor', null as unknown as FastifyRequest['actor']);
  app.decorateRequest('authVia', 'none' as FastifyRequest['authVia']);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Content-Type-Options', 'nosniff');
    void reply.header('X-Frame-Options', 'DENY');
    void reply.header('Referrer-Policy', 'same-origin');
    void reply.header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'none'; frame-ancestors 'none'; form-action 'self'");
    request.actor = PUBLIC_ACTOR;
    request.authVia = 'none';
    let token: string | null = null;
    if (isApiRequest(request)) {
      const auth = request.headers.authorization;
      if (auth?.startsWith('Bearer ')) {
        token = auth.slice(7).trim();
        request.authVia = 'bearer';
      }
    } else {
      token = request.cookies[SESSION_COOKIE] ?? null;
      if (token) request.authVia = 'cookie';
    }
    if (token) {
      const actor = await resolveSessionActor(ctx.store.db, token, ctx.clock);
      if (actor) {
        request.actor = actor;
        request.sessionToken = token;
      } else {
        request.authVia = 'none';
        if (!isApiRequest(request)) void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
  });

  // CSRF for every state-changing page request; API requests never use cookies, so they are exempt.
  app.addHook('preHandler', (request, reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method) || isApiRequest(request)) {
      done();
      return;
    }
    app.csrfProtection(request, reply, done);
  });

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendError(Object.assign(new Error('not found'), { statusCode: 404 }), request, reply));

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/healthz', { schema: { hide: true } }, () => ({ ok: true }));

  for (const register of ROUTE_MODULES) await register(app, ctx);
  await app.ready();
  return app;
}
