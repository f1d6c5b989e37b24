/* demotrace service worker: the one link to the recorder (a localhost WebSocket, paired by secret).
 * It keeps the page state of every window's active tab, forwards content-script events of
 * allowlisted tabs, and says only "not allowed" about any other tab.
 */
importScripts("messages.js");

let ws = null;
let paired = false;
let policy = null;       // {sites, deny_sites}
let retryMs = 500;
const queue = [];        // frames waiting for the connection (bounded)
const secure = new Map(); // "tab:frame" → true while a secure field has focus there
const MAX_QUEUE = 1000;

// a restarted service worker must know the sites before it judges the first content message
const policyLoaded = chrome.storage.local.get(DT.K_SITES).then(
  (s) => { if (!policy) policy = s[DT.K_SITES] || null; }, () => {});

async function loadPairing() {
  const s = await chrome.storage.local.get(DT.K_PAIRING);
  if (s[DT.K_PAIRING] && s[DT.K_PAIRING].secret) return s[DT.K_PAIRING];
  try {  // a managed profile (demotrace browser) carries config.json in its copy of the extension
    const r = await fetch(chrome.runtime.getURL("config.json"), { cache: "no-store" });
    if (r.ok) return await r.json();
  } catch (e) { /* not a managed profile */ }
  return null;
}

function retry() { setTimeout(connect, retryMs); retryMs = Math.min(retryMs * 2, 5000); }

let connecting = false; // connect() runs from start-up, install and the top level at once
async function connect() {
  if (ws || connecting) return;
  connecting = true;
  let pairing = null;
  try { pairing = await loadPairing(); } finally { connecting = false; }
  if (ws) return; // another call got there first while we waited
  if (!pairing) { retry(); return; }
  let sock;
  try { sock = new WebSocket(`ws://127.0.0.1:${pairing.port || DT.DEFAULT_PORT}/`); } catch (e) { retry(); return; }
  ws = sock;
  sock.onopen = () => sock.send(JSON.stringify({ type: DT.HELLO, secret: pairing.secret, version: DT.VERSION, ua: navigator.userAgent, frames: true }));
  sock.onmessage = (m) => {
    let msg;
    try { msg = JSON.parse(m.data); } catch (e) { return; }
    if (msg.type === DT.WELCOME || msg.type === DT.POLICY) {
      setPolicy({ sites: msg.sites || [], deny_sites: msg.deny_sites || [] });
      if (msg.type === DT.WELCOME) {
        if (ws !== sock) { sock.close(); return; } // a stray second link: it would carry stale state
        paired = true; retryMs = 500;
        // page states and frame lists made before the policy was known are stale: fresh ones follow
        const stale = ['{"type":"' + DT.PAGE + '"', '{"type":"' + DT.FRAMES + '"'];
        while (queue.length) { const q = queue.shift(); if (!stale.some((p) => q.startsWith(p))) sock.send(q); }
        for (const [k, on] of secure) if (on) { const [tab, frame] = k.split(":").map(Number); sendSecure(tab, frame, true); }
      }
      reportPages();
      chrome.tabs.query({}).then((tabs) => { for (const t of tabs) reportFrames(t.id); }, () => {});
    }
  };
  sock.onclose = () => { if (ws === sock) { ws = null; paired = false; retry(); } };
  sock.onerror = () => {};
}

function setPolicy(p) { policy = p; chrome.storage.local.set({ [DT.K_SITES]: p }); }

function post(msg) {
  const s = JSON.stringify(msg);
  if (ws && paired && ws.readyState === WebSocket.OPEN) ws.send(s);
  else if (queue.length < MAX_QUEUE) queue.push(s);
}

setInterval(() => { if (ws && paired && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: DT.PING })); }, 20000);

// ------------------------------------------------------------------ page state
function tabInfo(tab) {
  if (!tab) return null;
  if (tab.incognito) return { id: tab.id, allowed: false, reason: "incognito" };
  if (!DT.siteAllowed(policy, tab.url)) return { id: tab.id, allowed: false, reason: "not allowed" };
  return { id: tab.id, allowed: true, reason: "allowlisted", url: tab.url, title: tab.title || "" };
}

