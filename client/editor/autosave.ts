import { csrfToken, el, momentVi, timeVi } from "./dom.js";

/**
 * Nothing typed is lost: a copy of the title, summary and body in this browser (localStorage) after
 * every change, offered back after a crash; and, for a stored article, a draft revision on the
 * server a few seconds after typing stops ("Đã lưu lúc 10:42"). The article itself changes only when
 * the form is submitted.
 */

const IDLE_MS = 4_000;
const LOCAL_MS = 800;

export interface DraftCopy {
  title: string;
  lead: string;
  bodyHtml: string;
  at: string;
}

interface Fields {
  form: HTMLFormElement;
  title: HTMLInputElement | null;
  lead: HTMLTextAreaElement | null;
  body: HTMLTextAreaElement;
}

function currentCopy(fields: Fields): DraftCopy {
  return {
    title: fields.title?.value ?? "",
    lead: fields.lead?.value ?? "",
    bodyHtml: fields.body.value,
    at: new Date().toISOString(),
  };
}

function readCopy(key: string): DraftCopy | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as DraftCopy) : null;
  } catch {
    return null;
  }
}

export function startAutosave(options: {
  fields: Fields;
  draftKey: string;
  autosaveUrl: string | null;
  status: HTMLElement;
  /** Puts a restored copy into the form and the editor. */
  restore: (copy: DraftCopy) => void;
  /** The place for the "restore?" prompt. */
  promptHost: HTMLElement;
}): { changed: () => void } {
  const { fields, draftKey, autosaveUrl, status } = options;
  let localTimer: number | undefined;
  let idleTimer: number | undefined;
  let lastSent = JSON.stringify([fields.title?.value, fields.lead?.value, fields.body.value]);
  let saving = false;
  let submitted = false;

  const stored = readCopy(draftKey);
  const same =
    stored &&
    stored.title === (fields.title?.value ?? "") &&
    stored.lead === (fields.lead?.value ?? "") &&
    stored.bodyHtml === fields.body.value;
  if (stored && !same) {
    const restoreButton = el("button", { type: "button", class: "button primary", text: "Khôi phục bản này" });
    const dropButton = el("button", { type: "button", class: "button secondary", text: "Bỏ bản này" });
    const prompt = el(
      "div",
      { class: "draft-prompt", role: "alert" },
      el("p", {
        text: `Trình duyệt này còn giữ một bản chưa lưu của bài, viết lúc ${momentVi(new Date(stored.at))}. Khôi phục bản đó vào biểu mẫu?`,
      }),
      el("div", { class: "form-actions" }, restoreButton, dropButton),
    );
    restoreButton.addEventListener("click", () => {
      options.restore(stored);
      prompt.remove();
      status.textContent = "Đã khôi phục bản chưa lưu. Bấm Lưu để lưu lên máy chủ.";
    });
    dropButton.addEventListener("click", () => {
      localStorage.removeItem(draftKey);
      prompt.remove();
    });
    options.promptHost.prepend(prompt);
  } else if (same) localStorage.removeItem(draftKey);

  const saveLocal = () => {
    if (submitted) return;
    try {
      localStorage.setItem(draftKey, JSON.stringify(currentCopy(fields)));
    } catch {
      // A full or disabled storage must not stop the editor; the server copy still works.
    }
  };

  const saveRemote = async () => {
    if (!autosaveUrl || saving) return;
    const snapshot = JSON.stringify([fields.title?.value, fields.lead?.value, fields.body.value]);
    if (snapshot === lastSent) return;
    saving = true;
    const body = new FormData();
    body.append("title", fields.title?.value ?? "");
    body.append("lead", fields.lead?.value ?? "");
    body.append("bodyHtml", fields.body.value);
    try {
      const response = await fetch(autosaveUrl, {
        method: "POST",
        body,
        headers: { "X-CSRF-Token": csrfToken(), Accept: "application/json" },
      });
      const data = (await response.json().catch(() => ({}))) as { savedAt?: string; message?: string };
      if (response.ok && data.savedAt) {
        lastSent = snapshot;
        status.textContent = `Đã lưu lúc ${timeVi(new Date(data.savedAt))}`;
        // The server holds this state now; the browser's copy is only for what came after.
        if (JSON.stringify([fields.title?.value, fields.lead?.value, fields.body.value]) === snapshot)
          localStorage.removeItem(draftKey);
      } else {
        status.textContent = `Chưa lưu tự động được: ${data.message ?? "máy chủ từ chối"}. Bản nháp vẫn được giữ trên máy này.`;
      }
    } catch {
      status.textContent = "Chưa lưu tự động được (mất kết nối?). Bản nháp vẫn được giữ trên máy này.";
    } finally {
      saving = false;
    }
  };

  const changed = () => {
    window.clearTimeout(localTimer);
    localTimer = window.setTimeout(saveLocal, LOCAL_MS);
    if (!autosaveUrl) {
      status.textContent = "Bản nháp được giữ trên máy này; bấm Lưu nháp để lưu lên máy chủ.";
      return;
    }
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(saveRemote, IDLE_MS);
  };

  fields.title?.addEventListener("input", changed);
  fields.lead?.addEventListener("input", changed);
  // The form is being sent: the server has the text now (and shows it again if it refuses it).
  fields.form.addEventListener("submit", () => {
    window.clearTimeout(localTimer);
    window.clearTimeout(idleTimer);
    submitted = true;
    localStorage.removeItem(draftKey);
  });
  // Leaving the page with unsaved typing: save what can be saved.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && !submitted) {
      // What the server already holds needs no copy here (it offers its autosave itself).
      const snapshot = JSON.stringify([fields.title?.value, fields.lead?.value, fields.body.value]);
      if (autosaveUrl === null || snapshot !== lastSent) saveLocal();
      void saveRemote();
    }
  });
  return { changed };
}
