import { Extension } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import Link from "@tiptap/extension-link";
import StarterKit from "@tiptap/starter-kit";
import { Figure } from "./figure.js";

/**
 * What the editor can write: exactly the markup the sanitiser keeps (paragraphs, h2–h3, bold, italic,
 * underline, lists, quotes, links, photos with captions, line breaks). Code, strike-through and rules
 * are left out because the sanitiser would drop them.
 */

/** Links as the sanitiser writes them: `href`, and `rel="noopener noreferrer"` when external. */
const SafeLink = Link.extend({
  renderHTML({ HTMLAttributes }) {
    const href = String(HTMLAttributes.href ?? "");
    const attrs: Record<string, string> = { href };
    if (/^https?:\/\//i.test(href)) attrs.rel = "noopener noreferrer";
    return ["a", attrs, 0];
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: "https",
  protocols: ["mailto", "tel"],
});

/** Ctrl+K (⌘K) opens the link dialog, as in word processors. */
function linkShortcut(open: () => void) {
  return Extension.create({
    name: "linkShortcut",
    addKeyboardShortcuts() {
      return {
        "Mod-k": () => {
          open();
          return true;
        },
      };
    },
  });
}

export function editorExtensions(options: { openLinkDialog: () => void }) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      link: false,
    }),
    SafeLink,
    Image.configure({ inline: false, allowBase64: false }),
    Figure,
    linkShortcut(options.openLinkDialog),
  ];
}