let pageTimer = 0;
function reportPages() { if (!pageTimer) pageTimer = setTimeout(() => { pageTimer = 0; sendPages(); }, 15); }
async function sendPages() {
  try {
    const wins = await chrome.windows.getAll({ populate: true, windowTypes: ["normal", "popup", "app"] });
    let last = null;
    try { last = await chrome.windows.getLastFocused(); } catch (e) { /* none */ }
    for (const w of wins) for (const t of w.tabs || []) remember(t);
    post({ type: DT.PAGE, t: DT.now(), windows: wins.map((w) => ({
      id: w.id, focused: !!w.focused, last_focused: !!(last && last.id === w.id), incognito: !!w.incognito,
      tab: tabInfo((w.tabs || []).find((t) => t.active)),
    })) });
  } catch (e) { /* browser shutting down */ }
}
chrome.tabs.onActivated.addListener((a) => { reportPages(); reportFrames(a.tabId); });
const tabCache = new Map(); // tabId → {id, url, title, windowId, incognito}, kept current
function remember(tab) {
  if (tab && tab.id !== undefined)
    tabCache.set(tab.id, { id: tab.id, url: tab.url, title: tab.title || "", windowId: tab.windowId, incognito: tab.incognito });
}
chrome.tabs.onUpdated.addListener((id, ch, tab) => {
  remember(tab);
  if (ch.url || ch.title !== undefined || ch.status) reportPages();
});
chrome.tabs.onRemoved.addListener((tabId) => {
  tabCache.delete(tabId);
  post({ type: DT.FRAMES, tab: tabId, frames: [], t: DT.order() }); // the recorder forgets its frames
  for (const k of [...secure.keys()]) if (k.startsWith(tabId + ":")) { secure.delete(k); sendSecure(tabId, Number(k.split(":")[1]), false); }
  reportPages();
});
chrome.windows.onFocusChanged.addListener(reportPages);
chrome.windows.onRemoved.addListener(reportPages);
chrome.webNavigation.onHistoryStateUpdated.addListener((d) => {
  if (d.frameId !== 0) return;
  chrome.tabs.get(d.tabId).then((tab) => {
    if (!tab.incognito && DT.siteAllowed(policy, tab.url))
      post({ type: DT.DOM, kind: "navigate", t: DT.now(), tab: tab.id, frame: 0, window: tab.windowId,
             url: tab.url, title: tab.title || "", target: null, detail: { how: "history" } });
    reportPages();
  }, () => {});
});
chrome.tabs.onZoomChange.addListener((z) => {
  chrome.tabs.sendMessage(z.tabId, { type: DT.C_ZOOM, zoom: z.newZoomFactor }).catch(() => {});
});

// ------------------------------------------------------------------ frames of each tab
// The recorder keeps a tab blocked until every frame Chrome has in it has reported its boxes: a
// frame whose content script never spoke (not injected, a scheme it cannot run in) could show a
// password unmasked. So each allowlisted tab's frames go to it, with Chrome's documentId of each
// (which ties a frame to the report of its current page), whenever they may have changed (a frame
// navigating, committing, loading or failing; a content script's port opening or closing) and,
// for the tabs on show, every 2 s (a list dropped on the way must not block a tab for good). A
// list is stamped when asked for: the recorder drops one asked for before the list it holds.
const framesDue = new Set();
function reportFrames(tabId) {
  if (typeof tabId !== "number" || tabId < 0 || framesDue.has(tabId)) return;
  framesDue.add(tabId);
  setTimeout(() => { framesDue.delete(tabId); sendFrames(tabId); }, 0); // one list per burst of events
}
async function sendFrames(tabId) {
  const t = DT.order();
  const known = tabCache.get(tabId);
  if (known && known.incognito) return;
  let all;
  try { all = await chrome.webNavigation.getAllFrames({ tabId }); } catch (e) { return; } // tab gone
  const top = (all || []).find((f) => f.frameId === 0);
  if (!top || !DT.siteAllowed(policy, top.url)) return; // nothing about a page off the allowlist
  // prerendered, back/forward-cached and dying documents are not on screen
  const live = all.filter((f) => !f.documentLifecycle || f.documentLifecycle === "active");
  post({ type: DT.FRAMES, tab: tabId, t, frames: live.map((f) => ({
    // a frame that failed to load shows Chrome's error page, whatever URL it was given
    frame: f.frameId, document: f.documentId || "",
    scheme: f.errorOccurred ? "chrome-error:" : f.url.slice(0, f.url.indexOf(":") + 1),
  })) });
}
for (const ev of ["onBeforeNavigate", "onCommitted", "onDOMContentLoaded", "onCompleted", "onErrorOccurred"])
  chrome.webNavigation[ev].addListener((d) => reportFrames(d.tabId));
