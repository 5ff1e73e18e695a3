// Builds DOM nodes. Text is always set as text (never parsed as HTML), so a
// company named <script>alert(1)</script> shows as those characters.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, ...children);
  return el;
}

export function append(el, ...children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, ...c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) {
    if (c === null || c === undefined) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Replaces el's children (arrays flattened; null, undefined and false skipped).
export function fill(el, ...children) {
  clear(el);
  append(el, ...children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

// 65000000 → "6,500만원"; 1.2억 style for large amounts.
export function krw(n) {
  if (n === null || n === undefined) return '—';
  const sign = n < 0 ? '−' : '';
  const v = Math.abs(n);
  if (v >= 1e8) {
    const eok = Math.floor(v / 1e8);
    const man = Math.round((v % 1e8) / 1e4);
    return `${sign}${eok}억${man ? ' ' + man.toLocaleString('ko-KR') + '만' : ''}원`;
  }
  if (v >= 1e4) return `${sign}${Math.round(v / 1e4).toLocaleString('ko-KR')}만원`;
  return `${sign}${v.toLocaleString('ko-KR')}원`;
}

export function pct(x, digits = 0) {
  if (x === null || x === undefined) return '—';
  return `${(x * 100).toFixed(digits)}%`;
}

export function field(label, input) {
  return h('label', { class: 'field' }, h('span', {}, label), input);
}
