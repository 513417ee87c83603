/** Small DOM helpers shared by the editor's parts. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

/** A labelled field with its error line, in the markup of the server's forms. */
export function field(id: string, label: string, input: HTMLInputElement | HTMLTextAreaElement) {
  input.id = id;
  const error = el("p", { class: "field-error", id: `${id}-error`, hidden: "" });
  const wrapper = el("div", { class: "field" }, el("label", { for: id, text: label }), input, error);
  return {
    wrapper,
    input,
    setError(message: string | null) {
      wrapper.classList.toggle("has-error", message !== null);
      error.hidden = message === null;
      error.textContent = message ?? "";
      if (message === null) {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      } else {
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", `${id}-error`);
      }
    },
  };
}

/** The token the server expects with every change (`X-CSRF-Token`). */
export function csrfToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? "";
}

const TIME = new Intl.DateTimeFormat("vi-VN", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Asia/Ho_Chi_Minh",
});
const DATE = new Intl.DateTimeFormat("vi-VN", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "Asia/Ho_Chi_Minh",
});

/** "10:42" in Vietnam's time. */
export function timeVi(at: Date): string {
  return TIME.format(at);
}

/** "10:42 ngày 07/12/2026". */
export function momentVi(at: Date): string {
  return `${TIME.format(at)} ngày ${DATE.format(at)}`;
}
