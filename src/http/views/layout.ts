/**
 * The page frame shared by the public portal and the staff console: language `zh-CN`, a skip link,
 * landmarks (header / nav / main / footer), a visible focus outline, AA-contrast colours, no
 * JavaScript required. Each page supplies its `<h1>` and content.
 */
import type { Actor } from '../../auth/actor.ts';
import { html, raw } from '../html.ts';
import type { SafeHtml } from '../html.ts';

/** What a page passes to the frame. */
export interface PageOptions {
  /** The `<title>` (the site name is appended). */
  title: string;
  /** Which navigation to show. */
  area: 'portal' | 'console';
  actor: Actor;
  /** The CSRF token for the logout form (console) and any other form on the page. */
  csrfToken?: string;
  /** The page's main content (should start with its `<h1>`). */
  body: SafeHtml;
  /** A flash message shown at the top of `<main>` (e.g. "已提交"), with role=status. */
  notice?: string;
  /** An error summary shown at the top of `<main>`, with role=alert. */
  error?: string;
  /** Extra `<head>` content (feed links, canonical URL). */
  head?: SafeHtml;
}

const STYLE = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--link:#0b4f9c;--accent:#9c1a1a;--bg:#fff;--line:#c8c8c8;--soft:#f3f5f8}
*{box-sizing:border-box}body{margin:0;font:16px/1.7 "Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
header.site{background:var(--accent);color:#fff;padding:12px 24px}header.site a{color:#fff;text-decoration:none;font-weight:bold;font-size:1.2em}
nav.main{background:var(--soft);border-bottom:1px solid var(--line);padding:6px 24px}nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:16px}
nav.main form{display:inline}main{max-width:1100px;margin:0 auto;padding:16px 24px}footer{border-top:1px solid var(--line);color:var(--muted);padding:12px 24px;font-size:.9em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}th{background:var(--soft)}
.meta{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:0;border:1px solid var(--line)}.meta dt,.meta dd{margin:0;padding:6px 8px;border:1px solid var(--line)}.meta dt{background:var(--soft);font-weight:bold}
.notice{background:#e7f4e4;border:1px solid #2e7d32;padding:8px 12px}.error{background:#fdecea;border:1px solid #b3261e;padding:8px 12px}
.field{margin:10px 0}.field label{display:block;font-weight:bold}.field input,.field select,.field textarea{font:inherit;padding:6px;border:1px solid #767676;max-width:100%;width:36em}
.field input[type=checkbox],.field input[type=radio]{width:auto}.field .hint{color:var(--muted);font-size:.9em}.field-error{color:#b3261e}
button,.button{font:inherit;padding:6px 14px;border:1px solid var(--link);background:var(--link);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary{background:#fff;color:var(--link)}mark{background:#ffe58f;color:inherit}.late{color:#b3261e;font-weight:bold}
.pager{display:flex;gap:12px;margin:12px 0}.tag{display:inline-block;border:1px solid var(--line);padding:0 6px;margin-right:4px;font-size:.9em}
`;

function nav(options: PageOptions): SafeHtml {
  if (options.area === 'portal') {
    return html`<ul>
      <li><a href="/">首页</a></li>
      <li><a href="/catalog">政府信息公开目录</a></li>
      <li><a href="/search">信息检索</a></li>
      <li><a href="/organizations">政府信息公开指南</a></li>
      <li><a href="/reports">年度报告</a></li>
      <li><a href="/requests/new">依申请公开</a></li>
      <li><a href="/requests/track">申请查询</a></li>
      <li><a href="/messages">咨询留言</a></li>
      <li><a href="/interaction">回应解读</a></li>
      <li><a href="/proposals">建议提案办理</a></li>
      <li><a href="/reading-points">查阅点</a></li>
      <li><a href="/deadline">期限计算器</a></li>
      <li><a href="/console">工作人员登录</a></li>
    </ul>`;
  }
  const actor = options.actor;
  return html`<ul>
      <li><a href="/console">工作台</a></li>
      <li><a href="/console/items">目录信息</a></li>
      <li><a href="/console/requests">依申请公开</a></li>
      <li><a href="/console/reviews">复议诉讼</a></li>
      <li><a href="/console/messages">留言办理</a></li>
      <li><a href="/console/hotline">12345热线</a></li>
      <li><a href="/console/engagement">回应解读</a></li>
      <li><a href="/console/proposals">建议提案</a></li>
      <li><a href="/console/work-records">工作台账</a></li>
      <li><a href="/console/reports">年度报告</a></li>
      <li><a href="/console/import">批量导入</a></li>
      <li><a href="/console/organizations">机构管理</a></li>
      <li><a href="/console/users">用户管理</a></li>
      <li><a href="/console/audit">审计日志</a></li>
      <li><a href="/console/calendar">工作日历</a></li>
      <li><a href="/">门户首页</a></li>
      ${actor.kind === 'user'
        ? html`<li><a href="/console/password">修改密码</a></li>
            <li><form method="post" action="/logout"><input type="hidden" name="_csrf" value="${options.csrfToken ?? ''}"><button type="submit" class="secondary">退出（${actor.displayName}）</button></form></li>`
        : ''}
    </ul>`;
}

/** Renders a whole page. */
export function renderPage(options: PageOptions): string {
  const siteName = options.area === 'portal' ? '政府信息公开' : '政府信息公开工作平台';
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - ${siteName}</title>
<style>${raw(STYLE)}</style>
${options.head ?? ''}
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site"><a href="${options.area === 'portal' ? '/' : '/console'}">${siteName}</a></header>
<nav class="main" aria-label="主导航">${nav(options)}</nav>
<main id="main" tabindex="-1">
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
${options.error ? html`<div class="error" role="alert">${options.error}</div>` : ''}
${options.body}
</main>
<footer>gongkai 政府信息公开平台 · 依据《中华人民共和国政府信息公开条例》（2019年修订）</footer>
</body>
</html>`.value;
}
