/* Pairing an existing browser: store {port, secret} from `demotrace browser --pairing`. */
const out = document.getElementById("out");
chrome.storage.local.get(DT.K_PAIRING).then((s) => {
  const p = s[DT.K_PAIRING];
  out.textContent = p ? `paired (port ${p.port})` : "not paired";
});
document.getElementById("save").addEventListener("click", async () => {
  try {
    const p = JSON.parse(document.getElementById("pairing").value);
    if (typeof p.secret !== "string" || p.secret.length < 32 || !Number.isInteger(p.port)) throw new Error("needs port and secret");
    await chrome.storage.local.set({ [DT.K_PAIRING]: { port: p.port, secret: p.secret } });
    out.textContent = `paired (port ${p.port})`;
  } catch (e) { out.textContent = "not a pairing string: " + e.message; }
});
document.getElementById("forget").addEventListener("click", async () => {
  await chrome.storage.local.remove(DT.K_PAIRING);
  out.textContent = "not paired";
});
