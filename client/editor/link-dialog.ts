import type { Editor } from "@tiptap/core";
import { el, field } from "./dom.js";

/**
 * The link dialog (button "Liên kết" or Ctrl+K): an address for the selected text, or the address
 * itself inserted as text when nothing is selected; "Bỏ liên kết" removes it.
 */

/** Addresses the sanitiser keeps: http(s), mailto:, tel:, and paths of this site. */
export function linkProblem(href: string): string | null {
  if (href === "") return "Vui lòng nhập địa chỉ liên kết.";
  if (/^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d][\d .-]*|\/[^\s/][^\s]*|\/)$/i.test(href)) return null;
  return "Địa chỉ phải bắt đầu bằng https://, http://, mailto:, tel: hoặc / (trang trong cổng).";
}

export function createLinkDialog(editor: Editor): () => void {
  const url = field("editor-link-url", "Địa chỉ liên kết", el("input", { type: "text", inputmode: "url", autocomplete: "off" }));
  const hint = el("p", {
    class: "hint",
    text: "Ví dụ: https://hanoi.gov.vn hoặc /tin-tuc/ten-bai-viet. Liên kết ra ngoài cổng tự mở an toàn.",
  });
  const apply = el("button", { type: "submit", class: "button primary", text: "Chèn liên kết" });
  const remove = el("button", { type: "button", class: "button secondary", text: "Bỏ liên kết" });
  const cancel = el("button", { type: "button", class: "button secondary", text: "Hủy" });
  const form = el(
    "form",
    { method: "dialog", novalidate: "" },
    el("h2", { id: "editor-link-title", text: "Liên kết" }),
    hint,
    url.wrapper,
    el("div", { class: "form-actions" }, apply, remove, cancel),
  );
  const dialog = el("dialog", { class: "editor-dialog", "aria-labelledby": "editor-link-title" }, form);
  document.body.append(dialog);

  const close = () => {
    dialog.close();
    editor.commands.focus();
  };
  cancel.addEventListener("click", close);
  remove.addEventListener("click", () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    dialog.close();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const href = url.input.value.trim();
    const problem = linkProblem(href);
    url.setError(problem);
    if (problem) {
      url.input.focus();
      return;
    }
    dialog.close();
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive("link"))
      chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
    else chain.extendMarkRange("link").setLink({ href }).run();
  });

  return () => {
    url.setError(null);
    url.input.value = String(editor.getAttributes("link").href ?? "");
    remove.hidden = !editor.isActive("link");
    dialog.showModal();
    url.input.focus();
  };
}
