// The episode replay viewer: frame by frame with the action drawn (click point, drag path, typed
// text, key chips); ←/→ step, space plays, speed select, scrub bar. Reads the steps from the
// JSON block of the page; builds DOM with textContent only (recorded text stays text).
(function () {
  "use strict";
  const root = document.getElementById("replay");
  const data = document.getElementById("steps-data");
  if (!root || !data) return;
  const steps = JSON.parse(data.textContent || "[]");
  const base = root.dataset.frames;
  const img = document.getElementById("frame");
  const svg = document.getElementById("overlay");
  const scrub = document.getElementById("scrub");
  const pos = document.getElementById("pos");
  const what = document.getElementById("what");
  const keys = document.getElementById("keys");
  const where = document.getElementById("where");
  const play = document.getElementById("play");
  const speed = document.getElementById("speed");
  const NS = "http://www.w3.org/2000/svg";
  let i = 0;
  let timer = null;

  function el(name, attrs) {
    const e = document.createElementNS(NS, name);
    for (const k in attrs) e.setAttribute(k, String(attrs[k]));
    return e;
  }

  function draw(st) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const w = st.width || 640, h = st.height || 400;
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    const a = st.action || {};
    if (a.path && a.path.length > 1) {
      svg.appendChild(el("polyline", { points: a.path.map((p) => p.join(",")).join(" "), class: "drag" }));
    } else if (a.point && a.to) {
      svg.appendChild(el("line", { x1: a.point[0], y1: a.point[1], x2: a.to[0], y2: a.to[1], class: "drag" }));
    }
    if (a.point) {
      svg.appendChild(el("circle", { cx: a.point[0], cy: a.point[1], r: Math.max(6, w / 80), class: "click" }));
    }
  }

  function show(n) {
    if (!steps.length) return;
    i = Math.max(0, Math.min(steps.length - 1, n));
    const st = steps[i];
    const frame = st.before || st.after;
    if (frame) {
      img.src = base + encodeURIComponent(frame.split("/").pop());
      img.alt = "Screen before step " + (i + 1) + ": " + st.summary;
    }
    draw(st);
    scrub.value = String(i);
    pos.textContent = i + 1 + " / " + steps.length;
    what.textContent = st.summary;
    keys.textContent = "";
    for (const k of (st.action && st.action.keys) || []) {
      const chip = document.createElement("kbd");
      chip.textContent = k;
      keys.appendChild(chip);
    }
    where.textContent = [st.app, st.title, st.url].filter(Boolean).join(" · ");
    root.dataset.index = String(i);
  }

  function stop() {
    if (timer) clearTimeout(timer);
    timer = null;
    play.textContent = "Play";
    root.dataset.playing = "false";
  }

  function tick() {
    if (i >= steps.length - 1) return stop();
    const dt = Math.max(0.2, Math.min(3, (steps[i + 1].t - steps[i].t) || 1));
    timer = setTimeout(() => {
      show(i + 1);
      tick();
    }, (dt * 1000) / Number(speed.value || 1));
  }

  function toggle() {
    if (timer) return stop();
    if (i >= steps.length - 1) show(0);
    play.textContent = "Pause";
    root.dataset.playing = "true";
    tick();
  }

  document.getElementById("prev").addEventListener("click", () => { stop(); show(i - 1); });
  document.getElementById("next").addEventListener("click", () => { stop(); show(i + 1); });
  play.addEventListener("click", toggle);
  scrub.addEventListener("input", () => { stop(); show(Number(scrub.value)); });
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT") && t !== scrub) return;
    if (e.key === "ArrowLeft") { stop(); show(i - 1); e.preventDefault(); }
    else if (e.key === "ArrowRight") { stop(); show(i + 1); e.preventDefault(); }
    else if (e.key === " " && (!t || t.tagName !== "BUTTON")) { toggle(); e.preventDefault(); }
  });
  show(0);
})();
