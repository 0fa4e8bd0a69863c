// Live preview client (`python build.py serve`): reloads the page after each rebuild and shows
// the build's errors over the last good page. Served by the preview server only; never published.
// All texts come from the server (catalogue/messages.py), in the site's language.

const STATE_URL = "/__catalogue__/state.json";
const DISMISSED = "catalogue-overlay-dismissed";
const PROTOCOL = "http://livereload.com/protocols/official-7";

async function fetchState() {
  const response = await fetch(STATE_URL, { cache: "no-store" });
  return response.json();
}

/** The build the server had when it sent this page; a newer one means the page is stale. */
function pageBuild() {
  return document.querySelector('meta[name="catalogue-build"]')?.content;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function problemItem(problem) {
  const item = element("li", `catalogue-overlay__item catalogue-overlay__item--${problem.level}`);
  const where = element("p", "catalogue-overlay__where");
  where.append(element("span", "catalogue-overlay__level", problem.levelText));
  if (problem.path) where.append(element("code", "", `${problem.path}:${problem.line}`));
  item.append(where, element("p", "catalogue-overlay__message", problem.message));
  if (problem.source !== null) {
    const code = element("code");
    code.append(element("span", "catalogue-overlay__number", String(problem.line)), problem.source);
    const source = element("pre", "catalogue-overlay__source");
    source.append(code);
    item.append(source);
  }
  return item;
}

function overlay(state) {
  const dialog = element("dialog", "catalogue-overlay");
  dialog.setAttribute("role", "alertdialog");
  dialog.setAttribute("aria-modal", "true");
  dialog.setAttribute("aria-labelledby", "catalogue-overlay-title");
  dialog.setAttribute("aria-describedby", "catalogue-overlay-intro");
  const head = element("div", "catalogue-overlay__head");
  const title = element("h2", "catalogue-overlay__title", state.texts.title);
  title.id = "catalogue-overlay-title";
  const close = element("button", "catalogue-overlay__close", state.texts.close);
  close.type = "button";
  close.addEventListener("click", () => dialog.close());
  head.append(title, close);
  const intro = element("p", "catalogue-overlay__intro", state.texts.intro);
  intro.id = "catalogue-overlay-intro";
  const list = element("ol", "catalogue-overlay__list");
  list.append(...state.problems.map(problemItem));
  dialog.append(head, intro, list);
  return dialog;
}

function show(state) {
  if (state.problems.length === 0) {
    sessionStorage.removeItem(DISMISSED);
    return;
  }
  const dialog = overlay(state);
  // After Esc or the close button, a button stays to bring the list back; the page stays usable.
  const badge = element("button", "catalogue-overlay-badge", state.texts.reopen);
  badge.type = "button";
  badge.hidden = true;
  badge.addEventListener("click", () => {
    badge.hidden = true;
    dialog.showModal();
  });
  dialog.addEventListener("close", () => {
    sessionStorage.setItem(DISMISSED, String(state.build));
    badge.hidden = false;
    badge.focus();
  });
  document.body.append(dialog, badge);
  if (sessionStorage.getItem(DISMISSED) === String(state.build)) {
    badge.hidden = false; // dismissed on an earlier page: do not block every page of the same build
  } else {
    dialog.showModal();
  }
}

/** Livereload protocol: say hello, register this page, reload when the server says so. */
function listen() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const socket = new WebSocket(`${scheme}://${location.host}/livereload`);
  socket.addEventListener("open", () => socket.send(JSON.stringify({ command: "hello", protocols: [PROTOCOL] })));
  socket.addEventListener("message", async (event) => {
    const message = JSON.parse(event.data);
    if (message.command === "hello") {
      socket.send(JSON.stringify({ command: "info", url: location.href, plugins: {} }));
      // A rebuild may have finished while this page was loading: catch up now that reloads reach us.
      const state = await fetchState();
      if (String(state.build) !== pageBuild()) location.reload();
    } else if (message.command === "reload") {
      location.reload();
    }
  });
  // The preview was restarted or stopped: try again; the hello above reloads a stale page.
  socket.addEventListener("close", () => setTimeout(listen, 1000));
}

const state = await fetchState();
if (String(state.build) !== pageBuild()) {
  location.reload();
} else {
  show(state);
  listen();
}
