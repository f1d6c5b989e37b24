/* demotrace content script: runs in every frame of every http(s) page.
 * On an allowlisted page it reports clicks, form changes, non-text keys, scrolls, focus and
 * navigation with a target descriptor (tag, role, accessible name, selector, bbox in CSS and screen
 * px). Everywhere it tracks secure fields; a secure field's value never leaves this script.
 */
(() => {
  "use strict";
  if (chrome.extension.inIncognitoContext) return; // incognito windows are never recorded
  const TOP = window.top === window;
  let policy = null;   // {sites, deny_sites} from the recorder, via chrome.storage
  let active = false;  // this page's top-level site is allowlisted
  let block = [];      // block_selectors for this site
  let zoom = 1;        // page zoom (from the background)
  let calib = null;    // [dx, dy]: viewport origin − window.screenX/Y in DIPs, measured from a real mouse event
  let cost = 0, handled = 0, sentHandled = 0;
  const secureEls = new Set();       // fields that are or ever were secure (strong refs, pruned)
  const everSecure = new WeakSet();
  let secureEl = null;               // the focused secure field, if any
  let lastBoxes = "";

  // ---------------------------------------------------------------- site and policy
  function topHost() {
    if (TOP) return location.hostname;
    const ao = location.ancestorOrigins;
    if (ao && ao.length) { try { return new URL(ao[ao.length - 1]).hostname; } catch (e) { /* fall through */ } }
    return location.hostname;
  }
  function topUrlGuess() { return TOP ? location.href : "http://" + topHost() + "/"; }
  function applyPolicy(p) {
    policy = p;
    active = DT.siteAllowed(policy, topUrlGuess());
    block = active ? DT.blockSelectors(policy, topHost()) : [];
    if (active) scheduleBoxes();
  }
  // The first read races the background writing the policy: a read answered after a change event
  // holds the value from before it, and must not undo it (a page left inactive would send no
  // boxes, and its revealed password would go unmasked). Changes are counted; a read applies only
  // if none came while it was on its way, and is made again each second while no policy is known.
  let policyChanges = 0;
  function readPolicy() {
    const seen = policyChanges;
    chrome.storage.local.get(DT.K_SITES).then((s) => { if (policyChanges === seen) applyPolicy(s[DT.K_SITES] || null); }, () => {});
  }
  readPolicy();
  chrome.storage.onChanged.addListener((ch, area) => {
    if (area === "local" && ch[DT.K_SITES]) { policyChanges++; applyPolicy(ch[DT.K_SITES].newValue || null); }
  });
  let sendMs = 0, describeMs = 0;
  // one long-lived port per frame: ~5x cheaper per message than runtime.sendMessage, and its
  // disconnect (frame gone) tells the background to end this frame's secure focus
  let port = null;
  function portOf() {
    if (!port) {
      const p = (port = chrome.runtime.connect({ name: DT.PORT }));
      p.onDisconnect.addListener(() => {
        if (port === p) port = null;
        // the service worker was stopped: come back (waking it) and say again what holds now,
        // or a focused secure field would go unannounced until the next event
        if (secureEl || active) setTimeout(() => { if (!port && (secureEl || active)) portOf(); }, 250);
      });
      if (secureEl) p.postMessage(JSON.stringify({ type: DT.C_SECURE, on: true, t: DT.now() }));
      lastBoxes = ""; // boxes go again on the next round
    }
    return port;
  }
  function send(msg) {
    const t0 = performance.now();
    const text = JSON.stringify(msg); // one string crosses faster than an object tree
    try { portOf().postMessage(text); } catch (e) {
      port = null; // the service worker restarted: one retry on a new port
      try { portOf().postMessage(text); } catch (e2) { /* extension reloaded */ }
    }
    sendMs += performance.now() - t0;
  }
  try {
    chrome.runtime.sendMessage({ type: DT.C_FRAME_HELLO }).then((r) => { if (r && r.zoom) zoom = r.zoom; }, () => {});
  } catch (e) { /* ignore */ }
  chrome.runtime.onMessage.addListener((m) => { if (m && m.type === DT.C_ZOOM) { zoom = m.zoom || 1; calib = null; } });

  // ---------------------------------------------------------------- secure fields
  function isSecure(el) {
    if (!el || el.nodeType !== 1) return false;
    if (everSecure.has(el)) return true;
    let s = false;
    const tag = el.localName;
    if (tag === "input" && el.type === "password") s = true;
    else if (DT.SECURE_AUTOCOMPLETE.test(el.getAttribute("autocomplete") || "")) s = true;
    else if (block.length) {
      for (const sel of block) { try { if (el.closest(sel)) { s = true; break; } } catch (e) { /* bad selector */ } }
    }
    if (s) { everSecure.add(el); secureEls.add(el); }
    return s;
  }
  function scanSecure(root) {
    const q = root.querySelectorAll ? root.querySelectorAll("input[type=password],[autocomplete]") : [];
    for (const el of q) isSecure(el);
  }
  // a password field that is switched to text (show/hide toggles) stays secure
  new MutationObserver((muts) => {
    for (const m of muts) if (m.oldValue && m.oldValue.toLowerCase() === "password") { everSecure.add(m.target); secureEls.add(m.target); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["type"], attributeOldValue: true });

  // ---------------------------------------------------------------- coordinates
  let hint = null; // [dx, dy] like calib, from the parent frame's geometry (FRAME_ORIGIN below)
  function viewportOrigin() { // screen DIPs of this frame's viewport top-left
    if (calib) return [window.screenX + calib[0], window.screenY + calib[1]];
    if (hint) return [window.screenX + hint[0], window.screenY + hint[1]];
    if (!TOP) return null;
    const bx = Math.max(0, (window.outerWidth - window.innerWidth * zoom) / 2);
    return [window.screenX + bx, window.screenY + Math.max(0, window.outerHeight - window.innerHeight * zoom - bx)];
  }
  function calibrate(e) {
    if (e.isTrusted && (e.screenX || e.screenY))
      calib = [e.screenX - e.clientX * zoom - window.screenX, e.screenY - e.clientY * zoom - window.screenY];
  }
  function toScreen(r) {
    const o = viewportOrigin();
    if (!o) return null;
    const k = window.devicePixelRatio / zoom; // device scale factor: DIPs → physical px
    return [Math.floor((o[0] + r.left * zoom) * k), Math.floor((o[1] + r.top * zoom) * k),
            Math.ceil((o[0] + r.right * zoom) * k), Math.ceil((o[1] + r.bottom * zoom) * k)];
  }

  // ---------------------------------------------------------------- target descriptor
  const clip = (s, n = 80) => (s || "").replace(/\s+/g, " ").trim().slice(0, n);
  const INPUT_ROLES = { checkbox: "checkbox", radio: "radio", range: "slider", search: "searchbox",
    submit: "button", button: "button", reset: "button", image: "button", number: "spinbutton" };
  const TAG_ROLES = { button: "button", select: "combobox", option: "option", textarea: "textbox", img: "img",
    h1: "heading", h2: "heading", h3: "heading", h4: "heading", h5: "heading", h6: "heading", ul: "list",
    ol: "list", li: "listitem", nav: "navigation", form: "form", table: "table", tr: "row", td: "cell",
    th: "columnheader", dialog: "dialog", summary: "button", main: "main", label: "label" };
  const NAME_FROM_CONTENT = new Set(["button", "link", "option", "menuitem", "menuitemcheckbox",
    "menuitemradio", "tab", "heading", "cell", "gridcell", "columnheader", "rowheader", "treeitem",
    "checkbox", "radio", "switch", "label", "listitem", "row", "tooltip"]);
  function roleOf(el) {
    const r = el.getAttribute("role");
    if (r) return r.split(/\s+/)[0];
    const tag = el.localName;
    if (tag === "a" || tag === "area") return el.hasAttribute("href") ? "link" : "generic";
    if (tag === "input") return INPUT_ROLES[el.type] || "textbox";
    if (tag === "select") return el.multiple || el.size > 1 ? "listbox" : "combobox";
    return TAG_ROLES[tag] || "generic";
  }
  function nameOf(el, role) {
    const al = el.getAttribute("aria-label");
    if (al) return clip(al);
    const lb = el.getAttribute("aria-labelledby");
    if (lb) {
      const root = el.getRootNode();
      const t = lb.split(/\s+/).map((id) => {
        const n = root.getElementById ? root.getElementById(id) : document.getElementById(id);
        return n ? n.textContent : "";
      }).join(" ");
      if (clip(t)) return clip(t);
    }
    const tag = el.localName;
    if (tag === "input" && ["submit", "button", "reset"].includes(el.type)) return clip(el.value);
    if (el.labels && el.labels.length) return clip(el.labels[0].textContent);
    if (tag === "img" || tag === "area" || (tag === "input" && el.type === "image")) return clip(el.getAttribute("alt"));
    if (tag === "input" || tag === "textarea" || tag === "select")
      return clip(el.getAttribute("placeholder") || el.getAttribute("title"));
    if (NAME_FROM_CONTENT.has(role) || tag === "a") return clip(el.textContent) || clip(el.getAttribute("title"));
    return clip(el.getAttribute("title"));
  }
  function selectorOf(el) {
    const parts = [];
    let n = el;
    while (n && n.nodeType === 1 && parts.length < 10) {
      const root = n.getRootNode();
      if (n.id && root.getElementById && root.getElementById(n.id) === n) { parts.unshift("#" + CSS.escape(n.id)); break; }
      const tid = n.getAttribute("data-testid");
      if (tid) { parts.unshift(`[data-testid="${CSS.escape(tid)}"]`); break; }
      let s = n.localName;
      const p = n.parentElement;
      if (p) { // sibling walks: iterating p.children is ~5x slower on long lists
        let k = 1, more = false;
        for (let c = n.previousElementSibling; c; c = c.previousElementSibling) if (c.localName === n.localName) k++;
        for (let c = n.nextElementSibling; c && !more; c = c.nextElementSibling) more = c.localName === n.localName;
        if (k > 1 || more) s += `:nth-of-type(${k})`;
      }
      parts.unshift(s);
      n = p;
    }
    const root = el.getRootNode();
    const sel = parts.join(" > ");
    return root instanceof ShadowRoot ? selectorOf(root.host) + " >>> " + sel : sel;
  }
  function describe(el) {
    const t0 = performance.now();
    try { return describe_(el); } finally { describeMs += performance.now() - t0; }
  }
  function describe_(el) {
    const r = el.getBoundingClientRect();
    const role = roleOf(el);
    const d = { source: "dom", tag: el.localName, role, name: nameOf(el, role), selector: selectorOf(el),
      bbox_css: [Math.round(r.left), Math.round(r.top), Math.round(r.right), Math.round(r.bottom)] };
    const sb = toScreen(r);
    if (sb) d.bbox = sb;
    if (el.id) d.id = el.id;
    const fname = el.getAttribute("name"), ac = el.getAttribute("autocomplete"), ty = el.getAttribute("type");
    if (fname) d.field_name = fname; // the form field's name attribute (d.name is the accessible name)
    if (ac) d.autocomplete = ac;
    if (ty) d.type = ty;
    if (el.localName === "input" && el.type !== "password") d.type = el.type;
    if (isSecure(el)) d.secure = true;
    if ((el.type === "checkbox" || el.type === "radio") && el.localName === "input") d.checked = el.checked;
    const sel = el.getAttribute("aria-selected"), exp = el.getAttribute("aria-expanded");
    if (sel) d.selected = sel === "true";
    if (exp) d.expanded = exp === "true";
    if (!TOP) d.frame = true;
    return d;
  }
  function innermost(e) { const p = e.composedPath ? e.composedPath() : []; return p.length && p[0].nodeType === 1 ? p[0] : e.target; }

  function emit(kind, el, e, detail, target) {
    const ev = { type: DT.C_EVENT, kind, t: DT.now(), target: target || (el ? describe(el) : null) };
    if (e && "screenX" in e && e.isTrusted) {
      const k = window.devicePixelRatio / zoom;
      ev.point = [Math.round(e.screenX * k), Math.round(e.screenY * k)];
    }
    if (detail) ev.detail = detail;
    if (TOP) { ev.url = location.href; ev.title = document.title; }
    send(ev);
  }
  function timed(fn) {
    return (e) => {
      const t0 = performance.now();
      try { fn(e); } finally { cost += performance.now() - t0; handled++; }
    };
  }
  const on = (type, fn) => window.addEventListener(type, timed(fn), { capture: true, passive: true });

  // ---------------------------------------------------------------- listeners
  on("mousemove", (e) => { if (active) calibrate(e); });
  on("mousedown", (e) => { if (active) calibrate(e); });
  for (const kind of ["click", "dblclick", "contextmenu", "auxclick"]) {
    on(kind, (e) => {
      if (!active || !e.isTrusted) return;
      calibrate(e);
      emit(kind, innermost(e), e, { button: e.button, modifiers: mods(e) });
    });
  }
  function mods(e) { return ["ctrl", "shift", "alt", "meta"].filter((m) => e[m + "Key"]); }
  on("change", (e) => {
    if (!active || !e.isTrusted) return;
    const el = innermost(e);
    if (isSecure(el)) { emit("change", el, null, { secure: true }); return; } // never a value
    const detail = {};
    if (el.localName === "select") {
      const opt = el.selectedOptions && el.selectedOptions[0];
      if (opt) {
        detail.option = { role: "option", name: clip(opt.label || opt.textContent), index: opt.index };
        // a pick from the native popup (outside the DOM): the option is the target, the control its parent
        const c = describe(el);
        emit("select_option", el, null, { index: opt.index }, { source: "dom", tag: "option", role: "option",
          name: detail.option.name, selector: c.selector + ` option:nth-of-type(${opt.index + 1})`,
          control: { role: c.role, name: c.name, selector: c.selector, bbox: c.bbox } });
      }
    } else if (el.localName === "input" && (el.type === "checkbox" || el.type === "radio")) {
      detail.checked = el.checked;
    } else if (el.localName === "input" || el.localName === "textarea") {
      detail.value = String(el.value || "").slice(0, 256); // the recorder's text redactor runs on it
    }
    emit("change", el, null, detail);
  });
  on("submit", (e) => { if (active && e.isTrusted) emit("submit", innermost(e), null, null); });
  const NON_TEXT = /^(Enter|Tab|Escape|Backspace|Delete|Insert|Home|End|PageUp|PageDown|Arrow(Up|Down|Left|Right)|F\d{1,2}|ContextMenu)$/;
  on("keydown", (e) => {
    if (!active || !e.isTrusted || e.repeat) return;
    const el = innermost(e);
    if (secureEl || isSecure(el)) return; // nothing typed in a secure field leaves the page
    const chord = e.ctrlKey || e.metaKey || e.altKey;
    if (!NON_TEXT.test(e.key) && !(chord && e.key.length === 1)) return;
    emit("keydown", el, null, { key: e.key, modifiers: mods(e) });
  });
  // at most one scroll event per 250 ms per scroller, plus a trailing one where it came to rest
  const lastScroll = new WeakMap(), trailing = new WeakMap();
  function scrolled(tgt) {
    lastScroll.set(tgt, performance.now());
    emit("scroll", tgt, null, { scroll_x: Math.round(tgt.scrollLeft), scroll_y: Math.round(tgt.scrollTop) });
    scheduleBoxes();
    hintChildren();
  }
  on("scroll", (e) => {
    if (!active) return;
    const tgt = e.target === document ? document.scrollingElement || document.documentElement : e.target;
    clearTimeout(trailing.get(tgt));
    if (performance.now() - (lastScroll.get(tgt) || 0) < 250) {
      trailing.set(tgt, setTimeout(timed(() => scrolled(tgt)), 250));
      return;
    }
    scrolled(tgt);
  });
  on("focusin", (e) => {
    const el = innermost(e);
    if (isSecure(el)) {
      secureEl = el;
      send({ type: DT.C_SECURE, on: true, t: DT.now() }); // first, before any key can reach the field
      scheduleBoxes();
    }
    if (active && e.isTrusted) emit("focus", el, null, null);
  });
  on("focusout", (e) => {
    const el = innermost(e);
    if (secureEl && (el === secureEl || !secureEl.isConnected)) {
      secureEl = null;
      send({ type: DT.C_SECURE, on: false, t: DT.now() });
    }
    if (active && e.isTrusted) emit("blur", el, null, null);
  });
  window.addEventListener("pagehide", () => { if (secureEl) { secureEl = null; send({ type: DT.C_SECURE, on: false, t: DT.now() }); } });
  window.addEventListener("resize", () => { scheduleBoxes(); if (active) hintChildren(); });
  if (TOP) window.addEventListener("popstate", timed(() => { if (active) emit("navigate", null, null, { how: "popstate" }); }));

  // ---------------------------------------------------------------- boxes to mask in frames
  // Boxes are valid for one layout: every scroll, resize, DOM mutation or navigation starts a new
  // layout generation, and the boxes are measured again at once (before the next paint: mutation
  // callbacks run as microtasks, scroll and resize events before rendering), stamped with the
  // generation and the time. The recorder masks a grab with every box valid around it.
  let boxTimer = 0, gen = 0;
  function scheduleBoxes() { if (!boxTimer) boxTimer = setTimeout(() => { boxTimer = 0; sendBoxes(); }, 100); }
  function layoutMoved() {
    gen++;
    if (active && (secureEls.size || block.length)) sendBoxes();
  }
  new MutationObserver(layoutMoved).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  window.addEventListener("scroll", layoutMoved, { capture: true, passive: true });
  window.addEventListener("resize", layoutMoved);
  window.addEventListener("pageshow", layoutMoved);
  // Unchanged boxes go again every 2 s: the recorder blocks a tab until its page has reported, and
  // a report the background dropped (its idea of the tab's URL a step behind a navigation) must
  // not leave an unchanged page blocked for good.
  let lastBoxesAt = 0;
  function sendBoxes(again) {
    if (!active) return; // measured hidden too: a page Chromium deems hidden may still be on screen
    const t0 = performance.now();
    scanSecure(document);
    const els = new Set();
    for (const el of secureEls) { if (el.isConnected) els.add(el); else secureEls.delete(el); }
    for (const sel of block) { try { for (const el of document.querySelectorAll(sel)) els.add(el); } catch (e) { /* bad selector */ } }
    const boxes = [];
    let unplaced = 0; // secure fields on show that this child frame cannot place on screen yet
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0 || r.bottom < 0 || r.right < 0 || r.top > innerHeight || r.left > innerWidth) continue;
      const b = toScreen(r);
      if (b) boxes.push(b); else unplaced++;
    }
    // An empty list would vouch for a frame whose password is on show: it says it is unplaced
    // instead (the recorder keeps the tab blocked), and asks its parent where it is.
    if (unplaced) askOrigin();
    const key = JSON.stringify(boxes) + (unplaced ? "?" : "");
    cost += performance.now() - t0;
    const now = performance.now();
    if (key !== lastBoxes || (again === true && now - lastBoxesAt >= 2000)) {
      lastBoxes = key; lastBoxesAt = now;
      const m = { type: DT.C_BOXES, boxes, gen, t: DT.now() };
      if (unplaced) m.unplaced = unplaced;
      send(m);
    }
  }
  // Each frame tells its child frames where their viewports are on screen, so a secure field in
  // a (cross-origin) iframe is masked before the mouse ever enters it. Pages see these messages.
  const sentHints = new WeakMap();
  function hintChildren() {
    const o = viewportOrigin();
    if (!o) return;
    for (const f of document.querySelectorAll("iframe, frame")) {
      const r = f.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0 || !f.contentWindow) continue;
      const at = [o[0] + (r.left + f.clientLeft) * zoom - window.screenX, o[1] + (r.top + f.clientTop) * zoom - window.screenY];
      const key = at.join(",");
      if (sentHints.get(f) === key) continue;
      sentHints.set(f, key);
      try { f.contentWindow.postMessage({ [DT.FRAME_ORIGIN]: at }, "*"); } catch (e) { /* detached */ }
    }
  }
  // A child whose document is new (the iframe navigated: same element, same place, so no hint
  // goes unasked) asks for one; it asks at most every 250 ms.
  let askedAt = -1e9;
  function askOrigin() {
    if (TOP || performance.now() - askedAt < 250) return;
    askedAt = performance.now();
    try { window.parent.postMessage({ [DT.FRAME_ASK]: 1 }, "*"); } catch (e) { /* detached */ }
  }
  window.addEventListener("message", (e) => {
    const d = e.data;
    if (!d || typeof d !== "object") return;
    if (d[DT.FRAME_ASK] && active && e.source) { // a child frame's new document: tell it again
      for (const f of document.querySelectorAll("iframe, frame")) if (f.contentWindow === e.source) sentHints.delete(f);
      hintChildren();
      return;
    }
    const at = !TOP && e.source === window.parent && d[DT.FRAME_ORIGIN];
    if (Array.isArray(at) && at.length === 2 && at.every(Number.isFinite)) {
      hint = at; // relative to the parent's screenX/Y, which equal ours (same window)
      calib = null; // the frame may have moved (parent scrolled): fresh geometry wins until the next mouse event
      if (active) { scheduleBoxes(); hintChildren(); }
    }
  });
  setInterval(() => {
    if (!policy) readPolicy();
    if (active) hintChildren();
    sendBoxes(true);
    if (active && handled !== sentHandled) { sentHandled = handled; send({ type: DT.C_STATS, handled, cost_ms: cost, send_ms: sendMs, describe_ms: describeMs }); }
  }, 1000);
  document.addEventListener("DOMContentLoaded", () => { scanSecure(document); scheduleBoxes(); });
  if (TOP) document.addEventListener("DOMContentLoaded", () => { if (active) emit("load", null, null, null); });
})();
