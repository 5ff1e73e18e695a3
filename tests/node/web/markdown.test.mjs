// The journal's Markdown reader (web/src/markdown.js): the tree it builds,
// and that nothing in an entry can become markup or a script link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, inline } from '../../../web/src/markdown.js';

// The tree's text, tags kept as <t>…</t>, for compact expectations.
function show(nodes) {
  return nodes.map((n) => (typeof n === 'string' ? n : `<${n.t}${n.href ? ` ${n.href}` : ''}>${show(n.c)}</${n.t}>`)).join('');
}

test('headings, paragraphs with line breaks, rules', () => {
  assert.equal(show(parse('# 첫 이직\n\n본문 첫 줄\n둘째 줄\n\n---\n### 끝 ###')),
    '<h1>첫 이직</h1><p>본문 첫 줄<br></br>둘째 줄</p><hr></hr><h3>끝</h3>');
});

test('inline markup: bold, italic, strike, code, escapes', () => {
  assert.equal(show(inline('**합격** 후 *수습* ~~연장~~ `make test` \\*별\\*')),
    '<strong>합격</strong> 후 <em>수습</em> <del>연장</del> <code>make test</code> *별*');
  assert.equal(show(inline('snake_case_name 그대로')), 'snake_case_name 그대로');
  assert.equal(show(inline('2 * 3 = 6')), '2 * 3 = 6');
});

test('lists, numbered lists from their first number, quotes, code blocks', () => {
  assert.equal(show(parse('- 서류\n- 코테\n  (온라인)\n\n3. 셋\n4. 넷')),
    '<ul><li>서류</li><li>코테<br></br>(온라인)</li></ul><ol><li>셋</li><li>넷</li></ol>');
  assert.equal(parse('3. 셋')[0].start, 3);
  assert.equal(show(parse('> 인용\n> 둘째')), '<blockquote><p>인용<br></br>둘째</p></blockquote>');
  assert.equal(show(parse('```\n<b>코드</b>\n**아님**\n```')), '<pre><code><b>코드</b>\n**아님**</code></pre>');
});

test('a simple table', () => {
  assert.equal(show(parse('| 날짜 | 회사 |\n|---|---|\n| 2024-03 | 토스 |')),
    '<table><thead><tr><th>날짜</th><th>회사</th></tr></thead><tbody><tr><td>2024-03</td><td>토스</td></tr></tbody></table>');
});

test('links only to http, https and mailto; others stay text', () => {
  assert.deepEqual(inline('[블로그](https://example.com/a)'), [{ t: 'a', href: 'https://example.com/a', c: ['블로그'] }]);
  for (const bad of ['[x](javascript:alert(1))', '[x](data:text/html,hi)', '[x](JaVaScRiPt:alert(1))', '[x](//evil.example)'])
    assert.ok(inline(bad).every((n) => typeof n === 'string'), bad);
});

test('HTML in the text stays text: every leaf is a string, no tag outside the fixed list', () => {
  const tree = parse('# <script>alert(1)</script>\n\n<img src=x onerror=alert(1)> **<b>굵게</b>**\n\n- <iframe>');
  const tags = [];
  const walk = (ns) => ns.forEach((n) => { if (typeof n !== 'string') { tags.push(n.t); walk(n.c); } });
  walk(tree);
  assert.deepEqual(tags, ['h1', 'p', 'strong', 'ul', 'li']);
  assert.match(show(tree), /<h1><script>alert\(1\)<\/script><\/h1>/);  // as text inside h1
});
