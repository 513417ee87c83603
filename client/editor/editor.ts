import { Editor } from "@tiptap/core";
import { type DraftCopy, startAutosave } from "./autosave.js";
import { el } from "./dom.js";
import { editorExtensions } from "./extensions.js";
import { toStoredHtml } from "./html-output.js";
import { createLinkDialog } from "./link-dialog.js";
import { createMediaDialog } from "./media-dialog.js";
import { buildToolbar } from "./toolbar.js";

/**
 * The article editor (bundled into /static/editor.js by scripts/build-client.mjs). Progressive
 * enhancement of the form: the `<textarea name="bodyHtml">` stays the form field and receives the
 * editor's HTML on every change, so the form posts the same way with or without this script.
 *
 * Mounted on `[data-rich-editor]`, which names its endpoints in data attributes: `data-library-url`,
 * `data-upload-url`, `data-autosave-url` (stored articles only) and `data-draft-key`.
 */

/** Text typed without markup (a form sent back with errors keeps it as typed) as paragraphs. */
function asHtml(value: string): string {
  if (/<[a-z!/]/i.test(value)) return value;
  return value
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function mount(host: HTMLElement): void {
  const textarea = host.querySelector("textarea");
  const form = host.closest("form");
  if (!textarea || !form) return;

  const area = el("div", { class: "rich-editor-area" });
  const status = el("p", { class: "rich-editor-status hint", role: "status", "aria-live": "polite" });
  const prompts = el("div", { class: "rich-editor-prompts" });
  textarea.before(prompts);
  textarea.after(area, status);
  host.classList.add("is-rich");
  textarea.tabIndex = -1;
  textarea.setAttribute("aria-hidden", "true");

  let autosave: { changed: () => void } | null = null;
  let openLink = () => {};
  const editor = new Editor({
    element: area,
    extensions: editorExtensions({ openLinkDialog: () => openLink() }),
    content: asHtml(textarea.value),
    injectCSS: false,
    editorProps: {
      attributes: {
        class: "rich-editor-content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Khung soạn thảo bài viết",
        ...(textarea.getAttribute("aria-describedby")
          ? { "aria-describedby": textarea.getAttribute("aria-describedby") as string }
          : {}),
        ...(textarea.getAttribute("aria-invalid") ? { "aria-invalid": "true" } : {}),
      },
    },
    onUpdate: ({ editor: e }) => {
      textarea.value = toStoredHtml(e.getHTML());
      autosave?.changed();
    },
  });

  openLink = createLinkDialog(editor);
  const openMedia = createMediaDialog(
    editor,
    { library: host.dataset.libraryUrl ?? "", upload: host.dataset.uploadUrl ?? "" },
    () => form.querySelector<HTMLSelectElement | HTMLInputElement>('[name="unitId"]')?.value ?? "",
  );
  let source = false;
  const toolbar = buildToolbar(editor, {
    openLinkDialog: () => openLink(),
    openMediaDialog: openMedia,
    toggleSource: () => {
      source = !source;
      host.classList.toggle("is-source", source);
      if (source) {
        textarea.removeAttribute("aria-hidden");
        textarea.tabIndex = 0;
        textarea.focus();
      } else {
        textarea.setAttribute("aria-hidden", "true");
        textarea.tabIndex = -1;
        editor.commands.focus();
      }
      return source;
    },
  });
  area.before(toolbar);

  // The HTML typed or pasted into the source (or filled in by a test) goes into the editor as it is;
  // the textarea keeps the raw text, which the server sanitises on save.
  textarea.addEventListener("input", () => {
    editor.commands.setContent(asHtml(textarea.value), { emitUpdate: false });
    autosave?.changed();
  });
  // The field's label focuses the editor rather than the hidden source.
  const label = form.querySelector<HTMLLabelElement>(`label[for="${textarea.id}"]`);
  label?.addEventListener("click", (event) => {
    if (source) return;
    event.preventDefault();
    editor.commands.focus();
  });

  autosave = startAutosave({
    fields: {
      form,
      title: form.querySelector<HTMLInputElement>('[name="title"]'),
      lead: form.querySelector<HTMLTextAreaElement>('[name="lead"]'),
      body: textarea,
    },
    draftKey: host.dataset.draftKey ?? "giaoban:bai-viet",
    autosaveUrl: host.dataset.autosaveUrl ?? null,
    status,
    promptHost: prompts,
    restore: (copy: DraftCopy) => {
      const title = form.querySelector<HTMLInputElement>('[name="title"]');
      const lead = form.querySelector<HTMLTextAreaElement>('[name="lead"]');
      if (title) title.value = copy.title;
      if (lead) lead.value = copy.lead;
      textarea.value = copy.bodyHtml;
      editor.commands.setContent(asHtml(copy.bodyHtml), { emitUpdate: false });
      autosave?.changed();
    },
  });
}

document.querySelectorAll<HTMLElement>("[data-rich-editor]").forEach(mount);
