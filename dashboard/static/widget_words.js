// Streamlit's own English widget texts in Vietnamese (see dashboard/widget_words.py).
// No less-than sign anywhere in this file: the HTML sanitiser drops a script that holds
// one followed by a letter, and a comparison is as easy to write the other way round.
(() => {
  const data = __DATA__;
  const state = window.kpiWidgetWords || (window.kpiWidgetWords = { done: new Map() });
  state.data = data;
  state.translate = (text) => translate(text, 0);  // for the tests
  const patterns = data.patterns.map((p) => ({ ...p, rx: new RegExp("^" + p.re + "$") }));

  // The Vietnamese of a whole text, or null; a `label` field is translated again.
  const translate = (text, depth) => {
    const key = text.trim();
    if (!key || depth > 4) return null;
    if (Object.hasOwn(data.exact, key)) return text.replace(key, () => data.exact[key]);
    for (const p of patterns) {
      const m = p.rx.exec(key);
      if (!m) continue;
      const values = {};
      p.fields.forEach(([name, kind], i) => {
        const raw = m[i + 1];
        if (kind === "label") values[name] = translate(raw, depth + 1) ?? raw;
        else if (kind === "decimal") values[name] = raw.replace(".", ",");
        else if (kind === "copy") values[name] = raw;
        else if (kind === "setting") values[name] = data.settings[name] ?? raw;
        else values[name] = data.groups[kind][raw] ?? raw;
      });
      const out = p.vi.replace(/\{(\w+)\}/g, (_, name) => values[name]);
      return text.replace(key, () => out);
    }
    return null;
  };

  // In a Streamlit widget and not in what holds our or the users' words, the nearer of
  // the two deciding (a heading's link button sits inside its markdown).
  const inScope = (el) => {
    const widget = el && el.closest(data.scope);
    if (!widget) return false;
    if (el.closest(data.force)) return true;
    const words = el.closest(data.skip);
    return !words || (words !== widget && words.contains(widget));
  };
  // What was there before us, so that an English page gets it back (the first original
  // when a text we changed is changed again).
  const remember = (node, attr, before, after) => {
    const seen = state.done.get(node) || {};
    const first = seen[attr] && seen[attr].after === before ? seen[attr].before : before;
    seen[attr] = { before: first, after };
    state.done.set(node, seen);
  };
  const original = (node, attr) => {
    const seen = (state.done.get(node) || {})[attr];
    const now = attr === "#text" ? node.data : node.getAttribute(attr);
    return seen && seen.after === now ? seen.before : now;
  };

  const fixText = (node) => {
    if (!inScope(node.parentElement)) return;
    const after = translate(node.data, 0);
    if (after !== null && after !== node.data) {
      remember(node, "#text", node.data, after);
      node.data = after;
    }
  };
  const fixAttrs = (el) => {
    if (!inScope(el)) return;
    for (const attr of data.attrs) {
      const now = el.getAttribute(attr);
      const after = now === null ? null : translate(now, 0);
      if (after !== null && after !== now) {
        remember(el, attr, now, after);
        el.setAttribute(attr, after);
      }
    }
  };
  // The calendar's weekday heads are single letters (S M T W T F S): each one is named
  // after the weekday of the first day cell below it.
  const fixHeads = (root) => {
    for (const table of root.querySelectorAll(data.calendar)) {
      const row = table.tBodies[0] && table.tBodies[0].rows[0];
      if (!row) continue;
      [...table.tHead.rows[0].cells].forEach((head, i) => {
        const day = row.cells[i] && row.cells[i].querySelector("[aria-label]");
        const label = day ? original(day, "aria-label") : "";
        const name = Object.keys(data.heads).find((en) => label.includes(en));
        if (name && head.textContent !== data.heads[name]) {
          remember(head, "#heads", head.textContent, data.heads[name]);
          head.textContent = data.heads[name];
        }
      });
    }
  };
  // A refused file's chip shows its size: it says why instead, with the types the
  // uploader takes (its input's `accept`, ".csv,.xlsx") and the server's limit.
  const fixRefused = (root) => {
    for (const chip of root.querySelectorAll(data.refused.chip)) {
      const size = chip.querySelector(data.refused.size);
      const node = size && size.firstChild;
      const uploader = chip.closest('[data-testid="stFileUploader"]');
      const input = uploader && uploader.querySelector("input[type=file]");
      if (!node || node.nodeType !== Node.TEXT_NODE || !input) continue;
      const types = (input.getAttribute("accept") || "").split(",")
        .filter((kind) => kind.startsWith(".")).map((kind) => kind.slice(1).toUpperCase());
      const text = data.refused.text.replace("{types}", types.join(", "));
      if (node.data !== text) {
        remember(node, "#text", node.data, text);
        node.data = text;
      }
    }
  };
  const walk = (root) => {
    if (root.nodeType === Node.TEXT_NODE) return fixText(root);
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixAttrs(root);
    for (const el of root.querySelectorAll("*")) fixAttrs(el);
    const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) fixText(node);
  };

  const revert = () => {
    for (const [node, seen] of state.done) {
      for (const [attr, { before, after }] of Object.entries(seen)) {
        if (attr === "#text" && node.data === after) node.data = before;
        else if (attr === "#heads" && node.textContent === after) node.textContent = before;
        else if (attr[0] !== "#" && node.getAttribute(attr) === after) node.setAttribute(attr, before);
      }
    }
    state.done.clear();
  };

  if (!data.on) {
    revert();
    return;
  }
  const run = (records) => {
    if (!state.data.on) return;
    for (const r of records) {
      if (r.type === "characterData") fixText(r.target);
      else if (r.type === "attributes") fixAttrs(r.target);
      else r.addedNodes.forEach(walk);
    }
    fixHeads(document.body);
    fixRefused(document.body);
  };
  if (!state.observer) {
    state.observer = new MutationObserver((records) => state.run(records));
    state.observer.observe(document.body, {
      subtree: true, childList: true, characterData: true,
      attributes: true, attributeFilter: data.attrs,
    });
  }
  state.run = run;
  walk(document.body);
  fixHeads(document.body);
  fixRefused(document.body);
})();
