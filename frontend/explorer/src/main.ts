// Entry point of the explorer page (bundled by esbuild into explorer.js).

import { App } from "./app";
import { readToken } from "./api";
import { runBench } from "./bench";
import { installHooks } from "./hooks";
import { wireButtons, wireKeyboard, wirePointer } from "./interactions";
import { SearchBox } from "./search";

function boot(): void {
  const app = new App();
  const search = new SearchBox(
    document.getElementById("search-input") as HTMLInputElement,
    document.getElementById("search-results") as HTMLElement,
    (hit) => void app.place(hit.id),
    (message) => app.say(message, true),
  );
  wirePointer(app);
  wireButtons(app);
  wireKeyboard(app, () => search.focus());
  const tokenInput = document.getElementById("token-input") as HTMLInputElement;
  tokenInput.value = readToken();
  document.getElementById("token-form")?.addEventListener("submit", (event) => {
    event.preventDefault();
    void app.useToken(tokenInput.value);
  });
  const bench = Number(new URLSearchParams(location.search).get("bench") ?? 0);
  if (bench > 0) {
    (window as unknown as { __app: App }).__app = app;
    const done = runBench(app, Math.min(bench, 50_000)).then((result) => {
      (window as unknown as { __bench: unknown }).__bench = result;
    });
    installHooks(app, done);
    return;
  }
  installHooks(app, app.start());
}

boot();
