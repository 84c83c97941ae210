/**
 * The public portal's catalog pages (issue 3 items 6–7; 2019 art. 23–24): home (/), browse
 * (/catalog), the item page (/items/:id) and its attachment downloads, Atom/RSS feeds
 * (/feeds/:orgId.atom|.rss, /feeds/all.atom), the sitemap and robots.txt. Published items only
 * (catalog-public.service.ts); anything else is a 404, withdrawn items included.
 */
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import type { AppContext, GongkaiApp } from '../http/context.ts';
import { contentDisposition } from '../http/uploads.ts';
import { renderPage } from '../http/views/layout.ts';
import { html } from '../http/html.ts';
import { organizationDepth } from '../organizations/organization.ts';
import { GongkaiError } from '../shared/errors.ts';
import { GENRES } from './catalog-item.ts';
import { buildFeed, buildRobotsTxt, buildSitemap, sitemapPart } from './catalog-feeds.ts';
import { getFeedSource, getPublicAttachment, getPublicItem, getSitemapSource, listPublicItems, portalOrganizations, subjectCategoryOptions } from './catalog-public.service.ts';
import { browseBody, homeBody, itemBody } from './catalog-portal.views.ts';
import type { BrowseParams } from './catalog-portal.views.ts';

/** Items per page of the browse page. */
export const BROWSE_PAGE_SIZE = 20;
/** Items on the home page. */
const HOME_ITEMS = 10;

/** An empty form field counts as absent. */
const blankToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);

const browseQuery = z.object({
  org: z.preprocess(blankToUndefined, z.coerce.number().int().positive().max(2_147_483_647).optional()),
  category: z.preprocess(blankToUndefined, z.string().max(80).optional()),
  genre: z.preprocess(blankToUndefined, z.enum(GENRES.map((g) => g.code) as [string, ...string[]]).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});

/** A numeric id from a path segment; anything else is a page that does not exist. */
function pathId(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > 2_147_483_647) throw new GongkaiError('NOT_FOUND');
  return Number(value);
}


/** Registers the routes of this module. */
export function catalogPortalRoutes(app: GongkaiApp, ctx: AppContext): Promise<void> {
  const page = (title: string, request: { actor: Parameters<typeof renderPage>[0]['actor'] }, body: ReturnType<typeof html>, head?: ReturnType<typeof html>): string =>
    renderPage({ title, area: 'portal', actor: request.actor, body, ...(head ? { head } : {}) });

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const [newest, organizations] = await Promise.all([
      listPublicItems(ctx, request.actor, { page: 1, pageSize: HOME_ITEMS }),
      portalOrganizations(ctx, request.actor),
    ]);
    // The region's top governments and their direct departments and subordinate governments.
    const top = organizations.filter((o) => organizationDepth(o.path) <= 1);
    const head = html`<link rel="alternate" type="application/atom+xml" title="最新信息" href="/feeds/all.atom">`;
    return reply.type('text/html; charset=utf-8').send(page('首页', request, homeBody(newest.items, top), head));
  });

  app.get('/catalog', { schema: { hide: true, querystring: browseQuery } }, async (request, reply) => {
    const q = request.query;
    const params: BrowseParams = {};
    if (q.org !== undefined) params.org = q.org;
    if (q.category !== undefined) params.category = q.category;
    if (q.genre !== undefined) params.genre = q.genre;
    const [result, organizations, categories] = await Promise.all([
      listPublicItems(ctx, request.actor, { ...(q.org !== undefined ? { organizationId: q.org } : {}), ...(q.category !== undefined ? { subjectCategory: q.category } : {}), ...(q.genre !== undefined ? { genre: q.genre } : {}), page: q.page, pageSize: BROWSE_PAGE_SIZE }),
      portalOrganizations(ctx, request.actor),
      subjectCategoryOptions(ctx, request.actor),
    ]);
    const head = result.organization ? html`<link rel="alternate" type="application/atom+xml" title="${result.organization.name}" href="/feeds/${result.organization.id}.atom">` : undefined;
    return reply.type('text/html; charset=utf-8').send(page('政府信息公开目录', request, browseBody({ result, params, organizations, categories }), head));
  });

  app.get('/items/:id', { schema: { hide: true, params: z.object({ id: z.string() }) } }, async (request, reply) => {
    const id = pathId(request.params.id);
    const [detail, categories] = await Promise.all([getPublicItem(ctx, request.actor, id), subjectCategoryOptions(ctx, request.actor)]);
    const head = html`<link rel="canonical" href="${ctx.config.publicUrl}/items/${id}">`;
    return reply.type('text/html; charset=utf-8').send(page(detail.item.title, request, itemBody(detail, categories), head));
  });

  app.get('/items/:id/attachments/:attachmentId', { schema: { hide: true, params: z.object({ id: z.string(), attachmentId: z.string() }) } }, async (request, reply) => {
    const { attachment, filePath } = await getPublicAttachment(ctx, request.actor, pathId(request.params.id), pathId(request.params.attachmentId));
    return reply
      .type(attachment.mediaType)
      .header('Content-Disposition', contentDisposition(attachment.fileName))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'public, max-age=3600')
      .send(createReadStream(filePath));
  });

  app.get('/feeds/:file', { schema: { hide: true, params: z.object({ file: z.string() }) } }, async (request, reply) => {
    const match = /^(all|[1-9]\d{0,9})\.(atom|rss)$/.exec(request.params.file);
    if (!match) throw new GongkaiError('NOT_FOUND');
    const format = match[2] === 'rss' ? 'rss' : 'atom';
    const source = await getFeedSource(ctx, request.actor, match[1] === 'all' ? null : pathId(match[1] ?? ''));
    const xml = buildFeed(ctx.config.publicUrl, source.organization, source.items, format, ctx.clock.now());
    return reply
      .type(format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .send(xml);
  });

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    const source = await getSitemapSource(ctx, request.actor);
    return reply.type('application/xml; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(buildSitemap(ctx.config.publicUrl, source));
  });

  app.get('/sitemaps/:file', { schema: { hide: true, params: z.object({ file: z.string() }) } }, async (request, reply) => {
    const match = /^([1-9]\d{0,4})\.xml$/.exec(request.params.file);
    if (!match) throw new GongkaiError('NOT_FOUND');
    const xml = sitemapPart(ctx.config.publicUrl, await getSitemapSource(ctx, request.actor), Number(match[1]));
    if (xml === null) throw new GongkaiError('NOT_FOUND');
    return reply.type('application/xml; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(xml);
  });

  app.get('/robots.txt', { schema: { hide: true } }, (_request, reply) => reply.type('text/plain; charset=utf-8').send(buildRobotsTxt(ctx.config.publicUrl)));

  return Promise.resolve();
}
