() => {
  const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return {r:p[0],g:p[1],b:p[2],a:p.length>3?p[3]:1}; };
  const lum = ({r,g,b}) => { const f = v => { v/=255; return v<=0.03928? v/12.92 : Math.pow((v+0.055)/1.055,2.4); };
    return 0.2126*f(r)+0.7152*f(g)+0.0722*f(b); };
  const bg = el => { const layers = []; for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
    let out = {r:255,g:255,b:255}; for (const c of layers.reverse()) out = {r:c.r*c.a+out.r*(1-c.a), g:c.g*c.a+out.g*(1-c.a), b:c.b*c.a+out.b*(1-c.a)};
    return out; };
  const bad = [];
  const root = document.querySelector('[data-testid=stApp]');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  while (walker.nextNode()) {
    const n = walker.currentNode; const el = n.parentElement;
    if (!n.textContent.trim() || seen.has(el)) continue; seen.add(el);
    const r = el.getBoundingClientRect(); if (r.width === 0 || r.height === 0) continue;
    const st = getComputedStyle(el); if (st.visibility === 'hidden' || st.display === 'none' || el.closest('[aria-hidden=true]')) continue;
    // a slider's value sits above its thumb, painted on the page, not on the thumb
    if (el.closest('[data-testid=stSliderThumbValue]')) continue;
    // WCAG 1.4.3 exempts inactive controls
    if (el.closest('button:disabled, [aria-disabled=true], [disabled]')) continue;
    const fg = parse(st.color); if (!fg) continue;
    const b = bg(el); const f = {r:fg.r*fg.a+b.r*(1-fg.a), g:fg.g*fg.a+b.g*(1-fg.a), b:fg.b*fg.a+b.b*(1-fg.a)};
    const L1 = lum(f), L2 = lum(b); const ratio = (Math.max(L1,L2)+0.05)/(Math.min(L1,L2)+0.05);
    if (ratio < 4.5) bad.push(ratio.toFixed(2) + ' ' + (el.closest('[data-testid]')||{dataset:{}}).dataset.testid + ' ' + n.textContent.trim().slice(0,40));
  }
  return bad.slice(0, 30);
}
