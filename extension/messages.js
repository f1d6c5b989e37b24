/* demotrace extension: every message type, storage key and shared rule, in one place.
 * Loaded by the service worker (importScripts) and before content.js in every frame.
 *
 * extension → recorder (WebSocket, JSON text frames)
 *   hello        {type, secret, version, ua, frames}          first frame; anything else first is refused;
 *                frames: true says this worker sends `frames` lists (the recorder then waits for them)
 *   page         {type, windows:[{id, focused, incognito, tab:{id, allowed, reason, url?, title?}}], t}
 *                url/title only for allowed tabs; a not-allowed tab says only "not allowed"
 *   dom          {type, kind, t, tab, frame, window, url, title, target, point?, detail?}
 *   secure_focus {type, on, tab, frame, t}                    a secure field gained/lost focus
 *   boxes        {type, tab, frame, boxes:[[x0,y0,x1,y1]…], gen, doc, document, t} secure fields +
 *                block_selectors, screen px, measured at t (epoch ms) for layout generation gen
 *                (scroll/resize/mutation/navigation); doc: the worker's number for the reporting
 *                document's port, document: Chrome's documentId; unplaced: how many secure fields
 *                on show the frame cannot place on screen yet (no report of its position from its
 *                parent): the recorder counts such a frame as not measured; {…, boxes: [], gone:
 *                true, doc} when that document's port closed
 *   frames       {type, tab, frames:[{frame, document, scheme}…], t}   every frame Chrome has
 *                in an allowlisted tab (webNavigation.getAllFrames, active documents), listed at t
 *                (DT.order(), when asked) on frame events and every 2 s; frames: [] when the tab closed
 *   stats        {type, tab, frame, handled, cost_ms}         content-script main-thread cost so far
 *   ping         {type}                                       keeps the service worker alive
 * recorder → extension
 *   welcome      {type, sites:[{domain, block_selectors}], deny_sites}   pairing accepted
 *   policy       {type, sites, deny_sites}                    hot reload
 * content → background: C_* below, over one chrome.runtime port per frame (PORT);
 * C_FRAME_HELLO (zoom) and C_ZOOM use chrome.runtime/tabs.sendMessage.
 * t is always epoch milliseconds read from the wall clock when stamped (Date.now()): the recorder
 * reads its own wall clock on receipt, so the age of a stamp survives a clock step or slew during a
 * session. performance.timeOrigin is fixed per document at its creation: after a step, documents
 * made before and after it disagree, and a stamp built on it was seconds off (CI, 2026-12-03).
 * A frames list is ordered with order(), which a wall-clock step cannot turn back.
 */
var DT = (self.DT = {
  VERSION: 1,
  HELLO: "hello", PAGE: "page", DOM: "dom", SECURE_FOCUS: "secure_focus", BOXES: "boxes",
  STATS: "stats", PING: "ping", WELCOME: "welcome", POLICY: "policy", FRAMES: "frames",

  C_EVENT: "dt:event", C_SECURE: "dt:secure", C_BOXES: "dt:boxes", C_STATS: "dt:stats",
  C_FRAME_HELLO: "dt:frame-hello", C_ZOOM: "dt:zoom", PORT: "dt:frame",

  K_PAIRING: "pairing", // {port, secret}: set by the options page when pairing an existing browser
  K_SITES: "sites",     // {sites, deny_sites}: the last policy the recorder sent

  DEFAULT_PORT: 47613,
  FRAME_ORIGIN: "__demotrace_frame_origin", // window.postMessage parent → child: viewport offset in DIPs
  FRAME_ASK: "__demotrace_frame_ask",       // child → parent: "where am I?" (a new document, or unplaced fields)

  now() { return Date.now(); },
  order() { return performance.timeOrigin + performance.now(); },

  domainMatch(pattern, host) {
    const p = pattern.toLowerCase().replace(/^\.+|\.+$/g, "");
    host = host.toLowerCase().replace(/^\.+|\.+$/g, "");
    if (p.startsWith("*.")) { const b = p.slice(2); return host === b || host.endsWith("." + b); }
    return host === p;
  },

  /** Same rules as demotrace.policy.Policy.site_decision: deny wins, then the allowlist. */
  siteAllowed(policy, url) {
    if (!policy || !url) return false;
    let u;
    try { u = new URL(url); } catch (e) { return false; }
    if (u.protocol !== "http:" && u.protocol !== "https:") return false;
    const host = u.hostname;
    for (const d of policy.deny_sites || []) if (DT.domainMatch(d, host)) return false;
    return (policy.sites || []).some((s) => DT.domainMatch(s.domain, host));
  },

  blockSelectors(policy, host) {
    const out = [];
    for (const s of (policy && policy.sites) || [])
      if (DT.domainMatch(s.domain, host)) out.push(...(s.block_selectors || []));
    return out;
  },

  SECURE_AUTOCOMPLETE: /(^|\s)(current-password|new-password|one-time-code|cc-[a-z-]+)(\s|$)/i,
});
