import type { Editor } from "@tiptap/core";

/**
 * The formatting toolbar: buttons with Vietnamese names and their shortcuts, `aria-pressed` on the
 * formats that can be on or off, and one tab stop (arrow keys move between buttons, the WAI-ARIA
 * toolbar pattern).
 */

export interface ToolbarActions {
  openLinkDialog: () => void;
  openMediaDialog: () => void;
  toggleSource: () => boolean;
}

interface ToolDef {
  label: string;
  keys?: string;
  /** Shown in the tooltip. */
  hint?: string;
  run: (editor: Editor, actions: ToolbarActions) => void;
  /** Formats that are on or off at the cursor. */
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
}

const TOOLS: ToolDef[] = [
  {
    label: "Đậm",
    keys: "Control+B",
    hint: "Ctrl+B",
    run: (e) => e.chain().focus().toggleBold().run(),
    active: (e) => e.isActive("bold"),
  },
  {
    label: "Nghiêng",
    keys: "Control+I",
    hint: "Ctrl+I",
    run: (e) => e.chain().focus().toggleItalic().run(),
    active: (e) => e.isActive("italic"),
  },
  {
    label: "Tiêu đề",
    keys: "Control+Alt+2",
    hint: "Ctrl+Alt+2",
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    active: (e) => e.isActive("heading", { level: 2 }),
  },
  {
    label: "Tiêu đề nhỏ",
    keys: "Control+Alt+3",
    hint: "Ctrl+Alt+3",
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    active: (e) => e.isActive("heading", { level: 3 }),
  },
  {
    label: "Danh sách",
    keys: "Control+Shift+8",
    hint: "Ctrl+Shift+8",
    run: (e) => e.chain().focus().toggleBulletList().run(),
    active: (e) => e.isActive("bulletList"),
  },
  {
    label: "Danh sách số",
    keys: "Control+Shift+7",
    hint: "Ctrl+Shift+7",
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    active: (e) => e.isActive("orderedList"),
  },
  {
    label: "Liên kết",
    keys: "Control+K",
    hint: "Ctrl+K",
    run: (_e, a) => a.openLinkDialog(),
    active: (e) => e.isActive("link"),
  },
  { label: "Ảnh", run: (_e, a) => a.openMediaDialog() },
  {
    label: "Trích dẫn",
    keys: "Control+Shift+B",
    hint: "Ctrl+Shift+B",
    run: (e) => e.chain().focus().toggleBlockquote().run(),
    active: (e) => e.isActive("blockquote"),
  },
  {
    label: "Hoàn tác",
    keys: "Control+Z",
    hint: "Ctrl+Z",
    run: (e) => e.chain().focus().undo().run(),
    enabled: (e) => e.can().undo(),
  },
  {
    label: "Làm lại",
    keys: "Control+Shift+Z",
    hint: "Ctrl+Shift+Z",
    run: (e) => e.chain().focus().redo().run(),
    enabled: (e) => e.can().redo(),
  },
];

export function buildToolbar(editor: Editor, actions: ToolbarActions): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "rich-editor-toolbar";
  bar.setAttribute("role", "toolbar");
  bar.setAttribute("aria-label", "Định dạng văn bản");
  const buttons: { button: HTMLButtonElement; tool: ToolDef }[] = [];
  const make = (label: string, title: string) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "rich-editor-tool";
    button.textContent = label;
    button.title = title;
    button.tabIndex = -1;
    bar.append(button);
    return button;
  };
  for (const tool of TOOLS) {
    const button = make(tool.label, tool.hint ? `${tool.label} (${tool.hint})` : tool.label);
    if (tool.keys) button.setAttribute("aria-keyshortcuts", tool.keys);
    if (tool.active) button.setAttribute("aria-pressed", "false");
    // Keep the editor's selection: a click on a button must not move the focus first.
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", () => tool.run(editor, actions));
    buttons.push({ button, tool });
  }
  const source = make("Mã HTML", "Xem và sửa mã HTML của nội dung");
  source.setAttribute("aria-pressed", "false");
  source.addEventListener("click", () => {
    const on = actions.toggleSource();
    source.setAttribute("aria-pressed", String(on));
    for (const { button } of buttons) button.disabled = on;
  });
  const all = [...buttons.map((b) => b.button), source];
  (all[0] as HTMLButtonElement).tabIndex = 0;
  bar.addEventListener("keydown", (event) => {
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const enabled = all.filter((b) => !b.disabled);
    const at = enabled.indexOf(all[index] as HTMLButtonElement);
    let next: HTMLButtonElement | undefined;
    if (event.key === "ArrowRight") next = enabled[(at + 1) % enabled.length];
    else if (event.key === "ArrowLeft") next = enabled[(at - 1 + enabled.length) % enabled.length];
    else if (event.key === "Home") next = enabled[0];
    else if (event.key === "End") next = enabled[enabled.length - 1];
    if (!next) return;
    event.preventDefault();
    for (const b of all) b.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  const refresh = () => {
    for (const { button, tool } of buttons) {
      if (tool.active) button.setAttribute("aria-pressed", String(tool.active(editor)));
      if (tool.enabled && source.getAttribute("aria-pressed") !== "true") button.disabled = !tool.enabled(editor);
    }
  };
  editor.on("transaction", refresh);
  refresh();
  return bar;
}
