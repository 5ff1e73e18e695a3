// A small Markdown reader for journal entries: the text becomes a tree of
// plain nodes ({t: tag, c: children, href?}) whose leaves are strings, and
// toDom() builds DOM from it with text nodes only — never innerHTML — so a
// <script> written in an entry shows as those characters. Covered: headings,
// paragraphs (a single newline is a line break, as in most note apps),
// lists, quotes, code blocks, rules, simple tables, **bold**, *italic*,
// ~~strike~~, `code` and [links](https://…) (http, https and mailto only;
// any other link stays text).

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

// Inline markup → children (strings and nodes).
export function inline(text) {
  const out = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    let m;
    if (rest[0] === '\\' && rest.length > 1 && /[\\`*_~[\]()#>|-]/.test(rest[1])) {
      plain += rest[1];
      i += 2;
      continue;
    }
    if ((m = /^`([^`]+)`/.exec(rest))) {
      flush();
      out.push({ t: 'code', c: [m[1]] });
    } else if ((m = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest))) {
      flush();
      out.push({ t: 'strong', c: inline(m[2]) });
    } else if ((m = /^~~(?=\S)([\s\S]*?\S)~~/.exec(rest))) {
      flush();
      out.push({ t: 'del', c: inline(m[1]) });
    } else if ((m = /^(\*|_)(?=\S)([\s\S]*?\S)\1(?!\1)/.exec(rest)) && !(m[1] === '_' && /\w$/.test(plain))) {
      flush();
      out.push({ t: 'em', c: inline(m[2]) });
    } else if ((m = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest))) {
      flush();
      if (SAFE_URL.test(m[2])) out.push({ t: 'a', href: m[2], c: inline(m[1]) });
      else out.push(m[0]);
    } else {
      plain += rest[0];
      i += 1;
      continue;
    }
    i += m[0].length;
  }
  flush();
  return out;
}

// Lines joined by line breaks, each read for inline markup.
function lines(ls) {
  const out = [];
  ls.forEach((l, k) => {
    if (k) out.push({ t: 'br', c: [] });
    out.push(...inline(l.trim()));
  });
  return out;
}

const isTableRow = (l) => /^\s*\|.*\|\s*$/.test(l);
const isTableRule = (l) => /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(l);
const cells = (l) => l.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;
const FENCE = /^\s*(```|~~~)/;
const QUOTE = /^\s*>\s?(.*)$/;

// Markdown text → the list of block nodes.
export function parse(text) {
  const src = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  const blocks = [];
  let i = 0;
  const startsBlock = (l) =>
    HEADING.test(l) || RULE.test(l) || BULLET.test(l) || NUMBERED.test(l) || FENCE.test(l) || QUOTE.test(l);
  while (i < src.length) {
    const line = src[i];
    let m;
    if (!line.trim()) {
      i += 1;
    } else if ((m = FENCE.exec(line))) {
      const code = [];
      i += 1;
      while (i < src.length && !src[i].trim().startsWith(m[1])) code.push(src[i++]);
      i += 1;
      blocks.push({ t: 'pre', c: [{ t: 'code', c: [code.join('\n')] }] });
    } else if ((m = HEADING.exec(line))) {
      blocks.push({ t: `h${m[1].length}`, c: inline(m[2]) });
      i += 1;
    } else if (RULE.test(line)) {
      blocks.push({ t: 'hr', c: [] });
      i += 1;
    } else if (QUOTE.test(line)) {
      const inner = [];
      while (i < src.length && (m = QUOTE.exec(src[i]))) {
        inner.push(m[1]);
        i += 1;
      }
      blocks.push({ t: 'blockquote', c: parse(inner.join('\n')) });
    } else if (BULLET.test(line) || NUMBERED.test(line)) {
      const ordered = !BULLET.test(line);
      const re = ordered ? NUMBERED : BULLET;
      const items = [];
      const first = ordered ? Number(NUMBERED.exec(line)[1]) : 1;
      while (i < src.length && src[i].trim()) {
        if ((m = re.exec(src[i]))) items.push([ordered ? m[2] : m[1]]);
        else if (/^\s+\S/.test(src[i]) && items.length) items[items.length - 1].push(src[i]);
        else break;
        i += 1;
      }
      const list = { t: ordered ? 'ol' : 'ul', c: items.map((it) => ({ t: 'li', c: lines(it) })) };
      if (ordered && first !== 1) list.start = first;
      blocks.push(list);
    } else if (isTableRow(line) && i + 1 < src.length && isTableRule(src[i + 1])) {
      const head = cells(line);
      i += 2;
      const rows = [];
      while (i < src.length && isTableRow(src[i])) rows.push(cells(src[i++]));
      blocks.push({
        t: 'table',
        c: [
          { t: 'thead', c: [{ t: 'tr', c: head.map((x) => ({ t: 'th', c: inline(x) })) }] },
          { t: 'tbody', c: rows.map((r) => ({ t: 'tr', c: head.map((_, k) => ({ t: 'td', c: inline(r[k] ?? '') })) })) },
        ],
      });
    } else {
      const para = [];
      while (i < src.length && src[i].trim() && (para.length === 0 || !startsBlock(src[i]))) para.push(src[i++]);
      blocks.push({ t: 'p', c: lines(para) });
    }
  }
  return blocks;
}

// The tree as DOM: elements from a fixed list of tags, text as text nodes.
const TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'hr', 'br',
  'strong', 'em', 'del', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
export function toDom(nodes, doc = document) {
  const frag = doc.createDocumentFragment();
  for (const n of nodes) {
    if (typeof n === 'string') {
      frag.appendChild(doc.createTextNode(n));
      continue;
    }
    if (!TAGS.has(n.t)) continue;
    const el = doc.createElement(n.t);
    if (n.t === 'a') {
      el.setAttribute('href', n.href);
      el.setAttribute('rel', 'noopener noreferrer');
      el.setAttribute('target', '_blank');
    }
    if (n.start) el.setAttribute('start', String(n.start));
    el.appendChild(toDom(n.c, doc));
    frag.appendChild(el);
  }
  return frag;
}

// Markdown → a DocumentFragment.
export function render(text, doc = document) {
  return toDom(parse(text), doc);
}
