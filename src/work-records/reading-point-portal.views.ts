/**
 * The portal page of public reading points (政府信息公开查阅点, 2019 art. 25): where the public can
 * consult government information in person. Pure rendering.
 */
import { html } from '../http/html.ts';
import type { SafeHtml } from '../http/html.ts';
import type { PublicReadingPoint } from './work-record.repository.ts';

/** The page GET /reading-points: the points open on `date` (China time), by organization. */
export function readingPointsPortalPage(o: { date: string; points: readonly PublicReadingPoint[] }): SafeHtml {
  return html`<h1>政府信息公开查阅点</h1>
<p>《中华人民共和国政府信息公开条例》第二十五条规定，各级人民政府应当在国家档案馆、公共图书馆、政务服务场所设置政府信息查阅场所，并配备相应的设施、设备，为公民、法人和其他组织获取政府信息提供便利。以下为 ${o.date} 开放的查阅点。</p>
${o.points.length === 0
    ? html`<p>暂无开放的查阅点。</p>`
    : html`<table><caption>开放中的查阅点（共 ${o.points.length} 个）</caption>
<thead><tr><th scope="col">名称</th><th scope="col">地址</th><th scope="col">开放时间</th><th scope="col">设置机关</th></tr></thead>
<tbody>${o.points.map(({ point, organizationName }) => html`<tr><th scope="row">${point.name}</th><td>${point.address}</td><td>${point.openingHours ?? '请咨询设置机关'}</td><td>${organizationName}</td></tr>`)}</tbody></table>`}`;
}
