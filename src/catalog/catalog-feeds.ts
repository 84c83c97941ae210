/**
 * Machine-readable views of the published catalog: Atom and RSS feeds (the `feed` package), the
 * sitemap (sitemaps.org 0.9, with an index when over 50,000 URLs) and robots.txt. Pure: takes the
 * items and the public base URL, returns text. All URLs are absolute (`config.publicUrl`).
 */
import { Feed } from 'feed';
import { escapeHtml } from '../reports/render/render-html.ts';
import { chinaDate } from '../shared/clock.ts';
import type { Organization } from '../organizations/organization.ts';
import type { PublicItemSummary } from './catalog-public.repository.ts';
import type { SitemapSource } from './catalog-public.service.ts';

/** The sitemaps.org limit of URLs per file. */
export const SITEMAP_MAX_URLS = 50_000;

/** Midnight China time of a `YYYY-MM-DD` date. */
function chinaMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/**
 * A feed of published items.
 * @param organization the feed's organization, null for all organizations
 * @param format `atom` (Atom 1.0) or `rss` (RSS 2.0)
 * @param fallbackUpdated the feed's `updated` when it has no items (the clock's now)
 */
export function buildFeed(publicUrl: string, organization: Organization | null, items: readonly PublicItemSummary[], format: 'atom' | 'rss', fallbackUpdated: Date): string {
  const key = organization ? String(organization.id) : 'all';
  const title = organization ? `${organization.name} 政府信息公开` : '政府信息公开：最新信息';
  const home = organization ? `${publicUrl}/catalog?org=${organization.id}` : `${publicUrl}/catalog`;
  const newest = items[0]?.publicationDate;
  const feed = new Feed({
    id: `${publicUrl}/feeds/${key}.atom`,
    title,
    description: organization ? `${organization.name}主动公开的政府信息` : '主动公开的政府信息',
    link: home,
    language: 'zh-CN',
    updated: newest ? chinaMidnight(newest) : fallbackUpdated,
    generator: 'gongkai',
    copyright: organization ? organization.name : '政府信息公开',
    feedLinks: { atom: `${publicUrl}/feeds/${key}.atom`, rss: `${publicUrl}/feeds/${key}.rss` },
  });
  for (const item of items) {
    const url = `${publicUrl}/items/${item.id}`;
    // The feed package marks entry titles and summaries as HTML (type="html"), so plain text is
    // escaped: a title such as 关于<b>…</b> must show as written, not as markup in a reader.
    feed.addItem({
      title: escapeHtml(item.title),
      id: url,
      link: url,
      date: chinaMidnight(item.publicationDate),
      published: chinaMidnight(item.publicationDate),
      description: escapeHtml(item.summary ?? [item.documentNumber, item.issuingAgency].filter((s) => s).join(' ')),
      author: [{ name: item.issuingAgency }],
    });
  }
  return format === 'atom' ? feed.atom1() : feed.rss2();
}

/** One sitemap URL. */
interface SitemapUrl {
  loc: string;
  lastmod: string;
}

/** Every sitemap URL: each organization's OGI guide (lastmod: its last change, China date), then each published item. */
function sitemapUrls(publicUrl: string, source: SitemapSource): SitemapUrl[] {
  return [
    ...source.organizations.map((o) => ({ loc: `${publicUrl}/organizations/${o.id}`, lastmod: chinaDate(new Date(o.updatedAt)) })),
    ...source.items.map((i) => ({ loc: `${publicUrl}/items/${i.id}`, lastmod: i.publicationDate })),
  ];
}

function urlset(urls: readonly SitemapUrl[]): string {
  const body = urls.map((u) => `<url><loc>${escapeHtml(u.loc)}</loc>${u.lastmod ? `<lastmod>${escapeHtml(u.lastmod)}</lastmod>` : ''}</url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/**
 * `/sitemap.xml`: the URL set itself when it fits in one file, else a sitemap index pointing at
 * `/sitemaps/1.xml` … (see {@link sitemapPart}).
 */
export function buildSitemap(publicUrl: string, source: SitemapSource): string {
  const urls = sitemapUrls(publicUrl, source);
  if (urls.length <= SITEMAP_MAX_URLS) return urlset(urls);
  const parts = Math.ceil(urls.length / SITEMAP_MAX_URLS);
  const entries = Array.from({ length: parts }, (_, i) => `<sitemap><loc>${escapeHtml(`${publicUrl}/sitemaps/${i + 1}.xml`)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</sitemapindex>\n`;
}

/** Part `n` (1-based) of a split sitemap, or null when there is no such part. */
export function sitemapPart(publicUrl: string, source: SitemapSource, n: number): string | null {
  const urls = sitemapUrls(publicUrl, source);
  if (urls.length <= SITEMAP_MAX_URLS || n < 1) return null;
  const slice = urls.slice((n - 1) * SITEMAP_MAX_URLS, n * SITEMAP_MAX_URLS);
  return slice.length === 0 ? null : urlset(slice);
}

/** robots.txt: the portal is open to crawlers; the console, the API, login and search result pages are not. */
export function buildRobotsTxt(publicUrl: string): string {
  return ['User-agent: *', 'Disallow: /console', 'Disallow: /api/', 'Disallow: /login', 'Disallow: /search', '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');
}
