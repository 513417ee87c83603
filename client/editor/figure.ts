import { mergeAttributes, Node } from "@tiptap/core";

/**
 * A photo with its caption, as the portal prints it: `<figure><img src alt><figcaption>…`. The
 * caption is the node's text, edited in place; the photo's address and alt text are attributes.
 */

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a captioned photo where the cursor is. */
      insertFigure: (options: { src: string; alt: string; caption: string }) => ReturnType;
    };
  }
}

export const Figure = Node.create({
  name: "figure",
  group: "block",
  content: "text*",
  marks: "",
  draggable: true,
  isolating: true,

  addAttributes() {
    return {
      src: { default: null, parseHTML: (el) => el.querySelector("img")?.getAttribute("src") ?? null },
      alt: { default: "", parseHTML: (el) => el.querySelector("img")?.getAttribute("alt") ?? "" },
    };
  },

  parseHTML() {
    return [{ tag: "figure", contentElement: "figcaption", getAttrs: (el) => (el.querySelector("img") ? null : false) }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const { src, alt, ...rest } = HTMLAttributes;
    return ["figure", mergeAttributes(rest), ["img", { src: node.attrs.src, alt: node.attrs.alt }], ["figcaption", 0]];
  },

  addCommands() {
    return {
      insertFigure:
        ({ src, alt, caption }) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: { src, alt },
            content: caption ? [{ type: "text", text: caption }] : [],
          }),
    };
  },
});
