"use strict";
// The page calls the public API only. Every text from the server is set with
// textContent, never parsed as HTML. Offsets from the API are Unicode code points:
// Array.from() splits a JavaScript string (UTF-16) into code points to slice them.

const $ = (id) => document.getElementById(id);
const articleCache = new Map();

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// A problem+json error: its per-field messages when it has them, else its detail.
function problemMessage(body) {
  const messages = [];
  const walk = (value) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
    else if (value) messages.push(String(value));
  };
  walk(body.errors);
  return messages.length ? messages.join(" ") : body.detail || body.title;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(problemMessage(body) || response.statusText);
  return body;
}

async function article(id) {
  if (!articleCache.has(id)) articleCache.set(id, api(`/v1/articles/${id}`));
  return articleCache.get(id);
}

// The passage highlighted inside up to 240 code points of its article on each side.
function contextNode(text, start, end) {
  const points = Array.from(text);
  const from = Math.max(0, start - 240);
  const to = Math.min(points.length, end + 240);
  const box = el("div", null, "context");
  box.append((from > 0 ? "…" : "") + points.slice(from, start).join(""));
  box.append(el("mark", points.slice(start, end).join(""), "passage"));
  box.append(points.slice(end, to).join("") + (to < points.length ? "…" : ""));
  return box;
}

async function renderMatch(match) {
  const item = el("li", null, "match");
  const claim = match.claim;
  item.append(el("strong", claim.text));
  const who = [claim.claimant, claim.source && `via ${claim.source}`].filter(Boolean).join(" ");
  item.append(el("div", `${who || "narration"} · score ${match.score.toFixed(2)}`, "meta"));
  for (const stance of match.outlets) {
    const box = el("div", null, "outlet");
    const title = el("div");
    title.append(el("strong", stance.outlet.name));
    title.append(el("span", stance.stance, `stance ${stance.stance}`));
    box.append(title);
    for (const d of stance.differences) {
      box.append(el("div", `${d.kind}: the statement says “${d.statement}”, the passage “${d.passage}”`,
        "difference"));
    }
    for (const p of stance.passages) {
      const text = (await article(p.article_id)).text;
      box.append(contextNode(text, p.start, p.end));
    }
    item.append(box);
  }
  return item;
}

async function verify(event) {
  event.preventDefault();
  $("error").hidden = true;
  const statement = $("statement").value;
  try {
    const result = await api("/v1/verify", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ statement, limit: 5 }),
    });
    const matches = $("matches");
    matches.replaceChildren();
    for (const match of result.matches) matches.append(await renderMatch(match));
    const verdict = $("verdict");
    verdict.textContent = result.verdict;
    verdict.className = `verdict ${result.verdict}`;
    $("result").hidden = false;
  } catch (error) {
    $("error").textContent = error.message;
    $("error").hidden = false;
  }
}

async function loadDisagreements() {
  const list = $("disagreements");
  list.replaceChildren();
  try {
    const body = await api("/v1/disagreements?limit=50");
    for (const item of body.items) {
      const entry = el("li", null, "match");
      entry.append(el("strong", item.text));
      entry.append(el("div", `${item.claimant || "narration"} · ${item.outlet_count} outlets`, "meta"));
      for (const d of item.differences) {
        entry.append(el("div",
          `${d.kind}: ${d.a.outlet.name} “${d.a.wording}” — ${d.b.outlet.name} “${d.b.wording}”`,
          "difference"));
      }
      list.append(entry);
    }
    if (!body.items.length) list.append(el("li", "No disagreements stored."));
  } catch (error) {
    list.append(el("li", error.message));
  }
}

function show(view) {
  const verifying = view === "verify";
  $("view-verify").hidden = !verifying;
  $("view-disagreements").hidden = verifying;
  $("tab-verify").classList.toggle("active", verifying);
  $("tab-disagreements").classList.toggle("active", !verifying);
  if (!verifying) loadDisagreements();
}

$("verify-form").addEventListener("submit", verify);
$("tab-verify").addEventListener("click", () => show("verify"));
$("tab-disagreements").addEventListener("click", () => show("disagreements"));