chrome.webNavigation.onTabReplaced.addListener((d) => reportFrames(d.tabId));
setInterval(() => {
  if (ws && paired) chrome.tabs.query({ active: true }).then((tabs) => { for (const t of tabs) reportFrames(t.id); }, () => {});
}, 2000);

// ------------------------------------------------------------------ content scripts
function sendSecure(tab, frame, on) { post({ type: DT.SECURE_FOCUS, on, tab, frame, t: DT.now() }); }

chrome.runtime.onMessage.addListener((m, sender, reply) => {
  const tab = sender.tab;
  if (!m || !tab || tab.incognito) return false;
  if (m.type === DT.C_FRAME_HELLO) {
    chrome.tabs.getZoom(tab.id).then((zoom) => reply({ zoom }), () => reply({ zoom: 1 }));
    return true;
  }
  return false;
});

let ports = 0; // each port is one document's link: its number tells the recorder which one spoke
chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== DT.PORT) return;
  const sender = port.sender, tab = sender && sender.tab;
  if (!tab || tab.incognito) { port.disconnect(); return; }
  if (!tabCache.has(tab.id)) remember(tab);
  const link = { doc: ++ports, measured: false };
  reportFrames(tab.id); // a frame made without a navigation event (about:blank) is listed too
  port.onMessage.addListener((text) => {
    let m;
    try { m = JSON.parse(text); } catch (e) { return; }
    if (!m) return;
    if (policy) fromContent(m, sender, tab, link);
    else policyLoaded.then(() => fromContent(m, sender, tab, link));
  });
  port.onDisconnect.addListener(() => { // the frame is gone: its secure focus and boxes go with it
    const key = tab.id + ":" + sender.frameId;
    if (secure.delete(key)) sendSecure(tab.id, sender.frameId, false);
    // `gone` names the document, so a new page's report that came first is not undone
    if (link.measured)
      post({ type: DT.BOXES, tab: tab.id, frame: sender.frameId, boxes: [], gone: true, doc: link.doc, t: DT.now() });
    reportFrames(tab.id); // a removed iframe has no webNavigation event: the list drops it now
  });
});

function fromContent(m, sender, tabAtConnect, link) {
  // a port's sender.tab is a snapshot from connect time; SPA routes and titles change after it
  const tab = tabCache.get(tabAtConnect.id) || tabAtConnect;
  const key = tab.id + ":" + sender.frameId;
  if (m.type === DT.C_SECURE) {
    // state is kept whatever the site, but only an allowlisted tab's is sent
    if (m.on) secure.set(key, true); else secure.delete(key);
    if (DT.siteAllowed(policy, tab.url)) post({ type: DT.SECURE_FOCUS, on: !!m.on, tab: tab.id, frame: sender.frameId, t: m.t });
    return;
  }
  if (!DT.siteAllowed(policy, tab.url)) return; // nothing from a page off the allowlist
  if (m.type === DT.C_EVENT) {
    post({ type: DT.DOM, kind: m.kind, t: m.t, tab: tab.id, frame: sender.frameId, window: tab.windowId,
           url: tab.url, title: tab.title || "", target: m.target, point: m.point, detail: m.detail });
  } else if (m.type === DT.C_BOXES) {
    link.measured = true;
    post({ type: DT.BOXES, tab: tab.id, frame: sender.frameId, boxes: m.boxes, gen: m.gen, doc: link.doc,
           document: sender.documentId, unplaced: m.unplaced || 0, t: m.t });
  } else if (m.type === DT.C_STATS) {
    post({ type: DT.STATS, tab: tab.id, frame: sender.frameId, handled: m.handled, cost_ms: m.cost_ms,
           send_ms: m.send_ms, describe_ms: m.describe_ms });
  }
}

chrome.runtime.onStartup.addListener(connect);
chrome.runtime.onInstalled.addListener(connect);
chrome.storage.onChanged.addListener((ch, area) => {
  if (area === "local" && ch[DT.K_PAIRING] && ws) { try { ws.close(); } catch (e) { /* reconnects */ } }
});
connect();
