// whosaid page: reads its state from the URL, asks the JSON API, draws with DOM nodes.
// Article text only ever reaches the page through textContent / text nodes, never as markup,
// and a link is made only from an http(s) URL.
'use strict';

const FIELDS = ['q', 'speaker', 'org', 'outlet', 'since', 'until', 'kind', 'sort'];
const PAGE = 20;
const enc = new TextEncoder();
const dec = new TextDecoder();
let generation = 0; // answers to an older navigation are dropped

const $ = (id) => document.getElementById(id);

// el('p', {class: 'x'}, 'text', child…): attributes are set as attributes, children as nodes;
// strings become text nodes.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined && c !== false) e.append(c);
  }
  return e;
}

function svgEl(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

// Only web links: a javascript:, data: or file: URL in an article is shown as text, not linked.
function safeHref(u) {
  if (!u) return null;
  try {
    const x = new URL(u);
    return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null;
  } catch (_) {
    return null;
  }
}

function state() {
  return new URLSearchParams(location.search);
}

function apiParams(p, extra) {
  const out = new URLSearchParams();
  for (const k of FIELDS) {
    const v = p.get(k);
    if (v) out.set(k, v);
  }
  if (!out.get('q')) out.set('q', '*');
  for (const [k, v] of Object.entries(extra || {})) out.set(k, v);
  return out;
}

function pageUrl(p) {
  const s = p.toString();
  return s ? '?' + s : location.pathname;
}

function navigate(p) {
  history.pushState(null, '', pageUrl(p));
  render();
}

async function getJSON(url) {
  const r = await fetch(url, {headers: {Accept: 'application/json'}});
  let body = null;
  try {
    body = await r.json();
  } catch (_) {
    // not JSON: reported below by status
  }
  if (!r.ok) {
    const msg = body && body.error ? body.error.message : 'HTTP ' + r.status;
    throw new Error(msg);
  }
  return body;
}

function showError(e) {
  const box = $('error');
  box.textContent = String(e && e.message ? e.message : e);
  box.hidden = false;
}

// The quote with its matched words in <mark>: highlights and fragments are byte ranges of the
// UTF-8 quote, so slicing happens on the bytes.
function quoteNode(hit) {
  const bytes = enc.encode(hit.quote);
  const q = el('blockquote', {class: 'quote'});
  const frags = hit.fragments && hit.fragments.length ? hit.fragments : [[0, bytes.length]];
  const marks = (hit.highlights || []).slice().sort((a, b) => a[0] - b[0]);
  frags.forEach(([fa, fb], i) => {
    if (i > 0 || fa > 0) q.append('… ');
    let at = fa;
    for (const [ma, mb] of marks) {
      if (mb <= fa || ma >= fb) continue;
      const a = Math.max(ma, fa);
      const b = Math.min(mb, fb);
      if (a > at) q.append(dec.decode(bytes.slice(at, a)));
      q.append(el('mark', {}, dec.decode(bytes.slice(a, b))));
      at = b;
    }
    if (at < fb) q.append(dec.decode(bytes.slice(at, fb)));
    if (fb < bytes.length && i === frags.length - 1) q.append(' …');
  });
  return q;
}

function sep(parent) {
  if (parent.childNodes.length) parent.append(' · ');
}

function metaNode(st) {
  const m = el('p', {class: 'meta'});
  const who = el('span', {class: 'who'});
  who.append(el('span', {class: 'speaker'}, st.speaker || st.speaker_mention || 'unresolved source'));
  if (st.role) who.append(', ', el('span', {class: 'role'}, st.role));
  if (st.organisation) who.append(' (', el('span', {class: 'org'}, st.organisation), ')');
  m.append(who);
  sep(m);
  m.append(el('span', {class: 'kind kind-' + st.kind}, st.kind));
  if (st.date) {
    sep(m);
    m.append(el('time', {datetime: st.date}, st.date));
  }
  if (st.outlet) {
    sep(m);
    m.append(el('span', {class: 'outlet'}, st.outlet));
  }
  const href = safeHref(st.url);
  if (href) {
    sep(m);
    m.append(el('a', {class: 'source', href, target: '_blank', rel: 'noopener noreferrer'}, 'source'));
  } else if (st.url) {
    sep(m);
    m.append(el('span', {class: 'source-text', title: 'not a web link'}, st.url));
  }
  sep(m);
  const p = state();
  p.set('id', st.id);
  m.append(el('a', {class: 'open', href: pageUrl(p)}, 'statement'));
  return m;
}

function hitNode(hit) {
  const a = el('article', {class: 'hit', 'data-id': hit.id});
  a.append(quoteNode(hit), metaNode(hit));
  if (hit.matched_in && hit.matched_in.length) {
    a.append(el('p', {class: 'matched'}, 'matched in: ' + hit.matched_in.join(', ')));
  }
  if (hit.sources && hit.sources.length > 1) {
    const list = hit.sources.map((s) => (s.outlet || s.path) + (s.date ? ' (' + s.date + ')' : ''));
    a.append(el('p', {class: 'copies'}, 'Reported by ' + hit.sources.length + ': ' + list.join('; ')));
  }
  return a;
}

function groupNode(g) {
  const name = g.group_by === 'organisation' ? g.organisation : g.speaker;
  const sec = el('section', {class: 'group'});
  const head = el('h2', {}, el('span', {class: 'group-name'}, name || 'unresolved sources'));
  const facts = [];
  if (g.role) facts.push(g.role);
  if (g.organisation && g.group_by !== 'organisation') facts.push(g.organisation);
  if (facts.length) head.append(el('span', {class: 'group-role'}, ' ' + facts.join(', ')));
  sec.append(head);
  const span = g.first_date ? g.first_date + (g.last_date !== g.first_date ? ' to ' + g.last_date : '') : 'undated';
  sec.append(el('p', {class: 'group-facts'},
    g.statements + (g.statements === 1 ? ' statement, ' : ' statements, ') + span + ' ',
    el('span', {class: 'spark', 'aria-hidden': 'true'}, g.sparkline || '')));
  if (g.speakers && g.speakers.length) {
    sec.append(el('p', {class: 'group-speakers'}, 'Speakers: ' + g.speakers.join(', ')));
  }
  for (const h of g.top) sec.append(hitNode(h));
  return sec;
}

function drawTimeline(t) {
  const box = $('timeline');
  const svg = $('chart');
  svg.replaceChildren();
  if (!t.buckets.length) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  const p = state();
  $('timeline-title').textContent =
    t.statements + ' statements by ' + t.interval + (t.undated ? ' (' + t.undated + ' undated)' : '') +
    ' — click a bar to narrow the dates';
  const clear = $('timeline-clear');
  clear.hidden = !(p.get('since') || p.get('until'));
  const W = Math.max(svg.clientWidth || 800, 200);
  const H = 120;
  const axis = 18;
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  const max = Math.max(...t.buckets.map((b) => b.count), 1);
  const bw = W / t.buckets.length;
  t.buckets.forEach((b, i) => {
    const h = b.count ? Math.max(2, (b.count / max) * (H - axis - 4)) : 0;
    const g = svgEl('g', {class: 'bar-slot'});
    // The whole column is clickable, so thin bars are easy to hit.
    const hit = svgEl('rect', {
      class: 'bar' + (b.count ? '' : ' empty'), x: i * bw, y: 0, width: Math.max(bw, 1), height: H - axis,
      'data-start': b.start, 'data-end': b.end, 'data-count': b.count,
    });
    const bar = svgEl('rect', {
      class: 'fill', x: i * bw + Math.min(1, bw / 4), y: H - axis - h, width: Math.max(bw - Math.min(2, bw / 2), 1), height: h,
    });
    const title = svgEl('title', {});
    title.textContent = b.start + (b.end !== b.start ? ' to ' + b.end : '') + ': ' + b.count;
    hit.append(title);
    g.append(bar, hit);
    hit.addEventListener('click', () => {
      const q = state();
      q.set('since', b.start);
      q.set('until', b.end);
      q.delete('id');
      navigate(q);
    });
    svg.append(g);
  });
  const first = svgEl('text', {x: 2, y: H - 4, class: 'axis'});
  first.textContent = t.buckets[0].start;
  const last = svgEl('text', {x: W - 2, y: H - 4, class: 'axis', 'text-anchor': 'end'});
  last.textContent = t.buckets[t.buckets.length - 1].end;
  svg.append(first, last);
}

function fillForm(p) {
  for (const k of FIELDS) $(k).value = p.get(k) || '';
  const view = p.get('view') || 'results';
  for (const a of document.querySelectorAll('#views a')) {
    const q = state();
    q.delete('id');
    q.set('view', a.dataset.view);
    a.href = pageUrl(q);
    a.classList.toggle('active', a.dataset.view === view);
  }
}

function hasQuestion(p) {
  return FIELDS.some((k) => k !== 'sort' && p.get(k));
}

async function render() {
  const gen = ++generation;
  const p = state();
  fillForm(p);
  $('error').hidden = true;
  $('status').textContent = '';
  const id = p.get('id');
  $('statement').hidden = !id;
  for (const s of ['results', 'timeline', 'pager']) if (id) $(s).hidden = true;
  if (id) return renderStatement(gen, id);
  $('results').hidden = false;
  $('results').replaceChildren();
  $('pager').hidden = true;
  if (!hasQuestion(p)) {
    $('timeline').hidden = true;
    $('status').textContent = 'Ask who said what: type words or a "phrase", or fill a filter.';
    return;
  }
  $('status').textContent = 'Searching…';
  const view = p.get('view') || 'results';
  try {
    const tl = getJSON('/api/timeline?' + apiParams(p));
    const list = view === 'who' ? loadGroups(gen, p, 0) : loadHits(gen, p, 0);
    // Both settle before either error is shown, so no rejection goes unhandled.
    const [t] = await Promise.all([tl, list]);
    if (gen !== generation) return;
    drawTimeline(t);
  } catch (e) {
    if (gen === generation) {
      $('status').textContent = '';
      showError(e);
    }
  }
}

async function loadHits(gen, p, offset) {
  const r = await getJSON('/api/search?' + apiParams(p, {limit: PAGE, offset}));
  if (gen !== generation) return;
  for (const h of r.hits) $('results').append(hitNode(h));
  const shown = offset + r.hits.length;
  if (!shown) {
    $('status').textContent = 'No statement matches' + (r.why_empty ? ': ' + r.why_empty : '.');
  } else {
    $('status').textContent = shown + (r.hits.length === PAGE ? '+' : '') + ' statements';
  }
  const more = $('more');
  $('pager').hidden = r.hits.length < PAGE;
  more.onclick = (ev) => {
    ev.preventDefault();
    loadHits(generation, state(), shown).catch(showError);
  };
}

async function loadGroups(gen, p, offset) {
  const r = await getJSON('/api/who?' + apiParams(p, {limit: PAGE, offset, per_speaker: 3}));
  if (gen !== generation) return;
  for (const g of r.groups) $('results').append(groupNode(g));
  const shown = offset + r.groups.length;
  $('status').textContent = shown
    ? shown + (r.groups.length === PAGE ? '+' : '') + ' speakers'
    : 'No statement matches.';
  $('pager').hidden = r.groups.length < PAGE;
  $('more').onclick = (ev) => {
    ev.preventDefault();
    loadGroups(generation, state(), shown).catch(showError);
  };
}

// The context with each piece of the quote marked where it occurs.
function contextNode(st) {
  const p = el('p', {class: 'context'});
  const ctx = st.context || '';
  let at = 0;
  for (const piece of st.quote.split(' … ')) {
    const i = piece ? ctx.indexOf(piece, at) : -1;
    if (i < 0) continue;
    p.append(ctx.slice(at, i), el('mark', {}, piece));
    at = i + piece.length;
  }
  p.append(ctx.slice(at));
  return p;
}

async function renderStatement(gen, id) {
  const box = $('statement');
  box.replaceChildren();
  try {
    const r = await getJSON('/api/statement/' + encodeURIComponent(id));
    if (gen !== generation) return;
    const st = r.statement;
    const back = state();
    back.delete('id');
    box.append(el('p', {}, el('a', {class: 'back', href: pageUrl(back)}, '← back to the results')));
    box.append(el('blockquote', {class: 'quote full'}, st.quote));
    box.append(metaNode(st));
    const dl = el('dl', {class: 'facts'});
    const row = (k, v) => {
      if (v !== null && v !== undefined && v !== '') dl.append(el('dt', {}, k), el('dd', {}, String(v)));
    };
    row('Speaker', st.speaker);
    row('Named in the text as', st.speaker_mention);
    row('Role', st.role);
    row('Organisation', st.organisation);
    row('Cue', st.cue);
    row('Kind', st.kind);
    row('Date', st.date);
    row('Outlet', st.outlet);
    row('Title', st.title);
    row('Author', st.author);
    row('URL', st.url);
    row('Confidence', st.confidence.toFixed(2));
    row('Statement id', st.id);
    box.append(dl, el('h2', {}, 'Context'), contextNode(st));
  } catch (e) {
    if (gen === generation) showError(e);
  }
}

function onSubmit(ev) {
  ev.preventDefault();
  const old = state();
  const p = new URLSearchParams();
  for (const k of FIELDS) {
    const v = $(k).value.trim();
    if (v) p.set(k, v);
  }
  if (old.get('view')) p.set('view', old.get('view'));
  navigate(p);
}

document.addEventListener('DOMContentLoaded', () => {
  $('search').addEventListener('submit', onSubmit);
  for (const k of ['kind', 'sort', 'since', 'until']) $(k).addEventListener('change', onSubmit);
  for (const a of document.querySelectorAll('#views a')) {
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      const p = state();
      p.delete('id');
      p.set('view', a.dataset.view);
      navigate(p);
    });
  }
  $('timeline-clear').addEventListener('click', (ev) => {
    ev.preventDefault();
    const p = state();
    p.delete('since');
    p.delete('until');
    navigate(p);
  });
  // Links inside the page (statement, back) change the view without a reload.
  document.body.addEventListener('click', (ev) => {
    const a = ev.target.closest && ev.target.closest('a.open, a.back');
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    ev.preventDefault();
    history.pushState(null, '', a.getAttribute('href'));
    render();
    window.scrollTo(0, 0);
  });
  window.addEventListener('popstate', render);
  render();
});
